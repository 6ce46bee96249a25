import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import ticketsList from '@shared-data/zendesk_api/zenpy_GET_tickets_list.json';
import metricExample from '@shared-data/zendesk_docs_examples/ticket_metric_object_example.json';
import {
  type AppEnv,
  type Bindings,
  CustomerStore,
  loadConfig,
  notFound,
  onError,
  platform,
} from '@support-metrics/platform';
import { BASE } from '@support-metrics/platform/test-support';
import { Hono } from 'hono';
import { getResponse, HttpResponse, http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { backfill } from '../backfill/backfill.js';
import { workerSink } from '../backfill/worker-sink.js';
import { seedTenant, testStores, zendeskPlugins } from '../test-support/wiring.js';
import {
  organizationEvent,
  ticketCreated,
  ticketEvent,
  zendeskSignature,
} from '../test-support/zendesk-harness.js';
import { INCOMPLETE_TAG } from '../zendesk-api/write-back.js';
import { zendeskTicketNotes } from '../zendesk-api/zendesk-account.js';
import { createZendeskApi } from '../zendesk-api/zendesk-api.js';
import { zendeskSyncRoutes } from './sync-route.js';
import { zendeskRoutes } from './webhooks-route.js';

// Zendesk cannot be reached from here: msw answers at the boundary, with real recorded payloads.
const realTicket = (ticketsList as { tickets: Record<string, unknown>[] }).tickets[0] as Record<
  string,
  unknown
>;
const updates: { id: string; body: unknown }[] = [];
let rateLimitedOnce = false;
// Organisations in the shape of Zendesk's organization object, each changed at its own second.
const organizations = Array.from({ length: 7 }, (_, i) => ({
  id: 8800000000001 + i,
  name: `Org ${i}`,
  tags: i % 2 ? ['onboarded'] : ['onboarded', 'vip'],
  organization_fields: { annual_recurring_revenue: 1000 * (i + 1), renewal_date: null },
  created_at: '2024-01-01T00:00:00Z',
  updated_at: `2024-02-01T00:00:0${i}Z`,
  deleted_at: i === 5 ? '2024-02-01T00:00:05Z' : null,
}));
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const organizationRequests: string[] = [];
let organizationFault: number | null = null;
/** Groups and brands in the shape of Zendesk's group and brand objects, one a page (cursor pagination). */
const zendeskGroups = [
  { id: 20001, name: 'Tier 2', deleted: false, default: false, is_public: true },
  { id: 20009, name: 'Escalations', deleted: false, default: false, is_public: true },
];
const zendeskBrands = [
  { id: 360009001, name: 'Acme Cloud', subdomain: 'acme', active: true, is_deleted: false },
];
const nameRequests: string[] = [];
let namesFail = false;
const cursorList = (key: string, all: readonly unknown[], requestUrl: string) => {
  const url = new URL(requestUrl);
  nameRequests.push(`${key}${url.search}`);
  if (namesFail) return HttpResponse.json({ error: 'Something went wrong' }, { status: 500 });
  const after = Number(url.searchParams.get('page[after]') ?? 0);
  const more = after + 1 < all.length;
  url.searchParams.set('page[after]', String(after + 1));
  return HttpResponse.json({
    [key]: all.slice(after, after + 1),
    meta: { has_more: more, after_cursor: more ? String(after + 1) : null, before_cursor: null },
    links: { next: more ? url.toString() : null, prev: null },
  });
};
const handlers = [
  http.get('https://acme.zendesk.com/api/v2/groups.json', ({ request }) =>
    cursorList('groups', zendeskGroups, request.url),
  ),
  http.get('https://acme.zendesk.com/api/v2/brands.json', ({ request }) =>
    cursorList('brands', zendeskBrands, request.url),
  ),
  // The time-based organization export, as Zendesk: from start_time on, oldest first, 3 a page; end_time is the
  // newest updated_at of the page and the next start_time. The request numbered organizationFault is a 429.
  http.get('https://acme.zendesk.com/api/v2/incremental/organizations.json', ({ request }) => {
    const start = Number(new URL(request.url).searchParams.get('start_time'));
    const n = organizationRequests.push(`start_time=${start}`) - 1;
    if (n === organizationFault)
      return new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } });
    const page = organizations.filter((o) => unix(o.updated_at) >= start).slice(0, 3);
    const endTime = page.length ? unix(page[page.length - 1]?.updated_at ?? '') : start;
    return HttpResponse.json({
      organizations: page,
      next_page: `https://acme.zendesk.com/api/v2/incremental/organizations.json?start_time=${endTime}`,
      end_time: endTime,
      end_of_stream: page.length < 3,
      count: page.length,
    });
  }),
  http.get('https://acme.zendesk.com/api/v2/incremental/tickets/cursor.json', () =>
    HttpResponse.json({ tickets: [], after_cursor: 'c-end', before_cursor: null, end_of_stream: true }),
  ),
  http.get('https://acme.zendesk.com/api/v2/organizations/:id.json', ({ params }) => {
    const org = organizations.find((o) => String(o.id) === params.id);
    if (!org) return HttpResponse.json({ error: 'RecordNotFound' }, { status: 404 });
    if (!rateLimitedOnce) {
      rateLimitedOnce = true;
      return new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } });
    }
    return HttpResponse.json({ organization: org });
  }),
  http.get('https://acme.zendesk.com/api/v2/tickets/:id.json', ({ params }) => {
    if (params.id === '404404') return HttpResponse.json({ error: 'RecordNotFound' }, { status: 404 });
    if (!rateLimitedOnce) {
      rateLimitedOnce = true;
      return new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } });
    }
    return HttpResponse.json({ ticket: { ...realTicket, id: Number(params.id), status: 'open' } });
  }),
  http.get('https://acme.zendesk.com/api/v2/tickets/:id/metrics.json', ({ params }) =>
    HttpResponse.json({ ticket_metric: { ...metricExample, ticket_id: Number(params.id) } }),
  ),
  // Tenant own's own Zendesk account.
  http.get('https://ownco.zendesk.com/api/v2/tickets/:id.json', ({ params }) =>
    HttpResponse.json({ ticket: { ...realTicket, id: Number(params.id), status: 'open' } }),
  ),
  http.get('https://ownco.zendesk.com/api/v2/tickets/:id/metrics.json', ({ params }) =>
    HttpResponse.json({ ticket_metric: { ...metricExample, ticket_id: Number(params.id) } }),
  ),
  http.put('https://ownco.zendesk.com/api/v2/tickets/:id.json', async ({ params, request }) => {
    updates.push({ id: `ownco/${params.id}`, body: await request.json() });
    return HttpResponse.json({ ticket: { id: Number(params.id) } });
  }),
  http.put('https://acme.zendesk.com/api/v2/tickets/:id.json', async ({ params, request }) => {
    updates.push({ id: String(params.id), body: await request.json() });
    return HttpResponse.json({ ticket: { id: Number(params.id) } });
  }),
];
/** The worker's Zendesk secrets: the default tenant's account, acme.zendesk.com. */
const ZENDESK_SECRETS = {
  ZENDESK_SUBDOMAIN: 'acme',
  ZENDESK_EMAIL: 'bot@acme.com',
  ZENDESK_API_TOKEN: 'zd-token',
};
/** Every URL the worker asked Zendesk for. */
const zendeskRequests: string[] = [];
const mockedFetch = async (url: string, init?: RequestInit) => {
  zendeskRequests.push(url);
  return (await getResponse(handlers, new Request(url, init))) ?? new Response('no handler', { status: 599 });
};

