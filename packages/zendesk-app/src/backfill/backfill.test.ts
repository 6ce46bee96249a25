import type { Case, ZendeskCustomer } from '@support-metrics/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ExportScript, realTickets, zendeskHandlers, zendeskOrganizations } from '../mocks.js';
import { createZendeskApi, ZendeskApiError } from '../zendesk-api/zendesk-api.js';
import { type BackfillSink, backfill } from './backfill.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/**
 * A store stand-in that applies each ticket version once, like the worker's sync route, and keeps the newest
 * snapshot of each organisation, like CustomerStore.
 */
function memorySink(failOnPage?: number, failOnOrganizationPage?: number) {
  const cases = new Map<string, Case>();
  const versions = new Set<string>();
  let cursor: string | null = null;
  let page = 0;
  const organizations = new Map<string, ZendeskCustomer>();
  const deleted = new Set<string>();
  /** Every organisation snapshot sent, as `id@updated_at`. */
  const organizationsSent: string[] = [];
  let organizationCursor: number | null = null;
  let organizationPage = 0;
  const names = new Map<string, string>();
  const sink: BackfillSink = {
    async saveNames(batch) {
      for (const n of batch) names.set(`${n.kind}:${n.id}`, n.name);
      return { saved: batch.length };
    },
    organizationCursor: async () => organizationCursor,
    async saveOrganizations(batch, next) {
      organizationPage++;
      if (organizationPage === failOnOrganizationPage) throw new Error('worker went away');
      for (const c of batch.customers) {
        organizationsSent.push(`${c.id}@${c.sourceUpdatedAt}`);
        const stored = organizations.get(c.id);
        if (!stored || (stored.sourceUpdatedAt ?? '') <= (c.sourceUpdatedAt ?? ''))
          organizations.set(c.id, c);
      }
      for (const d of batch.deleted) {
        organizationsSent.push(`${d.id}@${d.at}`);
        deleted.add(d.id);
        organizations.delete(d.id);
      }
      if (next !== null) organizationCursor = next;
      return { saved: batch.customers.length, deleted: batch.deleted.length };
    },
    cursor: async () => cursor,
    async savePage(batch, next) {
      page++;
      if (page === failOnPage) throw new Error('worker went away');
      const saved = { created: 0, updated: 0, duplicate: 0 };
      for (const c of batch) {
        const key = `${c.id}:${c.status}:${c.solvedAt}`;
        if (versions.has(key)) saved.duplicate++;
        else saved[cases.has(c.id) ? 'updated' : 'created']++;
        versions.add(key);
        cases.set(c.id, c);
      }
      if (next) cursor = next;
      return saved;
    },
  };
  return {
    sink,
    cases,
    cursor: () => cursor,
    organizations,
    deleted,
    organizationsSent,
    organizationCursor: () => organizationCursor,
    names,
  };
}

