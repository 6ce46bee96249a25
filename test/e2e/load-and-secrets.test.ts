import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sealSetting } from '@support-metrics/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startWorker, zendeskSignature } from '../support/wrangler-dev.js';

// A bounded load test against the real worker on loopback, and a sweep for secrets in everything it said.
const SECRET = 'load-webhook-secret-9f2c';
const TOKEN = 'load-tenant-token-71ad';
const ZENDESK_TOKEN = 'load-zendesk-api-token-0c4e';
const SLACK_SECRET = 'load-slack-signing-secret-5b1e';
const SLACK_BOT_TOKEN = 'xoxb-load-bot-token-88aa';
const JIRA_SECRET = 'load-jira-webhook-secret-3d7f';
const JIRA_TOKEN = 'load-jira-api-token-61bc';
const SETTINGS_SECRET = 'load-settings-secret-4e9a';
// A second tenant with its own credentials, stored sealed (as tenant.ts stores them).
const OWN_TOKEN = 'load-own-tenant-token-2b6d';
const OWN_HOOK = 'load-own-webhook-secret-a1f0';
const OWN_ZENDESK_TOKEN = 'load-own-zendesk-token-7c3e';
const TOTAL = Number(process.env.LOAD_REQUESTS ?? 10_000);
let worker: RunningWorker;
const bodies: string[] = [];

beforeAll(async () => {
  worker = await startWorker({
    vars: {
      ZENDESK_WEBHOOK_SECRET: SECRET,
      ZENDESK_SUBDOMAIN: 'acme-unreachable',
      ZENDESK_EMAIL: 'bot@acme.com',
      ZENDESK_API_TOKEN: ZENDESK_TOKEN,
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: SLACK_BOT_TOKEN,
      JIRA_WEBHOOK_SECRET: JIRA_SECRET,
      JIRA_BASE_URL: 'https://acme-unreachable.atlassian.net',
      JIRA_EMAIL: 'bot@acme.com',
      JIRA_API_TOKEN: JIRA_TOKEN,
      SETTINGS_SECRET,
    },
    tenants: { demo: TOKEN, own: OWN_TOKEN },
  });
  const own = {
    zendeskWebhookSecret: await sealSetting(SETTINGS_SECRET, 'own', 'zendeskWebhookSecret', OWN_HOOK),
    zendeskApi: await sealSetting(SETTINGS_SECRET, 'own', 'zendeskApi', {
      subdomain: 'own-unreachable',
      email: 'bot@own.example',
      token: OWN_ZENDESK_TOKEN,
    }),
  };
  await worker.sql(`UPDATE tenants SET settings = '${JSON.stringify(own)}' WHERE id = 'own'`);
});
afterAll(async () => {
  await worker?.stop();
});

function webhook(i: number): { body: string } {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const body = JSON.stringify({
    type: 'zen:event-type:ticket.created',
    id: `load-${i}`,
    time: now,
    detail: {
      id: String(500_000 + i),
      subject: 'Export fails',
      description: `On Windows 11 the export fails with E${i}.`,
      status: 'NEW',
      via: { channel: i % 2 ? 'email' : 'web' },
      created_at: now,
    },
  });
  return { body };
}

/**
 * Delivers like Zendesk: a 503 or 429 (backpressure, e.g. a busy ticket or an overloaded local runtime) is
 * retried after Retry-After with a fresh signature, up to 3 times; the final answer is what counts.
 */
async function deliver(body: string, retried: string[]): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${worker.base}/zendesk/webhooks`, {
      method: 'POST',
      headers: signed(body),
      body,
    });
    if ((res.status !== 503 && res.status !== 429) || attempt >= 3) return res;
    retried.push(`${res.status}: ${(await res.text()).slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
  }
}

/** Signs a body as a (re)delivery does: a fresh timestamp, the same body. */
function signed(body: string) {
  const ts = new Date().toISOString();
  return {
    'x-zendesk-webhook-signature': zendeskSignature(SECRET, ts, body),
    'x-zendesk-webhook-signature-timestamp': ts,
  };
}

const COMMANDS = ['', '30d', 'fcr 7d', 'ttr', 'csat yesterday', 'help', 'nonsense'];

/** A signed `/support-metrics` as Slack sends it (a unique trigger id: Slack never sends the same request twice). */
function slashCommand(i: number): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    team_id: 'TLOAD',
    channel_id: 'CLOAD',
    user_id: 'ULOAD',
    command: '/support-metrics',
    text: COMMANDS[i % COMMANDS.length] ?? '',
    response_url: 'https://hooks.slack.com/commands/TLOAD/1/x',
    trigger_id: `load.${i}`,
  }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SLACK_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': signature,
    },
  };
}