function app() {
  const a = new Hono<AppEnv>();
  a.use('*', platform(zendeskPlugins));
  a.route(
    '/',
    zendeskRoutes({
      // The account each tenant resolves to (its own setting, or the worker's secrets), over msw.
      zendeskApi: (credentials) =>
        createZendeskApi({ ...credentials, fetch: mockedFetch, sleep: async () => {} }),
    }),
  );
  a.onError(onError);
  a.notFound(notFound);
  return a;
}

async function post(body: unknown, bindings: Partial<Bindings> = {}, path = '/zendesk/webhooks') {
  const raw = JSON.stringify(body);
  const ts = new Date().toISOString();
  const ctx = createExecutionContext();
  const res = await app().request(
    `${BASE}${path}`,
    {
      method: 'POST',
      headers: {
        'x-zendesk-webhook-signature': await zendeskSignature('test-webhook-secret', ts, raw),
        'x-zendesk-webhook-signature-timestamp': ts,
      },
      body: raw,
    },
    { ...env, ...ZENDESK_SECRETS, ...bindings },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

beforeAll(async () => {
  await seedTenant('demo', 'demo-token', { zendeskWriteBack: true });
  await seedTenant('own', 'own-token', {
    zendeskWriteBack: true,
    zendeskWebhookSecret: 'test-webhook-secret',
    zendeskApi: { subdomain: 'ownco', email: 'bot@ownco.example', token: 'ownco-token' },
  });
  await seedTenant('writer', 'writer-token', {
    zendeskWriteBack: true,
    zendeskWebhookSecret: 'test-webhook-secret',
  });
});

describe('with the Zendesk API configured', () => {
  it('fetches a ticket it has never seen (waiting out a 429) and stores it with its metrics', async () => {
    const res = await post(
      ticketEvent('ticket.priority_changed', '4242', { current: 'HIGH' }, { priority: 'HIGH' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'created', caseId: '4242' });
    const stored = await env.DB.prepare(
      "SELECT data FROM cases WHERE tenant_id = 'demo' AND id = '4242'",
    ).first<{ data: string }>();
    expect(JSON.parse(stored?.data ?? '{}')).toMatchObject({
      priority: 'high',
      publicAgentReplies: 322,
      reopens: 55,
      groupStations: 7,
    });
    expect(rateLimitedOnce).toBe(true);
  });

  it('fetches the name of a group it has not stored after the answer, once, and a failing fetch never fails the delivery', async () => {
    // As before any webhook named a group (an earlier test's ticket did).
    await env.DB.prepare("DELETE FROM dimension_names WHERE tenant_id = 'demo'").run();
    nameRequests.length = 0;
    const res = await post(ticketCreated('5101'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'created', caseId: '5101' });
    // The whole list of groups, page by page, with the tenant's account (acme.zendesk.com for the default tenant).
    expect(nameRequests.filter((r) => r.startsWith('groups'))).toHaveLength(2);
    const names = await testStores().names.names('demo');
    expect(names.group.get('20001')).toBe('Tier 2');
    expect(names.group.get('20009')).toBe('Escalations');
    // Known now: the next ticket in that group asks Zendesk for no group.
    const before = nameRequests.filter((r) => r.startsWith('groups')).length;
    expect((await post(ticketCreated('5102'))).status).toBe(200);
    expect(nameRequests.filter((r) => r.startsWith('groups')).length).toBe(before);
    // A group created since: Zendesk fails to list groups, and the delivery is still saved and answered 200.
    namesFail = true;
    try {
      const failed = await post(ticketCreated('5103', { group_id: '20077' }));
      expect(failed.status).toBe(200);
      expect(await failed.json()).toMatchObject({ status: 'created', caseId: '5103' });
      expect(nameRequests.at(-1)).toMatch(/^groups/);
      expect((await testStores().names.names('demo')).group.has('20077')).toBe(false);
    } finally {
      namesFail = false;
    }
  });

  it('answers 404 when Zendesk has no such ticket', async () => {
    const res = await post(
      ticketEvent('ticket.priority_changed', '404404', { current: 'LOW' }, { priority: 'LOW' }),
    );
    expect(res.status).toBe(404);
  });

  it('writes back a tag and an internal note for an incomplete new ticket, when the tenant asks for it', async () => {
    const res = await post(ticketCreated('5151'));
    expect(await res.json()).toMatchObject({ status: 'created' });
    const update = updates.find((u) => u.id === '5151');
    expect(update?.body).toMatchObject({
      ticket: {
        additional_tags: [INCOMPLETE_TAG],
        comment: { public: false, body: expect.stringContaining('Suggested request to the customer') },
      },
    });
  });

  it("never uses the worker's Zendesk account (the default tenant's) for another tenant", async () => {
    // Tenant writer asks for write-back too, but the configured account is not its own: nothing is written...
    expect(await (await post(ticketCreated('5152'), {}, '/t/writer/zendesk/webhooks')).json()).toMatchObject({
      status: 'created',
    });
    // ...and a ticket or organisation it has not seen is not fetched from that account.
    const ticket = await post(
      ticketEvent('ticket.priority_changed', '7373', { current: 'HIGH' }, { priority: 'HIGH' }),
      {},
      '/t/writer/zendesk/webhooks',
    );
    expect(ticket.status).toBe(202);
    expect(await ticket.json()).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('set the tenant setting zendeskApi (tenant.ts set writer zendeskApi=@'),
    });
    const org = await post(
      organizationEvent('organization.tags_changed', '8800000000002', {
        added: { tags: ['vip'] },
        removed: { tags: [] },
      }),
      {},
      '/t/writer/zendesk/webhooks',
    );
    expect(org.status).toBe(202);
    expect(await org.json()).toMatchObject({ reason: expect.stringContaining('tenant setting zendeskApi') });
    expect(zendeskRequests.filter((u) => /5152|7373|8800000000002/.test(u))).toEqual([]);
    expect(await new CustomerStore(env.DB).customers('writer')).toEqual([]);
  });
});

describe("a tenant's own Zendesk account (setting zendeskApi)", () => {
  it('fetches its unseen tickets and writes back to its own account, never the default one', async () => {
    const res = await post(
      ticketEvent('ticket.priority_changed', '6464', { current: 'HIGH' }, { priority: 'HIGH' }),
      {},
      '/t/own/zendesk/webhooks',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'created', caseId: '6464' });
    // Fetched (ticket and metrics) and, being incomplete, written back: all of it on its own account.
    const asked = zendeskRequests.filter((u) => u.includes('6464'));
    expect(asked).toContain('https://ownco.zendesk.com/api/v2/tickets/6464/metrics.json');
    expect(asked.every((u) => u.startsWith('https://ownco.zendesk.com/'))).toBe(true);
    await post(ticketCreated('6465'), {}, '/t/own/zendesk/webhooks');
    expect(updates.map((u) => u.id)).toContain('ownco/6465');
    expect(updates.map((u) => u.id)).not.toContain('6465');
    const stored = await env.DB.prepare("SELECT tenant_id FROM cases WHERE id IN ('6464', '6465')").all();
    expect(stored.results).toEqual([{ tenant_id: 'own' }, { tenant_id: 'own' }]);
  });
});

