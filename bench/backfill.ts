/**
 * Backfill benchmark: 100,000 tickets from an msw-served cursor-based incremental export (1,000 per page, metric
 * sets sideloaded, real ticket shapes), through node-zendesk and the normaliser, into a sink that only counts —
 * the client side of `support-metrics sync zendesk`. Prints time, rate and peak memory (flat: one page at a time).
 */
import { backfill, createZendeskApi } from '@support-metrics/zendesk-app/backfill';
import { realTickets } from '@support-metrics/zendesk-app/mocks';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

const TOTAL = Number(process.env.BENCH_TICKETS ?? 100_000);
const PAGE = 1000;
const live = realTickets.filter((t) => t.status !== 'deleted');
const server = setupServer(
  http.get('https://acme.zendesk.com/api/v2/incremental/tickets/cursor.json', ({ request }) => {
    const page = Number(new URL(request.url).searchParams.get('cursor') ?? 0);
    const tickets = Array.from({ length: Math.min(PAGE, TOTAL - page * PAGE) }, (_, k) => {
      const t = live[(page * PAGE + k) % live.length] as Record<string, unknown>;
      return { ...t, id: page * PAGE + k + 1 };
    });
    const last = (page + 1) * PAGE >= TOTAL;
    return HttpResponse.json({
      tickets,
      metric_sets: tickets.map((t) => ({
        ticket_id: t.id,
        replies: 2,
        reopens: 0,
        group_stations: 1,
        solved_at: null,
      })),
      after_cursor: last ? null : String(page + 1),
      end_of_stream: last,
    });
  }),
  // The group and brand names before the tickets, and the organisations after: none here (this measures tickets).
  http.get('https://acme.zendesk.com/api/v2/groups.json', () =>
    HttpResponse.json({ groups: [], meta: { has_more: false }, links: { next: null } }),
  ),
  http.get('https://acme.zendesk.com/api/v2/brands.json', () =>
    HttpResponse.json({ brands: [], meta: { has_more: false }, links: { next: null } }),
  ),
  http.get('https://acme.zendesk.com/api/v2/incremental/organizations.json', () =>
    HttpResponse.json({ organizations: [], next_page: null, end_time: 0, end_of_stream: true, count: 0 }),
  ),
);
server.listen({ onUnhandledRequest: 'error' });
let peak = 0;
let saved = 0;
let atTenth = 0;
let atEnd = 0;
const t0 = performance.now();
const result = await backfill({
  api: createZendeskApi({ subdomain: 'acme', email: 'bot@acme.com', token: 't' }),
  sink: {
    cursor: async () => null,
    savePage: async (cases) => {
      saved += cases.length;
      peak = Math.max(peak, process.memoryUsage().rss);
      // Live heap after a collection: what the run holds, as opposed to what the collector has not returned yet.
      if (saved === TOTAL / 10 || saved === TOTAL) {
        globalThis.gc?.();
        const live = process.memoryUsage().heapUsed;
        if (saved === TOTAL / 10) atTenth = live;
        else atEnd = live;
      }
      return { created: cases.length, updated: 0, duplicate: 0 };
    },
    organizationCursor: async () => null,
    saveOrganizations: async (page) => ({ saved: page.customers.length, deleted: page.deleted.length }),
    saveNames: async (names) => ({ saved: names.length }),
  },
  since: new Date('2020-01-01'),
});
const s = (performance.now() - t0) / 1000;
server.close();
console.log(`\nBackfill (client side, msw-served export, ${PAGE} tickets a page)\n`);
console.log(
  `${result.tickets.toLocaleString('en-US')} tickets, ${result.pages} pages, ${saved.toLocaleString('en-US')} saved: ${s.toFixed(1)} s (${Math.round(result.tickets / s).toLocaleString('en-US')} tickets/s), peak RSS ${(peak / 2 ** 20).toFixed(0)} MB; live heap ${(atTenth / 2 ** 20).toFixed(0)} MB after 10% and ${(atEnd / 2 ** 20).toFixed(0)} MB at the end`,
);
