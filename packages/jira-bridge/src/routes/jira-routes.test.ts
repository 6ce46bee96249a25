import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import issueCreated from '@shared-data/jira/jira-to-matrix_fixtures/webhooks_issue_created.json';
import statusChanged from '@shared-data/jira/jira-to-matrix_fixtures/webhooks_issue_updated_status-changed.json';
import issueLinkCreated from '@shared-data/jira/jira-to-matrix_fixtures/webhooks_issuelink_created.json';
import { type CaseInput, CaseSchema } from '@support-metrics/core';
import { createJiraMock } from '@support-metrics/jira-bridge/mocks';
import {
  type AppEnv,
  apiRoutes,
  type Bindings,
  loadConfig,
  notFound,
  onError,
  platform,
} from '@support-metrics/platform';
import { BASE, hmacHex, mutated, NOT_UTF8 } from '@support-metrics/platform/test-support';
import fc from 'fast-check';
import { Hono } from 'hono';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJiraApi } from '../jira-api/jira-api.js';
import { runJiraJobs } from '../jobs/jira-jobs.js';
import { jiraPlugins, seedTenant, testStores } from '../test-support/wiring.js';
import { jiraApiRoutes } from './jira-api-routes.js';
import { jiraRoutes } from './jira-routes.js';

const SECRET = 'test-jira-webhook-secret';
const NOW = Date.parse('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const sign = async (body: string | Uint8Array, secret = SECRET) => `sha256=${await hmacHex(secret, body)}`;

const app = new Hono<AppEnv>();
app.use('*', platform(jiraPlugins));
app.route('/api', jiraApiRoutes({ now: () => NOW }));
// The platform's API beside the bridge's, as the worker mounts it (the case view shows the bridge's links).
app.route('/api', apiRoutes());
app.route('/', jiraRoutes({ now: () => NOW }));
app.onError(onError);
app.notFound(notFound);

/** GETs an API route with a bearer token. */
const api = (path: string, token?: string) =>
  app.request(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }, env);

async function deliver(
  body: unknown,
  o: { id?: string; secret?: string; signature?: string; path?: string; bindings?: Partial<Bindings> } = {},
) {
  const raw = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  const ctx = createExecutionContext();
  const res = await app.request(
    `${BASE}${o.path ?? '/jira/webhooks'}`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature': o.signature ?? (await sign(raw, o.secret)),
        'x-atlassian-webhook-identifier': o.id ?? crypto.randomUUID(),
      },
      body: raw,
    },
    { ...env, ...o.bindings },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

const bugs = (query = '', token = 'jira-token') =>
  app.request(`${BASE}/api/bugs${query}`, { headers: { authorization: `Bearer ${token}` } }, env);

/** A Jira issue event as Jira Cloud sends it (the shape of the real fixtures, with the fields the bridge reads). */
function issueEvent(
  event: 'jira:issue_created' | 'jira:issue_updated' | 'jira:issue_deleted',
  key: string,
  fields: Record<string, unknown> = {},
  changelog?: unknown,
) {
  return {
    timestamp: NOW,
    webhookEvent: event,
    issue_event_type_name: event === 'jira:issue_updated' ? 'issue_generic' : 'issue_created',
    issue: {
      id: String(20_000 + Number(key.split('-')[1])),
      key,
      fields: {
        summary: `Bug ${key}`,
        status: { name: 'To Do' },
        resolution: null,
        fixVersions: [],
        issuetype: { name: 'Bug' },
        updated: '2026-11-20T10:00:00.000+0000',
        ...fields,
      },
    },
    ...(changelog ? { changelog } : {}),
  };
}

async function save(tenant: string, input: CaseInput) {
  await testStores().cases.saveCase(
    tenant,
    CaseSchema.parse({ tenantId: tenant, helpdesk: 'zendesk', ...input }),
    {
      source: 'test',
      at: iso(NOW),
    },
  );
}