describe('internal notes (swarm summaries, Jira fix notes)', () => {
  it("go to each tenant's own account, and nowhere for a tenant without one", async () => {
    const notesFor = zendeskTicketNotes((credentials) =>
      createZendeskApi({ ...credentials, fetch: mockedFetch, sleep: async () => {} }),
    );
    const config = loadConfig({ ...env, ...ZENDESK_SECRETS }, zendeskPlugins.config);
    const settingsOf = async (tenant: string) => (await testStores().tenants.tenantSettings(tenant)) ?? {};
    await notesFor(config, 'own', await settingsOf('own'))?.addInternalNote('6466', 'Fixed in 4.3');
    await notesFor(config, 'demo', await settingsOf('demo'))?.addInternalNote('6467', 'Fixed in 4.3');
    expect(notesFor(config, 'writer', await settingsOf('writer'))).toBeNull();
    expect(updates.find((u) => u.id === 'ownco/6466')?.body).toEqual({
      ticket: { comment: { body: 'Fixed in 4.3', public: false } },
    });
    expect(updates.find((u) => u.id === '6467')).toBeDefined();
  });
});

describe('without secrets', () => {
  it('turns the webhook route off with 503 not_configured, naming what to set', async () => {
    const res = await post(ticketCreated('9999'), { ZENDESK_WEBHOOK_SECRET: '' });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: 'not_configured',
      message: 'set ZENDESK_WEBHOOK_SECRET to enable',
    });
    expect(
      loadConfig({ ...env, ZENDESK_WEBHOOK_SECRET: '' }, zendeskPlugins.config).ZENDESK_WEBHOOK_SECRET,
    ).toBeUndefined();
  });
});