function run(
  script: ExportScript,
  sink: BackfillSink,
  waits: number[] = [],
  extra: Partial<Parameters<typeof backfill>[0]> = {},
) {
  server.use(...zendeskHandlers(script));
  const api = createZendeskApi({
    subdomain: 'acme',
    email: 'bot@acme.com',
    token: 'zd-secret-token',
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return backfill({ api, sink, since: new Date('2023-01-01'), ...extra });
}

const deleted = realTickets.filter((t) => t.status === 'deleted').length;

describe('backfill of the group and brand names', () => {
  it('saves every group (deleted ones too) and brand, page by page and through a 429, on every run', async () => {
    const mem = memorySink();
    const script: ExportScript = {
      pageSize: 10,
      requests: [],
      nameFaults: { 1: { status: 429, retryAfter: '1' } },
    };
    const waits: number[] = [];
    const result = await run(script, mem.sink, waits);
    expect(result.names).toBe(5);
    expect(Object.fromEntries(mem.names)).toEqual({
      'group:360001111': 'Tier 1',
      'group:360002222': 'Tier 2',
      'group:360003333': 'Billing (old)',
      'brand:360009001': 'Acme Cloud',
      'brand:360009002': 'Acme On-Prem',
    });
    // Groups in two pages (the second asked twice, after the 429's Retry-After), then brands in one.
    expect(script.nameRequests?.map((r) => r.split('?')[0])).toEqual([
      'groups',
      'groups',
      'groups',
      'brands',
    ]);
    expect(script.nameRequests?.[1]).toContain('page%5Bafter%5D=2');
    expect(waits).toContain(1000);
    const again: ExportScript = { pageSize: 10, requests: [] };
    expect((await run(again, mem.sink)).names).toBe(5);
  });

  it('stops the run on a 401 from the groups list, before any ticket', async () => {
    const mem = memorySink();
    const script: ExportScript = { pageSize: 10, requests: [], nameFaults: { 0: { status: 401 } } };
    await expect(run(script, mem.sink)).rejects.toBeInstanceOf(ZendeskApiError);
    expect(script.requests).toEqual([]);
    expect(mem.names.size).toBe(0);
  });
});

describe('backfill from the incremental export', () => {
  it('pulls every page once, with metrics, and saves the last cursor', async () => {
    const script: ExportScript = { pageSize: 30, requests: [] };
    const mem = memorySink();
    const result = await run(script, mem.sink);
    expect(result.pages).toBe(3);
    expect(result.tickets).toBe(realTickets.length);
    expect(mem.cases.size).toBe(realTickets.length - deleted);
    expect(result.skipped).toBe(deleted);
    expect(mem.cursor()).toBe('c2');
    expect(script.requests[0]).toContain('start_time=1672531200');
    expect(script.requests[1]).toContain('cursor=c1');
    expect([...mem.cases.values()][0]).toMatchObject({
      publicAgentReplies: 322,
      reopens: 55,
      groupStations: 7,
    });
  });

  it('waits as long as a 429 says, and retries a 500 with backoff', async () => {
    const script: ExportScript = {
      pageSize: 30,
      requests: [],
      faults: { 1: { status: 429, retryAfter: '7' }, 3: { status: 500 } },
    };
    const waits: number[] = [];
    const mem = memorySink();
    const result = await run(script, mem.sink, waits);
    expect(waits).toEqual([7000, 1000]);
    expect(result.pages).toBe(3);
    expect(mem.cases.size).toBe(realTickets.length - deleted);
  });

  it('resumes after a crash from the last saved page, counting nothing twice', async () => {
    const script: ExportScript = { pageSize: 30, requests: [] };
    const first = memorySink(2);
    await expect(run(script, first.sink)).rejects.toThrow('worker went away');
    expect(first.cursor()).toBe('c1');
    const savedBefore = first.cases.size;
    // Same store, the sink working again: the run resumes at the saved cursor, without --since.
    const again = memorySink();
    for (const [id, c] of first.cases) again.cases.set(id, c);
    again.sink.cursor = async () => first.cursor();
    again.sink.organizationCursor = async () => first.organizationCursor();
    const result = await backfill({
      api: createZendeskApi({ subdomain: 'acme', email: 'bot@acme.com', token: 't', sleep: async () => {} }),
      sink: again.sink,
    });
    expect(script.requests.at(-2)).toContain('cursor=c1');
    expect(result.pages).toBe(2);
    expect(again.cases.size).toBe(realTickets.length - deleted);
    expect(result.created).toBe(realTickets.length - deleted - savedBefore);
  });

  it('stops after the current page when asked (Ctrl-C), keeping the cursor', async () => {
    const mem = memorySink();
    const script: ExportScript = { pageSize: 30, requests: [] };
    const result = await run(script, mem.sink, [], { shouldStop: () => true });
    expect(result.pages).toBe(1);
    expect(mem.cursor()).toBe('c1');
    expect(script.organizationRequests ?? []).toEqual([]);
  });

  it('gives up at once on 401, which retrying cannot fix, without the token in the message', async () => {
    const mem = memorySink();
    const err = await run({ pageSize: 30, requests: [], faults: { 0: { status: 401 } } }, mem.sink).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ZendeskApiError);
    expect(err.status).toBe(401);
    expect(String(err.message)).not.toContain('zd-secret-token');
  });

  it('reads audits: the first message from the creation audit', async () => {
    const mem = memorySink();
    await run({ pageSize: 30, requests: [] }, mem.sink, [], { audits: true });
    expect(mem.cases.get('1')?.description).toContain('having a problem setting up your new product');
  });

  it('refuses to start without a cursor or a start date', async () => {
    server.use(...zendeskHandlers({ pageSize: 30, requests: [] }));
    const api = createZendeskApi({ subdomain: 'acme', email: 'bot@acme.com', token: 't' });
    await expect(backfill({ api, sink: memorySink().sink })).rejects.toThrow('give --since DATE');
  });
});

const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const liveOrganizations = zendeskOrganizations.filter((o) => !o.deleted_at);
const deletedOrganizations = zendeskOrganizations.filter((o) => o.deleted_at);

describe('backfill of organisations from the time-based incremental export', () => {
  it('pulls every organisation once after the tickets, through a 429 in the middle, and saves the next start_time', async () => {
    const script: ExportScript = {
      pageSize: 30,
      requests: [],
      organizationPageSize: 4,
      organizationFaults: { 1: { status: 429, retryAfter: '3' } },
    };
    const waits: number[] = [];
    const mem = memorySink();
    const result = await run(script, mem.sink, waits);
    expect(waits).toEqual([3000]);
    // All of them from the start (not only since --since), then from each page's end_time.
    const requests = script.organizationRequests ?? [];
    expect(requests[0]).toBe('?start_time=0');
    expect(requests[1]).toBe(requests[2]); // the 429, then the same page again
    expect(requests[2]).toBe(`?start_time=${unix(zendeskOrganizations[3]?.updated_at ?? '')}`);
    // 12 organisations in pages of 4 whose first repeats the last of the one before: 4 pages, each sent once.
    expect(result.organizationPages).toBe(4);
    expect(result.organizations).toBe(zendeskOrganizations.length);
    expect(new Set(mem.organizationsSent).size).toBe(mem.organizationsSent.length);
    expect([...mem.organizations.keys()].sort()).toEqual(liveOrganizations.map((o) => String(o.id)).sort());
    expect([...mem.deleted]).toEqual(deletedOrganizations.map((o) => String(o.id)));
    expect(mem.organizations.get('6130869157658')).toMatchObject({
      name: 'Customer A',
      tags: ['onboarded', 'renewal_committed'],
      fields: { annual_recurring_revenue: 10_000, customer_since: '2022-06-01' },
      createdAt: '2022-06-01T08:00:00Z',
      sourceUpdatedAt: zendeskOrganizations[0]?.updated_at,
    });
    expect(mem.organizationCursor()).toBe(unix(zendeskOrganizations.at(-1)?.updated_at ?? ''));
    // The tickets were all pulled first.
    expect(result.pages).toBe(3);
  });

  it('resumes from the saved start_time after a crash, and an incremental run gets only what changed since', async () => {
    const script: ExportScript = { pageSize: 30, requests: [], organizationPageSize: 4 };
    const first = memorySink(undefined, 3);
    await expect(run(script, first.sink)).rejects.toThrow('worker went away');
    const savedStart = first.organizationCursor();
    expect(savedStart).toBe(unix(zendeskOrganizations[6]?.updated_at ?? ''));
    const again = memorySink();
    for (const [id, c] of first.organizations) again.organizations.set(id, c);
    again.sink.cursor = async () => first.cursor();
    again.sink.organizationCursor = async () => again.organizationCursor() ?? first.organizationCursor();
    const before = (script.organizationRequests ?? []).length;
    const result = await run(script, again.sink);
    expect(script.organizationRequests?.[before]).toBe(`?start_time=${savedStart}`);
    expect([...again.organizations.keys()].sort()).toEqual(liveOrganizations.map((o) => String(o.id)).sort());
    // Only the organisations from the saved start_time on were asked for again.
    expect(result.organizations).toBe(zendeskOrganizations.length - 6);
    // Nothing changed since: a later run reads one page, the newest organisation again, and stops.
    const later = await run(script, again.sink);
    expect(later.organizationPages).toBe(1);
    expect(later.organizations).toBe(1);
  });

  it('starts over with --restart, from start_time=0', async () => {
    const script: ExportScript = { pageSize: 30, requests: [], organizationPageSize: 20 };
    const mem = memorySink();
    await run(script, mem.sink);
    await run(script, mem.sink, [], { restart: true });
    expect(script.organizationRequests).toEqual(['?start_time=0', '?start_time=0']);
    expect(mem.organizations.size).toBe(liveOrganizations.length);
  });

  it('reports organisations it cannot read and goes on', async () => {
    const broken = {
      ...zendeskOrganizations[1],
      created_at: 'last tuesday',
    } as unknown as (typeof zendeskOrganizations)[number];
    const organizations = [zendeskOrganizations[0], broken, zendeskOrganizations[2]].filter(
      (o): o is (typeof zendeskOrganizations)[number] => o !== undefined,
    );
    const skipped: string[] = [];
    const mem = memorySink();
    await run({ pageSize: 30, requests: [], organizations }, mem.sink, [], {
      onSkip: (id, reason, kind) => kind === 'organization' && skipped.push(`${id}: ${reason}`),
    });
    expect(skipped).toEqual([expect.stringMatching(/^6295841670298: .*created_at/)]);
    expect(mem.organizations.size).toBe(2);
  });
});
