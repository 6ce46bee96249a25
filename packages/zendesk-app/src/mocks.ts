import { readFileSync } from 'node:fs';
import { SHARED_DATA } from '@support-metrics/core/test-support';
import { HttpResponse, http } from 'msw';

/**
 * msw handlers that answer like Zendesk's API, built from real recorded payloads (../shared/data/zendesk_api):
 * the cursor-based incremental export in pages (after_cursor, end_of_stream, metric_sets), per-ticket audits,
 * 429 with Retry-After, 5xx and 401 on demand.
 */
export const ZENDESK = 'https://acme.zendesk.com/api/v2';
const load = (name: string) => JSON.parse(readFileSync(`${SHARED_DATA}zendesk_api/${name}`, 'utf8'));
export const realTickets = load('zenpy_GET_incremental_tickets_cursor.json').tickets as Record<
  string,
  unknown
>[];
export const realAudits = load('zenpy_GET_ticket_audits_page.json').audits as Record<string, unknown>[];
const metricExample = JSON.parse(
  readFileSync(`${SHARED_DATA}zendesk_docs_examples/ticket_metric_object_example.json`, 'utf8'),
);

export interface ExportScript {
  pageSize: number;
  /** Per request number (0-based), an answer to give instead of the page: 429, 500, 401. */
  faults?: Record<number, { status: number; retryAfter?: string }>;
  requests: string[];
}

export function zendeskHandlers(script: ExportScript) {
  const pages: Record<string, unknown>[][] = [];
  for (let i = 0; i < realTickets.length; i += script.pageSize)
    pages.push(realTickets.slice(i, i + script.pageSize));
  return [
    http.get(`${ZENDESK}/incremental/tickets/cursor.json`, ({ request }) => {
      const url = new URL(request.url);
      const n = script.requests.push(url.search) - 1;
      const fault = script.faults?.[n];
      if (fault)
        return HttpResponse.json(
          { error: fault.status === 401 ? "Couldn't authenticate you" : 'Something went wrong' },
          { status: fault.status, headers: fault.retryAfter ? { 'retry-after': fault.retryAfter } : {} },
        );
      const cursor = url.searchParams.get('cursor');
      if (!cursor && !url.searchParams.get('start_time'))
        return HttpResponse.json({ error: 'InvalidPaginationParameter' }, { status: 400 });
      const index = cursor ? Number(cursor.replace('c', '')) : 0;
      const tickets = pages[index] ?? [];
      const last = index >= pages.length - 1;
      return HttpResponse.json({
        tickets,
        metric_sets:
          url.searchParams.get('include') === 'metric_sets'
            ? tickets.map((t) => ({ ...metricExample, ticket_id: t.id }))
            : undefined,
        after_cursor: last ? null : `c${index + 1}`,
        before_cursor: null,
        end_of_stream: last,
        after_url: last ? null : `${ZENDESK}/incremental/tickets/cursor.json?cursor=c${index + 1}`,
      });
    }),
    http.get(`${ZENDESK}/tickets/:id/audits.json`, ({ params }) =>
      HttpResponse.json({
        audits: realAudits.filter((a) => String(a.ticket_id) === params.id),
        meta: { has_more: false },
        links: { next: null },
      }),
    ),
  ];
}