describe('organisations with the Zendesk API configured', () => {
  const customers = new CustomerStore(env.DB);

  it('fetches an organisation it has never seen (waiting out a 429) and stores it whole', async () => {
    rateLimitedOnce = false;
    const res = await post(
      organizationEvent(
        'organization.tags_changed',
        '8800000000001',
        { added: { tags: ['onboarded'] }, removed: { tags: [] } },
        { updated_at: '2024-02-01T00:00:01Z' },
      ),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'created', customerId: '8800000000001' });
    expect(rateLimitedOnce).toBe(true);
    expect(await customers.customer('demo', '8800000000001')).toEqual({
      id: '8800000000001',
      name: 'Org 0',
      tags: ['onboarded', 'vip'],
      fields: { annual_recurring_revenue: 1000, renewal_date: null },
      createdAt: '2024-01-01T00:00:00Z',
    });
  });

  it('fetches the organisation for a field change that names the field by id only', async () => {
    await post(
      organizationEvent('organization.created', '8800000000002', {}, { updated_at: '2024-01-01T00:00:00Z' }),
    );
    const res = await post(
      organizationEvent(
        'organization.custom_field_changed',
        '8800000000002',
        { current: '5000', previous: null, custom_field: { id: '360001', title: 'ARR', type: 'decimal' } },
        { updated_at: '2024-02-01T00:00:01Z' },
      ),
    );
    expect(await res.json()).toMatchObject({ status: 'updated' });
    expect((await customers.customer('demo', '8800000000002'))?.fields).toEqual({
      annual_recurring_revenue: 2000,
      renewal_date: null,
    });
  });

  it('answers 404 when Zendesk has no such organisation', async () => {
    const res = await post(organizationEvent('organization.name_changed', '8899999999999'));
    expect(res.status).toBe(404);
  });
});

