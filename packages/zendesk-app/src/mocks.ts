import { readFileSync } from 'node:fs';
import { SHARED_DATA } from '@support-metrics/core/test-support';
import { HttpResponse, http } from 'msw';

/**
 * msw handlers that answer like Zendesk's API, built from real recorded payloads (../shared/data/zendesk_api):
 * the cursor-based incremental export in pages (after_cursor, end_of_stream, metric_sets), per-ticket audits,
 * the time-based incremental organization export (start_time, end_time, next_page, end_of_stream), 429 with
 * Retry-After, 5xx and 401 on demand.
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

/** An organization as Zendesk's API returns it (Organizations API, "JSON format"). */
export interface ZendeskOrganizationJson {
  id: number;
  url: string;
  name: string;
  shared_tickets: boolean;
  shared_comments: boolean;
  external_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at?: string | null;
  domain_names: string[];
  details: string | null;
  notes: string | null;
  group_id: number | null;
  tags: string[];
  organization_fields: Record<string, string | number | boolean | null>;
}

/**
 * Organisations in the shape of Zendesk's documented organization object (no recorded export exists in
 * ../shared/data): the two organisations the recorded tickets belong to, ten more, one of them deleted. Each changed
 * at its own second, oldest first.
 */
export const zendeskOrganizations: ZendeskOrganizationJson[] = [6130869157658, 6295841670298]
  .concat(Array.from({ length: 10 }, (_, i) => 7000000000001 + i))
  .map((id, i) => {
    const updated = new Date(Date.UTC(2023, 0, 1 + i, 9, 0, i)).toISOString().replace('.000Z', 'Z');
    return {
      id,
      url: `${ZENDESK}/organizations/${id}.json`,
      name: `Customer ${String.fromCharCode(65 + i)}`,
      shared_tickets: false,
      shared_comments: false,
      external_id: i % 3 === 0 ? `crm-${i}` : null,
      created_at: '2022-06-01T08:00:00Z',
      updated_at: updated,
      deleted_at: i === 9 ? updated : null,
      domain_names: [`customer-${i}.example`],
      details: null,
      notes: null,
      group_id: null,
      tags: i % 2 === 0 ? ['onboarded', 'renewal_committed'] : ['onboarded'],
      organization_fields: { annual_recurring_revenue: 10_000 * (i + 1), customer_since: '2022-06-01' },
    };
  });

/**
 * Groups and brands in the shape of Zendesk's documented group and brand objects (no recorded list exists in
 * ../shared/data): three groups (one deleted, still named: old cases keep its id) and two brands.
 */
export const zendeskGroups = [
  [360001111, 'Tier 1', false],
  [360002222, 'Tier 2', false],
  [360003333, 'Billing (old)', true],
].map(([id, name, deleted]) => ({
  id,
  url: `${ZENDESK}/groups/${id}.json`,
  name,
  description: '',
  default: id === 360001111,
  deleted,
  is_public: true,
  created_at: '2022-06-01T08:00:00Z',
  updated_at: '2023-01-01T09:00:00Z',
}));
export const zendeskBrands = [
  [360009001, 'Acme Cloud', 'acme'],
  [360009002, 'Acme On-Prem', 'acme-onprem'],
].map(([id, name, subdomain]) => ({
  id,
  url: `${ZENDESK}/brands/${id}.json`,
  name,
  brand_url: `https://${subdomain}.zendesk.com`,
  subdomain,
  host_mapping: null,
  has_help_center: true,
  help_center_state: 'enabled',
  active: true,
  default: id === 360009001,
  is_deleted: false,
  logo: null,
  ticket_form_ids: [],
  signature_template: '{{agent.signature}}',
  created_at: '2022-06-01T08:00:00Z',
  updated_at: '2023-01-01T09:00:00Z',
}));

/** A list with Zendesk's cursor pagination (`page[size]`, `page[after]`; `meta.has_more`, `links.next`). */
function cursorList(key: string, all: readonly unknown[], url: URL, defaultSize: number) {
  const size = Math.min(Number(url.searchParams.get('page[size]') ?? defaultSize) || defaultSize, 100);
  const after = Number(url.searchParams.get('page[after]') ?? 0);
  const items = all.slice(after, after + size);
  const more = after + size < all.length;
  const next = new URL(url);
  next.searchParams.set('page[after]', String(after + size));
  return HttpResponse.json({
    [key]: items,
    meta: { has_more: more, after_cursor: more ? String(after + size) : null, before_cursor: null },
    links: { next: more ? next.toString() : null, prev: null },
  });
}

