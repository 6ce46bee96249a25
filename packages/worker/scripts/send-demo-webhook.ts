/**
 * Sends one signed Zendesk event webhook (ticket.created) to a running worker, as Zendesk would:
 * `npx tsx packages/worker/scripts/send-demo-webhook.ts [BASE_URL]`. The secret is ZENDESK_WEBHOOK_SECRET
 * (the environment, else .dev.vars, else the demo secret `pnpm start` uses).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { requireLocalSecret } from './local-secrets.js';

const base = process.argv[2] ?? 'http://127.0.0.1:8787';
const secret = requireLocalSecret('ZENDESK_WEBHOOK_SECRET');
const id = String(900_000 + Math.floor(Math.random() * 99_999));
const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const body = JSON.stringify({
  type: 'zen:event-type:ticket.created',
  account_id: 12514403,
  id: randomUUID(),
  time: now,
  zendesk_event_version: '2022-11-06',
  subject: `zen:ticket:${id}`,
  detail: {
    id,
    subject: 'Export to CSV fails',
    description:
      'Hi, since yesterday the CSV export of the billing dashboard fails with "Error 500". Please help.',
    status: 'NEW',
    priority: 'HIGH',
    via: { channel: 'web_form' },
    created_at: now,
    updated_at: now,
    requester_id: '6596848315901',
    organization_id: '0',
    group_id: '0',
    brand_id: '0',
    tags: [],
  },
  event: {},
});
const signature = createHmac('sha256', secret)
  .update(now + body)
  .digest('base64');
const response = await fetch(`${base}/zendesk/webhooks`, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'x-zendesk-webhook-signature': signature,
    'x-zendesk-webhook-signature-timestamp': now,
  },
  body,
});
console.log(response.status, JSON.stringify(await response.json(), null, 2));
if (response.ok) {
  // The API is at the worker's root for every tenant; a tenant's own (/t/<tenant>) base needs that tenant's token.
  const url = new URL(base);
  const tenant = /^\/t\/([^/]+)/.exec(url.pathname)?.[1];
  const token = tenant ? `<the token of ${tenant}>` : process.env.SUPPORT_METRICS_DEMO_TOKEN || 'demo-token';
  console.log(`\nRead it back: curl -H 'Authorization: Bearer ${token}' ${url.origin}/api/cases/${id}`);
} else process.exitCode = 1;