describe(`${TOTAL} mixed requests against wrangler dev`, () => {
  it('answers every one without an error and loses no event', async () => {
    const webhooks = new Set<number>();
    let next = 0;
    const failures: string[] = [];
    const retried: string[] = [];
    const today = new Date().toISOString().slice(0, 10);
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < TOTAL) {
          const i = next++;
          let res: Response;
          if (i % 10 < 4) {
            // 40%: webhooks (every tenth one sent twice: a retried delivery)
            const { body } = webhook(i);
            res = await deliver(body, retried);
            webhooks.add(i);
            if (i % 10 === 0) {
              // Redelivered as Zendesk does (it retries a 503 or 429 too): the answer must be "duplicate".
              const dup = await deliver(body, retried);
              if (dup.status !== 200)
                failures.push(`duplicate ${i}: ${dup.status} ${await dup.clone().text()}`);
              bodies.push(await dup.text());
            }
          } else if (i % 10 < 7) {
            // 30%: metrics queries
            res = await fetch(`${worker.base}/api/metrics?from=${today}&groupBy=channel`, {
              headers: { authorization: `Bearer ${TOKEN}` },
            });
          } else if (i % 10 < 8) {
            // 10%: case reads
            res = await fetch(`${worker.base}/api/cases/${500_000 + i - 7}`, {
              headers: { authorization: `Bearer ${TOKEN}` },
            });
          } else {
            // 20%: slash commands, answered from the store within the ack (no answer lost to a response URL)
            const { body, headers } = slashCommand(i);
            res = await fetch(`${worker.base}/slack/events`, { method: 'POST', headers, body });
            const answer = await res.clone().text();
            if (res.status === 200 && !answer.includes('"blocks"'))
              failures.push(`${i}: slash command answered without blocks: ${answer.slice(0, 100)}`);
          }
          if (![200, 404].includes(res.status))
            failures.push(`${i}: ${res.status} ${await res.clone().text()}`);
          bodies.push(await res.text());
        }
      }),
    );
    expect(failures).toEqual([]);
    if (retried.length > 0)
      console.log(`load test: ${retried.length} deliveries retried after backpressure (${retried[0]})`);
    const [stored] = (await worker.sql("SELECT count(*) AS n FROM cases WHERE tenant_id = 'demo'")) as {
      n: number;
    }[];
    expect(stored?.n).toBe(webhooks.size);
    const [rolled] = (await worker.sql(
      "SELECT sum(created) AS n FROM daily_rollups WHERE tenant_id = 'demo'",
    )) as { n: number }[];
    expect(rolled?.n).toBe(webhooks.size);
  }, 600_000);

  it('never shows a secret or a token in a response or in the worker log', async () => {
    // Also the refusals: a forged signature and a wrong token must not echo what was expected.
    const forged = await fetch(`${worker.base}/zendesk/webhooks`, {
      method: 'POST',
      headers: {
        'x-zendesk-webhook-signature': 'x',
        'x-zendesk-webhook-signature-timestamp': new Date().toISOString(),
      },
      body: '{}',
    });
    bodies.push(await forged.text());
    bodies.push(
      await (
        await fetch(`${worker.base}/api/metrics`, { headers: { authorization: 'Bearer wrong' } })
      ).text(),
    );
    bodies.push(await (await fetch(`${worker.base}/`)).text());
    // The tenant whose credentials are sealed: its deliveries verified with the opened secret, its own Zendesk
    // account tried for a ticket it has not seen (unreachable from here), a forged delivery, its policies.
    const ts = new Date().toISOString();
    for (const [body, secret] of [
      [
        JSON.stringify({
          type: 'zen:event-type:ticket.created',
          id: 'own-1',
          time: ts,
          detail: { id: '61', subject: 'Own', created_at: ts },
          event: {},
        }),
        OWN_HOOK,
      ],
      [
        JSON.stringify({
          type: 'zen:event-type:ticket.priority_changed',
          id: 'own-2',
          time: ts,
          detail: { id: '62', priority: 'HIGH' },
          event: { current: 'HIGH' },
        }),
        OWN_HOOK,
      ],
      ['{}', 'forged'],
    ] as const) {
      const res = await fetch(`${worker.base}/t/own/zendesk/webhooks`, {
        method: 'POST',
        headers: {
          'x-zendesk-webhook-signature': zendeskSignature(secret, ts, body),
          'x-zendesk-webhook-signature-timestamp': ts,
        },
        body,
      });
      const text = await res.text();
      bodies.push(text);
      if (body.includes('own-1')) expect(res.status).toBe(200);
      // Its own account was opened and tried (without one the answer is 202 skipped): unreachable from here, 503 (Retry-After).
      if (body.includes('own-2'))
        expect([res.status, text]).toEqual([503, expect.stringContaining('ticket 62')]);
      if (secret === 'forged') expect(res.status).toBe(401);
    }
    const policies = await (
      await fetch(`${worker.base}/api/policies`, { headers: { authorization: `Bearer ${OWN_TOKEN}` } })
    ).text();
    expect(JSON.parse(policies)).toMatchObject({ problems: [] });
    bodies.push(policies);
    const slackForged = await fetch(`${worker.base}/slack/events`, {
      method: 'POST',
      headers: {
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-slack-signature': 'v0=00',
      },
      body: 'team_id=TLOAD',
    });
    expect(slackForged.status).toBe(401);
    bodies.push(await slackForged.text());
    const jiraForged = await fetch(`${worker.base}/jira/webhooks`, {
      method: 'POST',
      headers: { 'x-hub-signature': 'sha256=00' },
      body: '{"webhookEvent":"jira:issue_created"}',
    });
    expect(jiraForged.status).toBe(401);
    bodies.push(await jiraForged.text());
    bodies.push(
      await (
        await fetch(`${worker.base}/api/bugs`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).text(),
    );
    // What was answered, what wrangler dev printed, and wrangler's own debug log files.
    const logDir = join(worker.persistDir, 'wrangler-logs');
    const debugLogs = readdirSync(logDir).map((f) => readFileSync(join(logDir, f), 'utf8'));
    expect(debugLogs.length).toBeGreaterThan(0);
    const everything = [...bodies, worker.logs(), ...debugLogs].join('\n');
    for (const secret of [
      SECRET,
      TOKEN,
      ZENDESK_TOKEN,
      SLACK_SECRET,
      SLACK_BOT_TOKEN,
      JIRA_SECRET,
      JIRA_TOKEN,
      SETTINGS_SECRET,
      OWN_TOKEN,
      OWN_HOOK,
      OWN_ZENDESK_TOKEN,
    ])
      expect(everything).not.toContain(secret);
  });
});
