import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { type CaseInput, CaseSchema } from '@support-metrics/core';
import { IssueImpactSchema, RankedBugsSchema } from '@support-metrics/jira-app/contract';
import { createForgeMock, createJiraMock } from '@support-metrics/jira-bridge/mocks';
import { type AppEnv, notFound, onError, platform } from '@support-metrics/platform';
import { BASE } from '@support-metrics/platform/test-support';
import { Hono } from 'hono';
import { getResponse } from 'msw';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FORGE_JWKS_URL } from '../forge/forge-config.js';
import { FORGE_IMPACT_INDEX } from '../forge/impact-property.js';
import { jiraPlugins, seedTenant, testStores } from '../test-support/wiring.js';
import { forgeRoutes } from './forge-routes.js';
import { jiraApiRoutes } from './jira-api-routes.js';

// The Forge app's calls to the worker (Forge Remote), through the real routes over the local D1: Atlassian's side is
// msw — its JWKS (a local key pair) and Jira's REST API as the app (bearer system token).
const APP_ID = 'ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000022';
const CLOUD = 'c0ffee00-1111-4222-8333-444455556666';
const SYSTEM_TOKEN = 'forge-app-system-token';
const NOW = Date.parse('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const app = new Hono<AppEnv>();
app.use('*', platform(jiraPlugins));
app.route('/forge/jira', forgeRoutes({ now: () => NOW }));
app.route('/api', jiraApiRoutes({ now: () => NOW }));
app.onError(onError);
app.notFound(notFound);

const bindings = { ...env, FORGE_APP_ID: APP_ID };
const forge = await createForgeMock({ jwksUrl: FORGE_JWKS_URL, appId: APP_ID });
const jira = createJiraMock(forge.apiBaseUrl(CLOUD), ['FCX-1', 'FCX-2', 'FCX-3'], {
  auth: 'bearer',
  token: SYSTEM_TOKEN,
});
// A second site, whose tenant keeps the impact comment (setting jiraImpactComment).
const CLOUD2 = 'c0ffee00-2222-4222-8333-444455556666';
const jira2 = createJiraMock(forge.apiBaseUrl(CLOUD2), ['CMT-1'], { auth: 'bearer', token: SYSTEM_TOKEN });

async function call(
  path: string,
  o: {
    token?: string | null;
    method?: string;
    body?: unknown;
    systemToken?: string | null;
    env?: object;
  } = {},
) {
  const token = o.token === undefined ? await forge.sign(CLOUD) : o.token;
  const ctx = createExecutionContext();
  const res = await app.request(
    `${BASE}/forge/jira${path}`,
    {
      method: o.method ?? 'GET',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(o.systemToken === null ? {} : { 'x-forge-oauth-system': o.systemToken ?? SYSTEM_TOKEN }),
        ...(o.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(o.body ? { body: JSON.stringify(o.body) } : {}),
    },
    o.env ?? bindings,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

const trigger = (body: unknown, o: { token?: string; systemToken?: string | null } = {}) =>
  call('/events', { method: 'POST', body, ...o });

async function save(input: CaseInput) {
  await testStores().cases.saveCase(
    'forgeco',
    CaseSchema.parse({ tenantId: 'forgeco', helpdesk: 'zendesk', ...input }),
    { source: 'test', at: iso(NOW) },
  );
}

beforeAll(async () => {
  // The site → tenant map: the tenant's setting jiraCloudId.
  await seedTenant('forgeco', 'forgeco-token', { jiraCloudId: CLOUD, zendeskSubdomain: 'forgeco' });
  const acme = { id: 'A', name: 'Acme', recurringRevenue: 120_000 };
  const bolt = { id: 'B', name: 'Bolt', recurringRevenue: 30_000 };
  // FCX-1: 5 cases from Acme (twice), Bolt, one without organisation; 2 open. FCX-2: 2 cases from Bolt, one open.
  const one: [number, boolean, typeof acme | null][] = [
    [1, true, acme],
    [3, true, acme],
    [9, false, bolt],
    [20, false, null],
    [60, false, bolt],
  ];
  for (const [k, [d, open, org]] of one.entries())
    await save({
      id: String(7000 + k),
      subject: `Export fails ${k}`,
      createdAt: iso(NOW - d * DAY),
      status: open ? 'open' : 'solved',
      solvedAt: open ? null : iso(NOW - d * DAY + 3_600_000),
      organization: org,
      tags: ['jira_fcx-1'],
    });
  for (const k of [0, 1])
    await save({
      id: String(7100 + k),
      subject: `Login loop ${k}`,
      createdAt: iso(NOW - (k + 2) * DAY),
      status: k ? 'solved' : 'open',
      solvedAt: k ? iso(NOW - DAY) : null,
      organization: bolt,
      tags: ['jira_fcx-2'],
    });
  await seedTenant('commentco', 'commentco-token', { jiraCloudId: CLOUD2, jiraImpactComment: true });
  await testStores().cases.saveCase(
    'commentco',
    CaseSchema.parse({
      tenantId: 'commentco',
      helpdesk: 'zendesk',
      id: '9000',
      subject: 'Comment me',
      createdAt: iso(NOW - DAY),
      status: 'open',
      tags: ['jira_cmt-1'],
    }),
    { source: 'test', at: iso(NOW) },
  );
  jira.state.fields.set('FCX-1', {
    summary: 'Export to CSV fails for large accounts',
    status: { name: 'In Progress' },
    resolution: null,
    fixVersions: [{ id: '10500', name: '2.4.1', released: false }],
    issuetype: { name: 'Bug' },
    updated: '2026-11-23T11:00:00.000+0000',
  });
  jira.state.ids.set('FCX-1', '30001');
});

beforeEach(() => {
  // Atlassian's JWKS and Jira's API, each by its host; nothing else is reachable.
  vi.stubGlobal('fetch', (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const host = new URL(request.url).host;
    if (host === new URL(FORGE_JWKS_URL).host)
      return (await getResponse(forge.handlers, request)) ?? new Response('no mock', { status: 599 });
    return (
      (await getResponse([...jira.handlers, ...jira2.handlers], request)) ??
      new Response('no mock', { status: 599 })
    );
  }) as typeof globalThis.fetch);
});

describe('Forge Invocation Tokens (Authorization: Bearer <FIT>)', () => {
  it('accepts a token Atlassian signed for our app and a connected site, keys fetched from the JWKS once', async () => {
    const res = await call('/bugs');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0);
    await call('/bugs');
    expect(forge.state.jwksRequests).toBe(1);
  });

  const refused: [string, () => Promise<string | null>, RegExp][] = [
    ['no token', async () => null, /Authorization: Bearer/],
    [
      'a forged token (another key under the same kid)',
      () => forge.sign(CLOUD, { key: 'forger' }),
      /signature/,
    ],
    ['an expired token', () => forge.sign(CLOUD, { expiresIn: -120 }), /expired/],
    [
      'a token for another app',
      () => forge.sign(CLOUD, { audience: 'ari:cloud:ecosystem::app/other' }),
      /aud/,
    ],
    ['a token another issuer signed', () => forge.sign(CLOUD, { issuer: 'someone/else' }), /iss/],
    [
      "a token whose app is not its audience's",
      () =>
        forge.sign(CLOUD, { claims: { app: { id: 'x', installationId: 'i', apiBaseUrl: 'https://a.b' } } }),
      /another app/,
    ],
    [
      'a token of a site no tenant has',
      () => forge.sign('deadbeef-0000-4000-8000-000000000000'),
      /not connected/,
    ],
    [
      'a token whose UI context is another site than its installation',
      () => forge.sign(CLOUD, { context: { cloudId: 'deadbeef-0000-4000-8000-000000000000' } }),
      /another site/,
    ],
    [
      'a token signed by a key Atlassian does not publish',
      () => forge.sign(CLOUD, { kid: 'unknown' }),
      /key/,
    ],
    [
      'an unsigned token (alg none)',
      async () =>
        `${btoa(JSON.stringify({ alg: 'none' }))}.${btoa(JSON.stringify({ aud: APP_ID, iss: 'forge/invocation-token' }))}.`,
      /not valid/,
    ],
    ['not a JWT at all', async () => 'not-a-token', /not valid/],
  ];
  it.each(refused)(
    'refuses %s with 401 invalid_token, before reading the body',
    async (_, token, message) => {
      const t = await token();
      const before = jira.state.requests.length;
      const res = await call('/events', {
        method: 'POST',
        token: t,
        body: { eventType: 'avi:jira:updated:issue' },
      });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe('invalid_token');
      expect(body.message).toMatch(message);
      if (t) expect(JSON.stringify(body)).not.toContain(t);
      expect(jira.state.requests.length).toBe(before);
    },
  );

  it("answers 503 upstream_unavailable, not 401, while Atlassian's keys cannot be fetched", async () => {
    // Another key address, which answers nothing but a 599 (the stub's "no mock"): jose gets no key set.
    const res = await call('/bugs', {
      env: { ...bindings, FORGE_JWKS_URL: 'https://keys.forge.test/jwks.json' },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await res.json()).toMatchObject({ error: 'upstream_unavailable' });
  });

  it('is off without FORGE_APP_ID: 503 not_configured, saying what to set', async () => {
    const res = await call('/bugs', { env: { ...env } });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      error: 'not_configured',
      message: expect.stringMatching(/FORGE_APP_ID/),
    });
  });
});

describe('the issue panel: GET /forge/jira/impact/:key', () => {
  it("answers the issue's impact, each case with its Zendesk link, as /api/bugs/:key computes it", async () => {
    const res = await call('/impact/FCX-1', {
      token: await forge.sign(CLOUD, { context: { extension: { issue: { key: 'FCX-1' } } } }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      impact: {
        cases: number;
        openCases: number;
        customers: number;
        revenueAtRisk: number;
        weekly: { cases: number }[];
      };
      cases: { caseId: string; url: string }[];
    };
    // What the panel parses (packages/jira-app's contract) is what the worker answers.
    expect(IssueImpactSchema.safeParse(body).error).toBeUndefined();
    expect(body.impact).toMatchObject({ cases: 5, openCases: 2, customers: 2, revenueAtRisk: 150_000 });
    expect(body.impact.weekly).toHaveLength(8);
    expect(body.impact.weekly.reduce((s, w) => s + w.cases, 0)).toBe(4);
    expect(body.cases.map((c) => c.url).sort()).toEqual(
      ['7000', '7001', '7002', '7003', '7004'].map((id) => `https://forgeco.zendesk.com/agent/tickets/${id}`),
    );
    const api = (await (
      await app.request(
        `${BASE}/api/bugs/FCX-1`,
        { headers: { authorization: 'Bearer forgeco-token' } },
        bindings,
      )
    ).json()) as Record<string, unknown>;
    const { cases: _c, ...rest } = body as unknown as Record<string, unknown>;
    const { cases: _a, ...apiRest } = api;
    expect(rest).toEqual(apiRest);
  });

  it("refuses to read another issue than the one Jira signed the panel's context for (403)", async () => {
    const token = await forge.sign(CLOUD, { context: { extension: { issue: { key: 'FCX-2' } } } });
    const res = await call('/impact/FCX-1', { token });
    expect(res.status).toBe(403);
  });

  it('says what to do for an issue no case is linked to (404 not_linked)', async () => {
    const res = await call('/impact/FCX-3');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: 'not_linked',
      message: expect.stringMatching(/link one/),
    });
  });

  it('is a 400 with the path for a key that is not a Jira key', async () => {
    expect((await call('/impact/not-a-key')).status).toBe(400);
  });
});

describe('the ranked page: GET /forge/jira/bugs', () => {
  it.each(['cases', 'customers', 'revenue'])('ranks by %s exactly as /api/bugs does', async (sort) => {
    const forgeBugs = await (await call(`/bugs?sort=${sort}`)).json();
    const apiBugs = await (
      await app.request(
        `${BASE}/api/bugs?sort=${sort}`,
        { headers: { authorization: 'Bearer forgeco-token' } },
        bindings,
      )
    ).json();
    expect(forgeBugs).toEqual(apiBugs);
    expect(RankedBugsSchema.safeParse(forgeBugs).error).toBeUndefined();
    expect((forgeBugs as { bugs: { issueKey: string }[] }).bugs.map((b) => b.issueKey)).toEqual([
      'FCX-1',
      'FCX-2',
    ]);
  });

  it('refuses a sort it does not know (400)', async () => {
    expect((await call('/bugs?sort=loudest')).status).toBe(400);
  });
});

describe('Forge triggers: POST /forge/jira/events', () => {
  it('reads the issue as the app, stores it, and writes the indexed property as the app (no comment)', async () => {
    const before = jira.state.requests.length;
    const res = await trigger({
      eventType: 'avi:jira:updated:issue',
      issue: { id: '30001', key: 'FCX-1', fields: { summary: 'Export to CSV fails for large accounts' } },
      atlassianId: '5b10ac8d82e05b22cc7d4ef5',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'applied', issueKey: 'FCX-1' });
    const requests = jira.state.requests.slice(before);
    expect(requests[0]).toBe(`GET /ex/jira/${CLOUD}/rest/api/3/issue/FCX-1`);
    expect(requests).toContain(`PUT /ex/jira/${CLOUD}/rest/api/3/issue/FCX-1/properties/supportImpact`);
    expect(requests.some((r) => r.includes('/comment'))).toBe(false);
    const property = jira.state.properties.get('FCX-1');
    // Exactly the paths manifest.yml indexes (packages/jira-app's test compares the manifest with FORGE_IMPACT_INDEX).
    expect(Object.keys(property ?? {}).sort()).toEqual(FORGE_IMPACT_INDEX.map((v) => v.path).sort());
    expect(property).toEqual({
      cases: 5,
      openCases: 2,
      customers: 2,
      revenueAtRisk: 150_000,
      lastSeen: iso(NOW - DAY),
    });
    const stored = await env.DB.prepare(
      "SELECT summary, status FROM jira_issues WHERE tenant_id = 'forgeco' AND issue_key = 'FCX-1'",
    ).first<{ summary: string; status: string }>();
    expect(stored).toEqual({ summary: 'Export to CSV fails for large accounts', status: 'In Progress' });
  });

  it('applies a released version: the resolved issue with that fix version has shipped', async () => {
    jira.state.fields.set('FCX-1', {
      ...jira.state.fields.get('FCX-1'),
      status: { name: 'Done' },
      resolution: { name: 'Fixed' },
      updated: '2026-11-23T11:30:00.000+0000',
    });
    await trigger({ eventType: 'avi:jira:updated:issue', issue: { id: '30001', key: 'FCX-1', fields: {} } });
    const res = await trigger({
      eventType: 'avi:jira:released:version',
      version: { id: '10500', name: '2.4.1', released: true, releaseDate: '2026-11-20', projectId: 10000 },
    });
    expect(res.status).toBe(200);
    const impact = (await (await call('/impact/FCX-1')).json()) as {
      releasedAt: string;
      deflection: { status: string };
      impact: { preventable: unknown };
    };
    expect(impact.releasedAt).toBe('2026-11-20T00:00:00.000Z');
    expect(impact.deflection.status).toBe('too_early');
    expect(impact.impact.preventable).toBeNull();
  });

  it('is idempotent: the same invocation token twice changes nothing the second time', async () => {
    const token = await forge.sign(CLOUD, { context: null });
    const body = { eventType: 'avi:jira:updated:issue', issue: { id: '30001', key: 'FCX-1', fields: {} } };
    expect(await (await trigger(body, { token })).json()).not.toMatchObject({ status: 'duplicate' });
    expect(await (await trigger(body, { token })).json()).toEqual({ status: 'duplicate' });
  });

  it('removes a deleted issue from the ranking', async () => {
    jira.state.fields.set('FCX-2', { summary: 'Login loop', status: { name: 'Open' } });
    expect(
      (
        await trigger({
          eventType: 'avi:jira:deleted:issue',
          issue: { id: '30002', key: 'FCX-2', fields: {} },
        })
      ).status,
    ).toBe(200);
    const page = (await (await call('/bugs')).json()) as { bugs: { issueKey: string }[] };
    expect(page.bugs.map((b) => b.issueKey)).toEqual(['FCX-1']);
  });

  it('acknowledges an event it does not use, and refuses a malformed one with the path', async () => {
    expect(await (await trigger({ eventType: 'avi:jira:viewed:issue', issue: {} })).json()).toMatchObject({
      status: 'ignored',
    });
    const bad = await trigger({ eventType: 'avi:jira:updated:issue', issue: { id: '1', key: 'not a key' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_input', issues: [{ path: 'issue.key' }] });
  });

  it('answers 503 upstream_unavailable with Retry-After when Jira fails the read (Forge retries), applying nothing', async () => {
    const body = { eventType: 'avi:jira:updated:issue', issue: { id: '30001', key: 'FCX-1', fields: {} } };
    for (const failure of ['failing', 'rateLimited'] as const) {
      jira.state[failure] = 1;
      const res = await trigger(body);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await res.json()).toMatchObject({ error: 'upstream_unavailable' });
    }
    // The same event afterwards is applied (the failed ones marked nothing).
    expect(await (await trigger(body)).json()).toMatchObject({ status: 'applied' });
  });

  it('refuses a trigger without the app system token (the endpoint must enable appSystemToken)', async () => {
    const res = await trigger(
      { eventType: 'avi:jira:deleted:issue', issue: { id: '1', key: 'FCX-9' } },
      { systemToken: null },
    );
    expect(res.status).toBe(401);
  });

  it('the hourly refresh writes impact that changed through Zendesk alone', async () => {
    await save({
      id: '7010',
      subject: 'Export fails again',
      createdAt: iso(NOW - 2 * 3_600_000),
      status: 'open',
      tags: ['jira_fcx-1'],
    });
    const res = await call('/refresh', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(jira.state.properties.get('FCX-1')).toMatchObject({ cases: 6, openCases: 3 });
  });

  it('keeps the comment for a tenant that asks for it (jiraImpactComment), written as the app', async () => {
    const res = await call('/refresh', {
      method: 'POST',
      token: await forge.sign(CLOUD2, { context: null }),
    });
    expect(res.status).toBe(200);
    expect(jira2.state.properties.get('CMT-1')).toMatchObject({ cases: 1, openCases: 1 });
    expect([...(jira2.state.comments.get('CMT-1')?.values() ?? [])]).toHaveLength(1);
    // The first site's tenant did not ask: still no comment there.
    expect(jira.state.comments.size).toBe(0);
  });
});