export interface ExportScript {
  pageSize: number;
  /** Per request number (0-based), an answer to give instead of the page: 429, 500, 401. */
  faults?: Record<number, { status: number; retryAfter?: string }>;
  requests: string[];
  /** The organization export: its page size (default 4), faults and requests, counted on their own. */
  organizationPageSize?: number;
  organizationFaults?: Record<number, { status: number; retryAfter?: string }>;
  organizationRequests?: string[];
  /** The organisations it serves (default zendeskOrganizations). */
  organizations?: ZendeskOrganizationJson[];
  /** The groups' and brands' lists: a page size (Zendesk's limit is 100; default 2), faults and requests. */
  namePageSize?: number;
  nameFaults?: Record<number, { status: number; retryAfter?: string }>;
  nameRequests?: string[];
}

const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function faultResponse(fault: { status: number; retryAfter?: string }) {
  return HttpResponse.json(
    { error: fault.status === 401 ? "Couldn't authenticate you" : 'Something went wrong' },
    { status: fault.status, headers: fault.retryAfter ? { 'retry-after': fault.retryAfter } : {} },
  );
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
      if (fault) return faultResponse(fault);
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
    // Time-based, as Zendesk: the organisations changed at or after start_time, oldest first, a page at a time;
    // end_time is the newest updated_at of the page and the next page's start_time (so that second comes twice).
    http.get(`${ZENDESK}/incremental/organizations.json`, ({ request }) => {
      const url = new URL(request.url);
      script.organizationRequests ??= [];
      const n = script.organizationRequests.push(url.search) - 1;
      const fault = script.organizationFaults?.[n];
      if (fault) return faultResponse(fault);
      const start = Number(url.searchParams.get('start_time'));
      if (url.searchParams.get('start_time') === null || !Number.isInteger(start) || start < 0)
        return HttpResponse.json(
          { error: 'InvalidValue', description: 'start_time is required' },
          { status: 400 },
        );
      const size = script.organizationPageSize ?? 4;
      const organizations = (script.organizations ?? zendeskOrganizations)
        .filter((o) => unix(o.updated_at) >= start)
        .sort((a, b) => a.updated_at.localeCompare(b.updated_at))
        .slice(0, size);
      const last = organizations.at(-1);
      const endTime = last ? unix(last.updated_at) : start;
      return HttpResponse.json({
        organizations,
        next_page: `${ZENDESK}/incremental/organizations.json?start_time=${endTime}`,
        end_time: endTime,
        end_of_stream: organizations.length < size,
        count: organizations.length,
      });
    }),
    ...(['groups', 'brands'] as const).map((key) =>
      http.get(`${ZENDESK}/${key}.json`, ({ request }) => {
        const url = new URL(request.url);
        script.nameRequests ??= [];
        const n = script.nameRequests.push(`${key}${url.search}`) - 1;
        const fault = script.nameFaults?.[n];
        if (fault) return faultResponse(fault);
        const all = key === 'groups' ? zendeskGroups : zendeskBrands;
        // The page size asked for is Zendesk's to cap; the script's smaller one makes the test see pages.
        url.searchParams.set('page[size]', String(script.namePageSize ?? 2));
        return cursorList(key, all, url, 2);
      }),
    ),
    http.get(`${ZENDESK}/organizations/:id.json`, ({ params }) => {
      const org = (script.organizations ?? zendeskOrganizations).find((o) => String(o.id) === params.id);
      return org
        ? HttpResponse.json({ organization: org })
        : HttpResponse.json({ error: 'RecordNotFound', description: 'Not found' }, { status: 404 });
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

// The install path (Apps API, requirements, webhooks' signing secrets): src/install/zendesk-account-mock.ts, kept
// free of node:fs so that workerd tests can import it ('@support-metrics/zendesk-app/install-mock').
export { zendeskAccountMock, zendeskSign } from './install/zendesk-account-mock.js';
