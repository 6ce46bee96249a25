import type { Case } from '@support-metrics/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ExportScript, realTickets, zendeskHandlers } from '../mocks.js';
import { createZendeskApi, ZendeskApiError } from '../zendesk-api/zendesk-api.js';
import { type BackfillSink, backfill } from './backfill.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A store stand-in that applies each ticket version once, like the worker's sync route. */
function memorySink(failOnPage?: number) {
  const cases = new Map<string, Case>();
  const versions = new Set<string>();
  let cursor: string | null = null;
  let page = 0;
  const sink: BackfillSink = {
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
  return { sink, cases, cursor: () => cursor };
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
    const result = await run({ pageSize: 30, requests: [] }, mem.sink, [], { shouldStop: () => true });
    expect(result.pages).toBe(1);
    expect(mem.cursor()).toBe('c1');
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