describe('backfill of organisations through the sync API', () => {
  const TENANT = 'sync-orgs';
  const customers = new CustomerStore(env.DB);
  const syncApp = new Hono<AppEnv>();
  syncApp.use('*', platform(zendeskPlugins));
  syncApp.route('/api/sync/zendesk', zendeskSyncRoutes());
  syncApp.onError(onError);
  syncApp.notFound(notFound);
  const toWorker = async (url: string, init?: RequestInit) => syncApp.request(url, init, env);
  const api = createZendeskApi({
    subdomain: 'acme',
    email: 'bot@acme.com',
    token: 'zd-token',
    fetch: mockedFetch,
    sleep: async () => {},
  });
  const rows = () =>
    env.DB.prepare(
      'SELECT id, name, tags, source_updated_at, deleted_at FROM organizations WHERE tenant_id = ? ORDER BY id',
    )
      .bind(TENANT)
      .all<{ id: string; name: string; deleted_at: string | null }>()
      .then((r) => r.results);

  it('stores every organisation once, through a 429 in the middle, and resumes from the saved start_time', async () => {
    await seedTenant(TENANT, 'sync-orgs-token');
    const sink = workerSink({ baseUrl: BASE, token: 'sync-orgs-token', fetch: toWorker });
    // The first run: the second page is rate-limited once, the worker goes away on the third.
    organizationRequests.length = 0;
    organizationFault = 1;
    let pages = 0;
    const failing = {
      ...sink,
      saveOrganizations: async (...args: Parameters<typeof sink.saveOrganizations>) => {
        if (++pages === 3) throw new Error('worker went away');
        return sink.saveOrganizations(...args);
      },
    };
    await expect(backfill({ api, sink: failing, since: new Date('2024-01-01') })).rejects.toThrow(
      'worker went away',
    );
    expect(organizationRequests.slice(0, 3)).toEqual([
      'start_time=0',
      `start_time=${unix('2024-02-01T00:00:02Z')}`,
      `start_time=${unix('2024-02-01T00:00:02Z')}`,
    ]);
    const saved = (await (
      await toWorker(`${BASE}/api/sync/zendesk`, {
        headers: { authorization: 'Bearer sync-orgs-token' },
      })
    ).json()) as { organizationCursor: number };
    expect(saved.organizationCursor).toBe(unix('2024-02-01T00:00:04Z'));
    expect((await rows()).map((r) => r.id)).toEqual(organizations.slice(0, 5).map((o) => String(o.id)));

    // The second run resumes there and stores the rest: each organisation once, the deleted one deleted.
    organizationFault = null;
    const before = organizationRequests.length;
    const result = await backfill({ api, sink });
    expect(organizationRequests[before]).toBe(`start_time=${unix('2024-02-01T00:00:04Z')}`);
    // The organisation at the saved start_time comes again (time-based export); the store keeps it once.
    expect(result.organizations).toBe(3);
    const stored = await rows();
    expect(stored.map((r) => r.id)).toEqual(organizations.map((o) => String(o.id)));
    expect(stored.filter((r) => r.deleted_at).map((r) => r.id)).toEqual(['8800000000006']);
    expect((await customers.customers(TENANT)).map((c) => c.id)).toEqual(
      organizations.filter((o) => !o.deleted_at).map((o) => String(o.id)),
    );
    // Nothing in another tenant.
    expect(await customers.customer('demo', '8800000000004')).toBeNull();
    // The groups' and brands' names, stored by the backfill through the sync API for this tenant.
    const names = await testStores().names.names(TENANT);
    expect(Object.fromEntries(names.group)).toEqual({ '20001': 'Tier 2', '20009': 'Escalations' });
    expect(Object.fromEntries(names.brand)).toEqual({ '360009001': 'Acme Cloud' });
  });

  it('keeps a newer organisation (from a webhook) over an older page, and refuses a bad page with 400', async () => {
    const ts = '2030-01-01T00:00:00Z';
    await new CustomerStore(env.DB).writeOrganizations(
      TENANT,
      [
        {
          kind: 'snapshot',
          customer: {
            id: '8800000000001',
            name: 'Renamed',
            tags: [],
            fields: {},
            createdAt: null,
            sourceUpdatedAt: ts,
          },
        },
      ],
      ts,
    );
    const sink = workerSink({ baseUrl: BASE, token: 'sync-orgs-token', fetch: toWorker });
    await backfill({ api, sink, restart: true, since: new Date('2024-01-01') });
    expect((await customers.customer(TENANT, '8800000000001'))?.name).toBe('Renamed');
    const bad = await toWorker(`${BASE}/api/sync/zendesk/organizations`, {
      method: 'POST',
      headers: { authorization: 'Bearer sync-orgs-token', 'content-type': 'application/json' },
      body: JSON.stringify({ customers: [{ id: '' }], startTime: 1 }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ issues: [{ path: 'customers.0.id' }] });
  });

  it('stores names sent to /names with the bearer token, and refuses a bad kind with 400 and no token with 401', async () => {
    const post = (body: unknown, token = 'sync-orgs-token') =>
      toWorker(`${BASE}/api/sync/zendesk/names`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ok = await post({ names: [{ kind: 'group', id: '20001', name: 'Tier 2 (renamed)' }] });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ saved: { saved: 1 } });
    expect((await testStores().names.names(TENANT)).group.get('20001')).toBe('Tier 2 (renamed)');
    const bad = await post({ names: [{ kind: 'team', id: '1', name: 'x' }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ issues: [{ path: 'names.0.kind' }] });
    expect((await post({ names: [] }, 'nope')).status).toBe(401);
  });
});
