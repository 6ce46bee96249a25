/**
 * Sends one signed Jira webhook to a running worker, as Jira Cloud would, and prints the bugs ranked by support impact:
 * `npx tsx packages/worker/scripts/send-demo-jira-webhook.ts [BASE_URL]`. It moves the demo bug DEMO-2 to
 * "In Progress" (its open linked cases get a note queued for Zendesk). The secret is JIRA_WEBHOOK_SECRET (the
 * environment, else .dev.vars, else the demo secret `pnpm start` uses); the API token SUPPORT_METRICS_DEMO_TOKEN,
 * else `demo-token`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { requireLocalSecret } from './local-secrets.js';

const base = process.argv[2] ?? 'http://127.0.0.1:8787';
const secret = requireLocalSecret('JIRA_WEBHOOK_SECRET');
const token = process.env.SUPPORT_METRICS_DEMO_TOKEN || 'demo-token';
const body = JSON.stringify({
  timestamp: Date.now(),
  webhookEvent: 'jira:issue_updated',
  issue_event_type_name: 'issue_generic',
  issue: {
    id: '92',
    key: 'DEMO-2',
    fields: {
      summary: 'Controller disconnects after standby',
      status: { name: 'In Progress' },
      resolution: null,
      fixVersions: [],
      issuetype: { name: 'Bug' },
      updated: new Date().toISOString(),
    },
  },
  changelog: { items: [{ field: 'status', fromString: 'To Do', toString: 'In Progress' }] },
});
const response = await fetch(`${base}/jira/webhooks`, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'x-hub-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    'x-atlassian-webhook-identifier': randomUUID(),
  },
  body,
});
console.log(`POST /jira/webhooks → HTTP ${response.status} ${await response.text()}`);
const bugs = (await (
  await fetch(`${base}/api/bugs`, { headers: { authorization: `Bearer ${token}` } })
).json()) as {
  bugs: {
    issueKey: string;
    summary: string | null;
    status: string | null;
    impact: Record<string, unknown>;
    deflection: Record<string, unknown>;
  }[];
};
console.log('\nGET /api/bugs (by cases):');
for (const b of bugs.bugs)
  console.log(
    `  ${b.issueKey} ${b.summary ?? ''} [${b.status ?? '?'}] — ${b.impact.cases} cases (${b.impact.openCases} open), ${b.impact.customers} customers, revenue at risk ${b.impact.revenueAtRisk ?? 'not measured'}; deflection: ${JSON.stringify(b.deflection)}`,
  );
