import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { main } from '@support-metrics/cli';
import { SHARED_DATA } from '@support-metrics/core/test-support';
import { openSettings, sealSetting } from '@support-metrics/platform';
import { zendeskHandlers } from '@support-metrics/zendesk-app/mocks';
import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startWorker, zendeskSignature } from '../support/wrangler-dev.js';

const SECRET = 'e2e-webhook-secret';
const TOKEN = 'e2e-demo-token';
const SLACK_SECRET = 'e2e-slack-signing-secret';
const JIRA_SECRET = 'e2e-jira-webhook-secret';
const SETTINGS_SECRET = 'e2e-settings-secret';
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startWorker({
    vars: {
      ZENDESK_WEBHOOK_SECRET: SECRET,
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-e2e',
      JIRA_WEBHOOK_SECRET: JIRA_SECRET,
      SETTINGS_SECRET: SETTINGS_SECRET,
    },
    tenants: { demo: TOKEN },
  });
});
afterAll(async () => {
  await worker?.stop();
});

const get = async (path: string) =>
  (await fetch(`${worker.base}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();

describe('the real worker (wrangler dev, local D1)', () => {
  it('takes a signed Zendesk webhook and shows the case and the metrics', async () => {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const body = JSON.stringify({
      type: 'zen:event-type:ticket.created',
      account_id: 1,
      id: 'e2e-event-1',
      time: now,
      subject: 'zen:ticket:31337',
      detail: {
        id: '31337',
        subject: 'Sync fails after upgrade to 5.0.2',
        description:
          '<p>Since the upgrade to 5.0.2 on Windows 11 the sync fails with <b>E1042</b>.</p><p>Best regards,<br>Anna</p>',
        status: 'NEW',
        via: { channel: 'email' },
        created_at: now,
      },
      event: {},
    });
    const post = () =>
      fetch(`${worker.base}/zendesk/webhooks`, {
        method: 'POST',
        headers: {
          'x-zendesk-webhook-signature': zendeskSignature(SECRET, now, body),
          'x-zendesk-webhook-signature-timestamp': now,
        },
        body,
      });
    expect((await post()).status).toBe(200);
    expect(await (await post()).json()).toMatchObject({ status: 'duplicate' });
    const c = (await get('/api/cases/31337')) as { case: { description: string; channel: string } };
    expect(c.case).toMatchObject({
      description: 'Since the upgrade to 5.0.2 on Windows 11 the sync fails with E1042.',
      channel: 'email',
    });
    const today = now.slice(0, 10);
    const m = (await get(`/api/metrics?from=${today}&to=${today}`)) as {
      counts: { created: number };
      metrics: Record<string, { denominator: number }>;
    };
    expect(m.counts.created).toBe(1);
    expect(m.metrics.case_completeness?.denominator).toBe(1);
    // A forged one is refused and leaves the store as it was.
    const forged = await fetch(`${worker.base}/zendesk/webhooks`, {
      method: 'POST',
      headers: { 'x-zendesk-webhook-signature': 'AAAA', 'x-zendesk-webhook-signature-timestamp': now },
      body: body.replace('31337', '31338'),
    });
    expect(forged.status).toBe(401);
    expect(await worker.sql("SELECT count(*) AS n FROM cases WHERE id = '31338'")).toEqual([{ n: 0 }]);
  });

  it('backfills from Zendesk with `support-metrics sync zendesk` (Zendesk served by msw, 429 on the way), resumably', async () => {
    const script = {
      pageSize: 30,
      requests: [] as string[],
      faults: { 1: { status: 429, retryAfter: '1' } },
    };
    const server = setupServer(
      ...zendeskHandlers(script),
      http.all(`${worker.base}/*`, () => passthrough()),
    );
    server.listen({ onUnhandledRequest: 'error' });
    const env = {
      ZENDESK_SUBDOMAIN: 'acme',
      ZENDESK_EMAIL: 'bot@acme.com',
      ZENDESK_API_TOKEN: 'zd-e2e-token',
      SUPPORT_METRICS_TOKEN: TOKEN,
    };
    Object.assign(process.env, env);
    let out = '';
    let err = '';
    try {
      const code = await main(
        ['sync', 'zendesk', '--since', '2023-01-01', '--worker', worker.base, '--no-audits'],
        { write: (s: string) => (out += s) },
        { write: (s: string) => (err += s) },
      );
      expect(code).toBe(0);
      const tickets = (
        JSON.parse(
          readFileSync(`${SHARED_DATA}zendesk_api/zenpy_GET_incremental_tickets_cursor.json`, 'utf8'),
        ) as { tickets: { status: string }[] }
      ).tickets;
      const live = tickets.filter((t) => t.status !== 'deleted').length;
      expect(out).toMatch(new RegExp(`synced ${tickets.length} tickets in 3 pages: ${live} new`));
      expect(err).toContain('tickets');
      expect(
        await worker.sql("SELECT count(*) AS n FROM cases WHERE tenant_id = 'demo' AND id <> '31337'"),
      ).toEqual([{ n: live }]);
      // Run again: it resumes from the saved cursor (the last page) and changes nothing.
      out = '';
      expect(
        await main(
          ['sync', 'zendesk', '--worker', worker.base, '--no-audits'],
          { write: (s: string) => (out += s) },
          { write: () => true },
        ),
      ).toBe(0);
      expect(out).toMatch(/in 1 pages: 0 new, 0 updated/);
      expect(script.requests.at(-1)).toContain('cursor=c2');
      // No secret reaches the output.
      for (const secret of ['zd-e2e-token', TOKEN, SECRET])
        expect(out + err + worker.logs()).not.toContain(secret);
    } finally {
      server.close();
      for (const k of Object.keys(env)) delete process.env[k];
    }
  });
});

describe('tenants set up with tenant.ts', () => {
  const cli = fileURLToPath(new URL('../../packages/worker/scripts/tenant.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const tenantCli = async (command: string, tenant: string, more: string | Record<string, string> = {}) =>
    (
      await promisify(execFile)(
        tsx,
        [
          cli,
          command,
          tenant,
          ...(typeof more === 'string' ? [more] : []),
          '--persist-to',
          worker.persistDir,
        ],
        {
          env: {
            ...process.env,
            ...(typeof more === 'string' ? {} : more),
            SETTINGS_SECRET,
            WRANGLER_SEND_METRICS: 'false',
            WRANGLER_LOG_PATH: join(worker.persistDir, 'wrangler-logs'),
          },
        },
      )
    ).stdout;
  const settingsOf = async (tenant: string) =>
    String(
      ((await worker.sql(`SELECT settings FROM tenants WHERE id = '${tenant}'`))[0] as { settings: string })
        .settings,
    );

  it('adds a tenant, stores its webhook secret sealed, verifies its deliveries with it, and lists and revokes its tokens', async () => {
    const token = /\n\s+(sm_\S+)\n/.exec(await tenantCli('add', 'acme'))?.[1] ?? '';
    expect(token).toMatch(/^sm_/);
    expect(await tenantCli('set', 'acme', 'zendeskWebhookSecret=acme-e2e-hook')).toContain('set, sealed');
    const stored = await settingsOf('acme');
    expect(stored).toMatch(/"zendeskWebhookSecret":"sealed:v1\./);
    expect(stored).not.toContain('acme-e2e-hook');

    const now = new Date().toISOString();
    const body = JSON.stringify({
      type: 'zen:event-type:ticket.created',
      id: 'e2e-acme-1',
      time: now,
      detail: {
        id: '4711',
        subject: 'Login fails',
        description: 'Since 2.3 the login fails with E17.',
        created_at: now,
      },
      event: {},
    });
    const post = (secret: string) =>
      fetch(`${worker.base}/t/acme/zendesk/webhooks`, {
        method: 'POST',
        headers: {
          'x-zendesk-webhook-signature': zendeskSignature(secret, now, body),
          'x-zendesk-webhook-signature-timestamp': now,
        },
        body,
      });
    expect((await post(SECRET)).status).toBe(401);
    expect((await post('acme-e2e-hook')).status).toBe(200);
    const acmeCase = await fetch(`${worker.base}/api/cases/4711`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(acmeCase.status).toBe(200);

    // Listed by id (the start of its hash, never the token), revoked, and refused at the next request.
    const second = /\n\s+(sm_\S+)\n/.exec(await tenantCli('add', 'acme'))?.[1] ?? '';
    const listed = await tenantCli('tokens', 'acme');
    expect(listed).not.toContain(token);
    const ids = [...listed.matchAll(/^([0-9a-f]{12}) /gm)].map((m) => m[1] ?? '');
    expect(ids).toHaveLength(2);
    const { createHash } = await import('node:crypto');
    const secondId = createHash('sha256').update(second).digest('hex').slice(0, 12);
    expect(ids).toContain(secondId);
    expect(await tenantCli('revoke', 'acme', secondId)).toContain('revoked');
    const revoked = await fetch(`${worker.base}/api/cases/4711`, {
      headers: { authorization: `Bearer ${second}` },
    });
    expect(revoked.status).toBe(401);
    expect(
      (await fetch(`${worker.base}/api/cases/4711`, { headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(200);
  });

  it('seals credentials stored in the clear before (`tenant.ts seal`), and no log holds them', async () => {
    await worker.sql(
      `UPDATE tenants SET settings = json_set(settings, '$.jiraWebhookSecret', 'acme-jira-hook') WHERE id = 'acme'`,
    );
    expect(await tenantCli('seal', 'acme')).toContain('sealed jiraWebhookSecret');
    const stored = await settingsOf('acme');
    expect(stored).toMatch(/"jiraWebhookSecret":"sealed:v1\./);
    expect(stored).not.toContain('acme-jira-hook');
    expect(await tenantCli('seal', 'acme')).toContain('no credential stored unsealed');

    // Rotating SETTINGS_SECRET: a credential still sealed with the one before is sealed again with the worker's.
    const before = await sealSetting(
      'e2e-settings-secret-before',
      'acme',
      'zendeskWebhookSecret',
      'acme-rotated-hook',
    );
    await worker.sql(
      `UPDATE tenants SET settings = json_set(settings, '$.zendeskWebhookSecret', '${before}') WHERE id = 'acme'`,
    );
    expect(
      await tenantCli('reseal', 'acme', { SETTINGS_SECRET_PREVIOUS: 'e2e-settings-secret-before' }),
    ).toContain('Sealed again with SETTINGS_SECRET: 1 credential(s) of 1 tenant(s)');
    const resealed = JSON.parse(await settingsOf('acme')) as Record<string, unknown>;
    expect(resealed.zendeskWebhookSecret).not.toBe(before);
    // What the worker will read once its 30 s cache of acme's settings has passed: the same secret, opened with its own.
    expect((await openSettings(resealed, 'acme', SETTINGS_SECRET)).settings.zendeskWebhookSecret).toBe(
      'acme-rotated-hook',
    );
    const logs = join(worker.persistDir, 'wrangler-logs');
    for (const file of readdirSync(logs)) {
      const text = readFileSync(join(logs, file), 'utf8');
      for (const secret of ['acme-e2e-hook', 'acme-jira-hook', SETTINGS_SECRET])
        expect(text).not.toContain(secret);
    }
    expect(worker.logs()).not.toContain('acme-e2e-hook');
  });
});

describe('Slack on the real worker', () => {
  const command = (text: string, secret = SLACK_SECRET) => {
    const body = new URLSearchParams({
      team_id: 'TE2E',
      channel_id: 'CE2E',
      user_id: 'UE2E',
      command: '/support-metrics',
      text,
      response_url: 'https://hooks.slack.com/commands/TE2E/1/x',
      trigger_id: `e2e.${text}.${Math.random()}`,
    }).toString();
    const ts = String(Math.floor(Date.now() / 1000));
    return fetch(`${worker.base}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': ts,
        'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
      },
      body,
    });
  };

  it('answers a signed /support-metrics from the store through bolt on workerd, and refuses a forged one', async () => {
    const res = await command('');
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { response_type: string; blocks: unknown[] };
    expect(answer.response_type).toBe('ephemeral');
    // The webhook above stored one case today: the KPIs count it.
    expect(JSON.stringify(answer.blocks)).toMatch(/Support metrics · last 7 days.*1 cases created/);
    const metric = JSON.stringify(await (await command('completeness 30d')).json());
    expect(metric).toContain('Case completeness · last 30 days');
    expect((await command('', 'wrong-secret')).status).toBe(401);
  });
});

describe('Jira on the real worker', () => {
  it('takes a signed Jira delivery (jira.js loaded in the bundle) and ranks the linked bug', async () => {
    // Link the case stored above to EXP-77 through the API, then Jira tells us about the issue.
    const link = await fetch(`${worker.base}/api/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ caseId: '31337', issueKey: 'EXP-77', linkedBy: 'e2e' }),
    });
    expect(link.status).toBe(201);
    const body = JSON.stringify({
      webhookEvent: 'jira:issue_updated',
      issue: {
        id: '10077',
        key: 'EXP-77',
        fields: {
          summary: 'Sync fails after 5.0.2',
          status: { name: 'In Progress' },
          updated: new Date().toISOString(),
        },
      },
    });
    const deliver = (signature: string) =>
      fetch(`${worker.base}/jira/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature': signature,
          'x-atlassian-webhook-identifier': 'e2e-jira-1',
        },
        body,
      });
    expect((await deliver('sha256=00')).status).toBe(401);
    const res = await deliver(`sha256=${createHmac('sha256', JIRA_SECRET).update(body).digest('hex')}`);
    expect(await res.json()).toMatchObject({ status: 'applied', issueKey: 'EXP-77' });
    const bugs = (await get('/api/bugs')) as {
      bugs: { issueKey: string; status: string; impact: { cases: number } }[];
    };
    expect(bugs.bugs[0]).toMatchObject({ issueKey: 'EXP-77', status: 'In Progress', impact: { cases: 1 } });
  });
});

describe('the deployable bundle', () => {
  it('builds for Cloudflare (wrangler deploy --dry-run), with node-zendesk inside', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sm-bundle-'));
    const wrangler = new URL('../node_modules/.bin/wrangler', import.meta.url).pathname;
    const cwd = new URL('../../packages/worker/', import.meta.url).pathname;
    await promisify(execFile)(wrangler, ['deploy', '--dry-run', '--outdir', out], {
      cwd,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    });
    const bundle = readdirSync(out).find((f) => f.endsWith('.js'));
    expect(bundle).toBeDefined();
    expect(statSync(join(out, bundle ?? '')).size).toBeGreaterThan(10_000);
  });
});