const jira = createJiraMock('https://acme.atlassian.net', ['EXP-1', 'EXP-2', 'EXP-3']);
const notes: { ticketId: string; body: string }[] = [];
const ticketNotes = () => ({
  async addInternalNote(ticketId: string, body: string) {
    notes.push({ ticketId, body });
  },
});
const runJobs = (at = NOW) =>
  runJiraJobs({
    stores: testStores(),
    config: loadConfig(env, jiraPlugins.config),
    at: new Date(at),
    notes: ticketNotes,
  });

beforeAll(async () => {
  await seedTenant('demo', 'jira-token', { jiraTicketField: 'customfield_10100', zendeskSubdomain: 'acme' });
  await seedTenant('other', 'other-token');
  // EXP-1: 6 cases — org A (120k) twice, B (30k), C (no revenue), two without an organisation; 2 open.
  const orgA = { id: 'A', name: 'Acme', recurringRevenue: 120_000 };
  const days = [1, 3, 9, 10, 20, 60];
  for (const [k, d] of days.entries())
    await save('demo', {
      id: String(3000 + k),
      subject: `Export fails ${k}`,
      createdAt: iso(NOW - d * DAY),
      status: k < 2 ? 'open' : 'solved',
      solvedAt: k < 2 ? null : iso(NOW - d * DAY + 3_600_000),
      organization:
        k < 2
          ? orgA
          : k === 2
            ? { id: 'B', name: 'Bolt', recurringRevenue: 30_000 }
            : k === 3
              ? { id: 'C', name: 'Cyan', recurringRevenue: null }
              : null,
      // Links from each Zendesk source: the Jira field of the ticket and a jira_ tag.
      customFields: k % 2 === 0 ? { 'Jira issue': 'EXP-1' } : {},
      tags: k % 2 === 1 ? ['jira_exp-1'] : [],
    });
  await save('other', {
    id: '3000',
    subject: 'Other tenant',
    createdAt: iso(NOW - DAY),
    customFields: { 'Jira issue': 'EXP-1' },
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('Jira webhooks', () => {
  it('stores a real issue_created delivery and answers what it did', async () => {
    const res = await deliver(issueCreated);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'applied', issueKey: 'BBCOM-1398' });
    const row = await env.DB.prepare(
      "SELECT summary, status FROM jira_issues WHERE tenant_id = 'demo' AND issue_key = 'BBCOM-1398'",
    ).first();
    expect(row?.summary).toBeTruthy();
  });

  it('refuses forged, other-secret, truncated and missing signatures with 401, storing nothing', async () => {
    const body = JSON.stringify(issueEvent('jira:issue_created', 'EXP-9'));
    for (const signature of ['sha256=00', 'sha1=abc', '', (await sign(body, 'other')).slice(0, 30)])
      expect((await deliver(body, { signature })).status).toBe(401);
    expect((await deliver(body, { secret: 'other' })).status).toBe(401);
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM jira_issues WHERE issue_key = 'EXP-9'").first(),
    ).toEqual({ n: 0 });
  });

  it('applies a delivery once (X-Atlassian-Webhook-Identifier), and an older snapshot never rolls an issue back', async () => {
    const newer = issueEvent('jira:issue_updated', 'EXP-2', {
      status: { name: 'In Review' },
      updated: '2026-11-21T10:00:00.000+0000',
    });
    const older = issueEvent('jira:issue_updated', 'EXP-2', {
      status: { name: 'To Do' },
      updated: '2026-11-19T10:00:00.000+0000',
    });
    expect(await (await deliver(newer, { id: 'delivery-1' })).json()).toMatchObject({ status: 'applied' });
    expect(await (await deliver(newer, { id: 'delivery-1' })).json()).toEqual({ status: 'duplicate' });
    expect(await (await deliver(older)).json()).toEqual({ status: 'stale', issueKey: 'EXP-2' });
    const row = await env.DB.prepare("SELECT status FROM jira_issues WHERE issue_key = 'EXP-2'").first();
    expect(row?.status).toBe('In Review');
  });

  it('keys the replay mark on the verified signature: the same signed bytes again, under any identifier or altered header, are never applied twice', async () => {
    const body = JSON.stringify(
      issueEvent('jira:issue_updated', 'EXP-2', {
        status: { name: 'Done' },
        updated: '2026-11-22T10:00:00.000+0000',
      }),
    );
    const good = await sign(body);
    expect(await (await deliver(body, { id: 'replay-1' })).json()).toMatchObject({ status: 'applied' });
    // A new identifier (it is not signed) on the same signed bytes: a replay, acknowledged and not applied.
    expect(await (await deliver(body, { id: 'replay-2' })).json()).toEqual({ status: 'duplicate' });
    for (const signature of [
      `${good}=x`,
      `SHA256=${good.slice(7)}`,
      `${good}, ${good}`,
      `sha1=${good.slice(7)}`,
    ])
      expect((await deliver(body, { id: 'replay-3', signature })).status, signature).toBe(401);
    // Surrounding spaces never reach the worker (HTTP trims header values), and upper-case hex is the same value:
    // the same verified signature, a duplicate.
    for (const signature of [` ${good} `, `sha256=${good.slice(7).toUpperCase()}`])
      expect(await (await deliver(body, { id: 'replay-4', signature })).json()).toEqual({
        status: 'duplicate',
      });
  });

  it('verifies the bytes as sent: a signed body that is not UTF-8 is 400 invalid_encoding (never 401), and stores nothing', async () => {
    const res = await deliver(NOT_UTF8);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_encoding' });
    // The same bytes unsigned (or signed as the text they would decode to) are refused as a bad signature.
    const decoded = new TextDecoder().decode(NOT_UTF8);
    expect((await deliver(NOT_UTF8, { signature: await sign(decoded) })).status).toBe(401);
  });

  it('answers 400 with the zod path for a bad payload, ignores events it does not use', async () => {
    const res = await deliver({
      webhookEvent: 'jira:issue_updated',
      issue: { id: 1, key: 'not a key', fields: {} },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_input', issues: [{ path: 'issue.key' }] });
    expect((await deliver('{oops')).status).toBe(400);
    expect(await (await deliver({ webhookEvent: 'comment_created', comment: {} })).json()).toMatchObject({
      status: 'ignored',
    });
  });

  it('keeps links between issues (issuelink_created / _deleted)', async () => {
    await deliver(issueLinkCreated);
    const link = await env.DB.prepare(
      "SELECT link_type FROM jira_issue_links WHERE tenant_id = 'demo' AND link_id = '10656'",
    ).first();
    expect(link).toEqual({ link_type: 'Blocks' });
    await deliver({ ...(issueLinkCreated as object), webhookEvent: 'issuelink_deleted' });
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM jira_issue_links WHERE link_id = '10656'").first(),
    ).toEqual({ n: 0 });
  });

  it('is off with 503 without its secret; a tenant route needs its own secret', async () => {
    const res = await deliver(issueEvent('jira:issue_created', 'EXP-9'), {
      bindings: { JIRA_WEBHOOK_SECRET: '' },
    });
    expect(res.status).toBe(503);
    expect(
      (await deliver(issueEvent('jira:issue_created', 'EXP-9'), { path: '/t/other/jira/webhooks' })).status,
    ).toBe(503);
  });
});

describe('links and impact', () => {
  it('links from the Zendesk field and tag, the Jira field, and the API, each saying who linked', async () => {
    // The Jira field (tenant setting jiraTicketField) names tickets 3000 and 3001 — linked already from Zendesk — and 3999.
    await deliver(
      issueEvent('jira:issue_updated', 'EXP-1', {
        customfield_10100: '3000, 3999',
        updated: '2026-11-21T00:00:00.000+0000',
      }),
    );
    await testStores().bugLinks.link('demo', '3002', 'EXP-3', 'zendesk-agent:9001', iso(NOW));
    const { results } = await env.DB.prepare(
      "SELECT case_id, issue_key, linked_by FROM jira_links WHERE tenant_id = 'demo' ORDER BY issue_key, case_id",
    ).all();
    expect(results).toEqual([
      { case_id: '3000', issue_key: 'EXP-1', linked_by: 'zendesk-field' },
      { case_id: '3001', issue_key: 'EXP-1', linked_by: 'zendesk-tag' },
      { case_id: '3002', issue_key: 'EXP-1', linked_by: 'zendesk-field' },
      { case_id: '3003', issue_key: 'EXP-1', linked_by: 'zendesk-tag' },
      { case_id: '3004', issue_key: 'EXP-1', linked_by: 'zendesk-field' },
      { case_id: '3005', issue_key: 'EXP-1', linked_by: 'zendesk-tag' },
      { case_id: '3999', issue_key: 'EXP-1', linked_by: 'jira-field' },
      { case_id: '3002', issue_key: 'EXP-3', linked_by: 'zendesk-agent:9001' },
    ]);
  });

  it('ranks bugs by support demand with the hand-computed impact', async () => {
    const res = await bugs('?sort=revenue');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { bugs: { issueKey: string; impact: Record<string, unknown> }[] };
    expect(body.bugs.map((b) => b.issueKey)).toEqual(['EXP-1', 'EXP-3']);
    // 6 stored cases (3999 is not stored: no creation time): 2 open; customers A, B, C; revenue 120k + 30k.
    // New in the last 8 weeks: 5 (the 60-day one is older) → 0.63 a week → 7.5 in 12 weeks.
    expect(body.bugs[0]?.impact).toMatchObject({
      cases: 6,
      openCases: 2,
      customers: 3,
      revenueAtRisk: 150_000,
      weeklyRate: 0.63,
      preventable: { weeks: 12, cases: 7.5 },
    });
    expect(body.bugs[1]?.impact).toMatchObject({ cases: 1, customers: 1, revenueAtRisk: 30_000 });
    expect((await bugs('?sort=loudest')).status).toBe(400);
    expect((await bugs('', 'wrong')).status).toBe(401);
    // The other tenant sees only its own link.
    const other = (await (await bugs('', 'other-token')).json()) as { bugs: { impact: { cases: number } }[] };
    expect(other.bugs.map((b) => b.impact.cases)).toEqual([1]);
  });

  it('shows the same impact in Slack and in the sidebar as /api/bugs (the unstored 3999 counted nowhere)', async () => {
    const expected = { cases: 6, openCases: 2, customers: 3 };
    const slack = await testStores().bugLinks.rankedBugs('demo', {
      sort: 'cases',
      newSince: iso(NOW - 7 * DAY),
      newUntil: iso(NOW + DAY),
    });
    expect(slack.find((b) => b.issueKey === 'EXP-1')).toMatchObject({ ...expected, revenue: 150_000 });
    const sidebar = await testStores().bugLinks.linksOf('demo', '3000');
    expect(sidebar.find((l) => l.issueKey === 'EXP-1')?.impact).toEqual({ ...expected, revenue: 150_000 });
  });

  it('writes the impact to Jira: the entity property and one comment, updated in place', async () => {
    vi.stubGlobal('fetch', jira.fetch);
    const first = await runJobs();
    expect(first.impactWritten).toBe(2);
    expect(jira.state.properties.get('EXP-1')).toMatchObject({
      cases: 6,
      openCases: 2,
      customers: 3,
      revenueAtRisk: 150_000,
    });
    const comments = jira.state.comments.get('EXP-1');
    expect(comments?.size).toBe(1);
    expect(JSON.stringify([...(comments?.values() ?? [])])).toContain(
      'https://acme.zendesk.com/agent/tickets/3000',
    );
    // A new case on EXP-1: the same comment is updated, not a new one added.
    await save('demo', { id: '3100', subject: 'Again', createdAt: iso(NOW - DAY), tags: ['jira_exp-1'] });
    await runJobs();
    expect(jira.state.comments.get('EXP-1')?.size).toBe(1);
    expect(jira.state.properties.get('EXP-1')).toMatchObject({ cases: 7 });
    expect(await runJobs()).toMatchObject({ impactWritten: 0 });
  });

  it('keeps the work through a 429 (whole tenant deferred), a 500 (retried with backoff) and drops a 404', async () => {
    vi.stubGlobal('fetch', jira.fetch);
    const d1 = testStores().bugLinks;
    await d1.link('demo', '3003', 'EXP-2', 'api', iso(NOW));
    await d1.link('demo', '3004', 'GONE-1', 'api', iso(NOW));
    jira.state.rateLimited = 1;
    expect(await runJobs()).toMatchObject({ impactWritten: 0, retried: 1 });
    // Deferred by Retry-After (30 s): nothing happens before, then both are written… except GONE-1, which Jira lacks.
    expect(await runJobs(NOW + 10_000)).toMatchObject({ impactWritten: 0 });
    jira.state.failing = 1;
    const later = await runJobs(NOW + 31_000);
    expect(later.retried + later.impactWritten + later.dropped).toBe(2);
    const again = await runJobs(NOW + 10 * 60_000);
    const written = later.impactWritten + again.impactWritten;
    expect(written).toBe(1);
    expect(jira.state.properties.get('EXP-2')).toMatchObject({ cases: 1 });
    // A body that is not JSON (a proxy's error page) is retried too, and the write lands later.
    await d1.link('demo', '3005', 'EXP-2', 'api', iso(NOW));
    jira.state.malformed = 1;
    expect(await runJobs(NOW + 20 * 60_000)).toMatchObject({ impactWritten: 0, retried: 1 });
    expect(await runJobs(NOW + 40 * 60_000)).toMatchObject({ impactWritten: 1 });
    expect(jira.state.properties.get('EXP-2')).toMatchObject({ cases: 2 });
    // A Jira that never answers: the call is given up after the timeout, that item retried later, the others written.
    await d1.link('demo', '3000', 'EXP-2', 'api', iso(NOW));
    jira.state.hanging = 1;
    const impatient = (at: number) =>
      runJiraJobs({
        stores: testStores(),
        config: loadConfig(env, jiraPlugins.config),
        at: new Date(at),
        notes: ticketNotes,
        // The site each tenant resolves to, with a short timeout.
        jiraApi: (credentials) => createJiraApi({ ...credentials, timeoutMs: 50 }),
      });
    expect(await impatient(NOW + 60 * 60_000)).toMatchObject({ retried: 1, impactWritten: 0 });
    const hung = await env.DB.prepare(
      "SELECT key, last_error FROM outbox WHERE tenant_id = 'demo' AND status = 'pending'",
    ).all<{ key: string; last_error: string }>();
    expect(hung.results).toEqual([{ key: 'EXP-2', last_error: expect.stringContaining('JiraTimeoutError') }]);
    expect(await impatient(NOW + 120 * 60_000)).toMatchObject({ retried: 0, impactWritten: 1 });
    expect(jira.state.properties.get('EXP-2')).toMatchObject({ cases: 3 });
    const outbox = await env.DB.prepare(
      "SELECT key, status, last_error FROM outbox WHERE tenant_id = 'demo' AND kind = 'jira-impact'",
    ).all();
    expect(outbox.results).toEqual([
      { key: 'GONE-1', status: 'dropped', last_error: expect.stringContaining('404') },
    ]);
  });
});

describe('fixes shipping', () => {
  it('notes every open linked case once per transition, and measures deflection after the release', async () => {
    // EXP-1 moves to In Progress (the real status-change delivery's changelog), then is fixed in 4.2.1.
    const changelog = (statusChanged as { changelog: unknown }).changelog;
    await deliver(
      issueEvent(
        'jira:issue_updated',
        'EXP-1',
        { status: { name: 'In Progress' }, updated: '2026-11-22T00:00:00.000+0000' },
        changelog,
      ),
    );
    const fixed = issueEvent('jira:issue_updated', 'EXP-1', {
      status: { name: 'Done' },
      resolution: { name: 'Fixed' },
      fixVersions: [{ id: '501', name: '4.2.1', released: false, releaseDate: '2026-10-12' }],
      updated: '2026-11-22T01:00:00.000+0000',
    });
    await deliver(fixed);
    const release = {
      timestamp: NOW,
      webhookEvent: 'jira:version_released',
      version: { id: '501', name: '4.2.1', released: true, releaseDate: '2026-10-12' },
    };
    await deliver(release);
    await deliver(release); // another delivery of the release: no second note
    await runJobs();
    const onCase = (id: string) => notes.filter((n) => n.ticketId === id).map((n) => n.body);
    expect(onCase('3000')).toEqual([
      'Jira EXP-1 “Bug EXP-1” moved to In Progress.',
      'Jira EXP-1 “Bug EXP-1” moved to Done.',
      'Jira EXP-1 “Bug EXP-1”: fix released in 4.2.1.',
    ]);
    // Solved cases hear nothing.
    expect(onCase('3002')).toEqual([]);
    await runJobs();
    expect(onCase('3000')).toHaveLength(3);
    // What the Zendesk sidebar shows for the case: the bug's status and fix version, from the bridge.
    const card = (await (await api('/api/cases/3000', 'jira-token')).json()) as { jiraLinks: unknown[] };
    expect(card.jiraLinks).toContainEqual(
      expect.objectContaining({
        issueKey: 'EXP-1',
        status: 'Done',
        fixVersions: ['4.2.1'],
        summary: 'Bug EXP-1',
      }),
    );

    // Released 2026-10-12, 6 whole weeks (42.5 days) before now. Before it: only the case of 60 days ago, 17.5 days
    // before the release → 3 weeks covered → 1/3 a week → 2 expected in 6 weeks; 6 came (1, 1, 3, 9, 10, 20 days ago):
    // −4 prevented, deflection −2 — the fix did not stop the cases.
    const body = (await (await bugs()).json()) as {
      bugs: { issueKey: string; deflection: Record<string, unknown>; impact: Record<string, unknown> }[];
    };
    const exp1 = body.bugs.find((b) => b.issueKey === 'EXP-1');
    expect(exp1?.deflection).toMatchObject({
      status: 'measured',
      baselineRate: 0.33,
      baselineWeeks: 3,
      weeksAfter: 6,
      forecast: 2,
      actual: 6,
      prevented: -4,
      deflection: -2,
    });
    expect(exp1?.impact.preventable).toBeNull();
  });

  it('measures a fix that worked against the forecast, and says too early for a recent one', async () => {
    // EXP-4: one case a week for the 8 weeks before its fix shipped (2026-10-12), then 2 in the 6 weeks since.
    const release = Date.parse('2026-10-12T00:00:00Z');
    const before = Array.from({ length: 8 }, (_, k) => release - (3 + 7 * k) * DAY);
    const after = [NOW - 40 * DAY, NOW - 20 * DAY];
    for (const [k, t] of [...before, ...after].entries())
      await save('demo', {
        id: String(4000 + k),
        subject: 'Sync drops rows',
        createdAt: iso(t),
        status: 'solved',
        solvedAt: iso(t + DAY),
        tags: ['jira_exp-4'],
      });
    await deliver(
      issueEvent('jira:issue_updated', 'EXP-4', {
        status: { name: 'Done' },
        resolution: { name: 'Fixed' },
        fixVersions: [{ id: '502', name: '5.0', released: true, releaseDate: '2026-10-12' }],
      }),
    );
    // 8 cases / 8 weeks = 1 a week; 6 weeks → 6 expected; 2 came → 4 prevented, deflection 4/6 = 0.67.
    const detail = (await (
      await app.request(`${BASE}/api/bugs/EXP-4`, { headers: { authorization: 'Bearer jira-token' } }, env)
    ).json()) as Record<string, unknown>;
    expect(detail.deflection).toEqual({
      status: 'measured',
      releasedAt: '2026-10-12T00:00:00.000Z',
      baselineRate: 1,
      baselineWeeks: 8,
      weeksAfter: 6,
      forecast: 6,
      actual: 2,
      prevented: 4,
      deflection: 0.67,
    });
    // Shipped 2 weeks ago: too early for a number.
    await deliver(
      issueEvent('jira:issue_updated', 'EXP-2', {
        resolution: { name: 'Fixed' },
        fixVersions: [{ id: '503', name: '5.1', released: true, releaseDate: '2026-11-09' }],
        updated: '2026-11-22T10:00:00.000+0000',
      }),
    );
    const all = (await (await bugs()).json()) as {
      bugs: { issueKey: string; deflection: { status: string } }[];
      deflection: Record<string, unknown>;
    };
    expect(all.bugs.find((b) => b.issueKey === 'EXP-2')?.deflection).toMatchObject({
      status: 'too_early',
      weeksAfter: 2,
    });
    // Every measured fix together: EXP-1 (2 expected, 6 came) and EXP-4 (6 expected, 2 came).
    expect(all.deflection).toEqual({
      fixes: 2,
      tooEarly: 1,
      forecast: 8,
      actual: 8,
      prevented: 0,
      deflection: 0,
    });
  });

  it('leaves a deleted issue out of the ranking', async () => {
    await deliver(issueEvent('jira:issue_deleted', 'EXP-3'));
    const body = (await (await bugs()).json()) as { bugs: { issueKey: string }[] };
    expect(body.bugs.map((b) => b.issueKey)).not.toContain('EXP-3');
    // Slack's `/support-metrics bugs` ranks the same issues.
    const slack = await testStores().bugLinks.rankedBugs('demo', {
      sort: 'cases',
      newSince: iso(NOW - 7 * DAY),
      newUntil: iso(NOW),
    });
    expect(slack.map((b) => b.issueKey)).not.toContain('EXP-3');
    expect(slack.map((b) => b.issueKey)).toContain('EXP-1');
    expect(
      (await app.request(`${BASE}/api/bugs/EXP-3`, { headers: { authorization: 'Bearer jira-token' } }, env))
        .status,
    ).toBe(200);
  });
});

describe('property: Jira webhooks', () => {
  it('mutated real deliveries, correctly signed, get a 200 or a 400 with a reason, never a 500', async () => {
    const bases = [
      issueCreated,
      statusChanged,
      issueLinkCreated,
      issueEvent('jira:issue_updated', 'EXP-5', {
        resolution: { name: 'Fixed' },
        fixVersions: [{ id: '9', name: '9.0', released: true, releaseDate: '2026-01-01' }],
      }),
    ] as Record<string, unknown>[];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(...bases.map((b) => mutated(b)), fc.jsonValue({ maxDepth: 3 })),
        async (body) => {
          const res = await deliver(body);
          expect([200, 400], `${res.status} ${await res.clone().text()}`).toContain(res.status);
          if (res.status === 400) expect(((await res.json()) as { message?: string }).message).toBeTruthy();
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("a tenant's own Jira site (setting jiraApi)", () => {
  it("writes that tenant's impact to its own site only, and nothing for a tenant without one", async () => {
    const own = createJiraMock('https://third.atlassian.net', ['THD-1']);
    // Both sites answer through msw; each request goes to the one its host names.
    vi.stubGlobal('fetch', (async (input: RequestInfo | URL, init?: RequestInit) =>
      new URL(input instanceof Request ? input.url : String(input)).host === 'third.atlassian.net'
        ? own.fetch(input, init)
        : jira.fetch(input, init)) as typeof globalThis.fetch);
    await seedTenant('third', 'third-token', {
      jiraApi: {
        baseUrl: 'https://third.atlassian.net',
        email: 'bot@third.example',
        apiToken: 'third-jira-token',
      },
    });
    await save('third', {
      id: '3000',
      subject: 'Third tenant',
      createdAt: iso(NOW - DAY),
      tags: ['jira_thd-1'],
    });
    const before = jira.state.requests.length;
    await runJobs(NOW + 300 * 60_000);
    expect(own.state.properties.get('THD-1')).toMatchObject({ cases: 1 });
    expect(jira.state.requests.slice(before).filter((r) => r.includes('THD-1'))).toEqual([]);
    // The other tenant (no site of its own) still has its EXP-1 item waiting: skipped, not written anywhere.
    const waiting = await env.DB.prepare(
      "SELECT status FROM outbox WHERE tenant_id = 'other' AND kind = 'jira-impact' AND key = 'EXP-1'",
    ).first<{ status: string }>();
    expect(waiting?.status).toBe('pending');
    expect(own.state.requests.filter((r) => r.includes('EXP-1'))).toEqual([]);
  });
});
