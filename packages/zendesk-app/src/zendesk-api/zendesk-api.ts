import * as nodeZendesk from 'node-zendesk';
import { type FetchLike, type RetryOptions, retryingFetch } from './retrying-fetch.js';

// node-zendesk is CommonJS: Node's ESM loader exposes it as `default`, bundlers (and vitest) also as named exports.
const createClient =
  (nodeZendesk as Partial<typeof nodeZendesk>).createClient ??
  (nodeZendesk as unknown as { default: typeof nodeZendesk }).default.createClient;

/** A page of the cursor-based incremental ticket export, with its metric sets sideloaded. */
export interface ExportPage {
  tickets: unknown[];
  metricSets: unknown[];
  /** The `organizations` sideload, when the export carries one (empty otherwise). */
  organizations: unknown[];
  afterCursor: string | null;
  endOfStream: boolean;
}

/** A page of the time-based incremental organization export. */
export interface OrganizationExportPage {
  organizations: unknown[];
  /** The `start_time` of the next page (unix seconds): the newest `updated_at` of this one. */
  endTime: number | null;
  /** True once the export has reached the present. */
  endOfStream: boolean;
}

/** The part of the Zendesk API this app uses (a port: tests and the worker give it their own fetch). */
export interface ZendeskApi {
  /** One page of `GET /api/v2/incremental/tickets/cursor.json?include=metric_sets`. */
  exportPage(from: { startTime: number } | { cursor: string }): Promise<ExportPage>;
  /** One page of `GET /api/v2/incremental/organizations.json?start_time=…` (time-based: deleted ones included). */
  organizationExportPage(startTime: number): Promise<OrganizationExportPage>;
  /** `GET /api/v2/organizations/{id}.json`; null when the organisation does not exist. */
  organization(organizationId: string): Promise<unknown | null>;
  /** `GET /api/v2/tickets/{id}/audits.json` (all pages). */
  ticketAudits(ticketId: string): Promise<unknown[]>;
  /** `GET /api/v2/tickets/{id}.json` and its metrics; null when the ticket does not exist. */
  ticket(ticketId: string): Promise<{ ticket: unknown; metric: unknown | null } | null>;
  /** `GET /api/v2/groups.json` (all pages, cursor pagination): the account's groups, deleted ones included. */
  groups(): Promise<unknown[]>;
  /** `GET /api/v2/brands.json` (all pages): the account's brands. */
  brands(): Promise<unknown[]>;
  /** `PUT /api/v2/tickets/{id}.json` */
  updateTicket(ticketId: string, body: { ticket: Record<string, unknown> }): Promise<void>;
}

/** A Zendesk API answer we cannot use (4xx other than 429, or retries exhausted). */
export class ZendeskApiError extends Error {
  override name = 'ZendeskApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ZendeskApiOptions extends RetryOptions {
  subdomain: string;
  email: string;
  token: string;
  /** Defaults to the global fetch. */
  fetch?: FetchLike;
}

/**
 * The Zendesk API through node-zendesk (API-token auth), with a transport that honours 429 Retry-After and
 * retries 5xx. node-zendesk keeps only a response's main array (the cursor export loses `after_cursor` and
 * `metric_sets`), so pages are read with its raw request, which returns the whole body.
 *
 * @example const api = createZendeskApi({ subdomain: 'acme', email: 'bot@acme.com', token });
 */
export function createZendeskApi(o: ZendeskApiOptions): ZendeskApi {
  const fetchImpl = retryingFetch(o.fetch ?? ((url, init) => fetch(url, init)), o);
  const client = createClient({
    subdomain: o.subdomain,
    username: o.email,
    token: o.token,
    throwOriginalException: true,
    // node-zendesk reads `userAgent` (undeclared in its types); without it it builds one from node:process,
    // which workerd does not have.
    ...{ userAgent: 'support-metrics' },
    transportConfig: {
      transportFn: (uri: string, init: RequestInit) =>
        fetchImpl(uri, { method: init.method, headers: init.headers, body: init.body }),
      responseAdapter: (r: Response) => ({
        json: () => r.json(),
        status: r.status,
        headers: { get: (name: string) => r.headers.get(name) },
        statusText: r.statusText,
      }),
    },
  });
  // Raw requests: `{ response, result }` with the whole JSON body.
  type Raw = { response: { status: number }; result: Record<string, unknown> };
  const raw = async (method: string, path: unknown[] | string, body?: object): Promise<Raw> => {
    const api = client.tickets as unknown as {
      _rawRequest(m: string, p: unknown[] | string, b?: object): Promise<Raw>;
    };
    const res = await api._rawRequest(method, path, ...(body ? [body] : []));
    if (res.response.status >= 400) {
      const where = typeof path === 'string' ? path : path.filter((p) => typeof p !== 'object').join('/');
      throw new ZendeskApiError(
        res.response.status,
        `Zendesk answered ${res.response.status} to ${method} ${where}`,
      );
    }
    return res;
  };
  /** Every page of a list (`links.next` while `meta.has_more`, or the older `next_page`), at most 100 pages. */
  const allPages = async (first: unknown[], key: string): Promise<unknown[]> => {
    const items: unknown[] = [];
    let path: unknown[] | string = first;
    for (let page = 0; page < 100; page++) {
      const { result } = await raw('GET', path);
      items.push(...((result[key] as unknown[]) ?? []));
      const next =
        (result.links as { next?: string | null } | undefined)?.next ?? (result.next_page as string | null);
      if (!next || (result.meta as { has_more?: boolean } | undefined)?.has_more === false) break;
      path = next;
    }
    return items;
  };
  return {
    groups: () => allPages(['groups', { 'page[size]': 100 }], 'groups'),
    brands: () => allPages(['brands', { 'page[size]': 100 }], 'brands'),
    async exportPage(from) {
      const query =
        'cursor' in from
          ? { cursor: from.cursor, include: 'metric_sets' }
          : { start_time: from.startTime, include: 'metric_sets' };
      const { result } = await raw('GET', ['incremental', 'tickets', 'cursor', query]);
      return {
        tickets: (result.tickets as unknown[]) ?? [],
        metricSets: (result.metric_sets as unknown[]) ?? [],
        organizations: (result.organizations as unknown[]) ?? [],
        afterCursor: (result.after_cursor as string | null) ?? null,
        endOfStream: result.end_of_stream === true,
      };
    },
    async organizationExportPage(startTime) {
      const { result } = await raw('GET', ['incremental', 'organizations', { start_time: startTime }]);
      const endTime = Number(result.end_time);
      return {
        organizations: (result.organizations as unknown[]) ?? [],
        endTime: result.end_time === null || !Number.isFinite(endTime) ? null : endTime,
        endOfStream: result.end_of_stream === true,
      };
    },
    async organization(organizationId) {
      try {
        const { result } = await raw('GET', ['organizations', organizationId]);
        return (result.organization as unknown) ?? null;
      } catch (e) {
        if (e instanceof ZendeskApiError && e.status === 404) return null;
        throw e;
      }
    },
    async ticketAudits(ticketId) {
      const audits: unknown[] = [];
      let path: unknown[] | string = ['tickets', ticketId, 'audits'];
      for (let page = 0; page < 100; page++) {
        const { result } = await raw('GET', path);
        audits.push(...((result.audits as unknown[]) ?? []));
        const next =
          (result.links as { next?: string } | undefined)?.next ?? (result.next_page as string | null);
        if (!next || (result.meta as { has_more?: boolean } | undefined)?.has_more === false) break;
        path = next;
      }
      return audits;
    },
    async ticket(ticketId) {
      try {
        const { result } = await raw('GET', ['tickets', ticketId]);
        const metrics = await raw('GET', ['tickets', ticketId, 'metrics']);
        return { ticket: result.ticket, metric: (metrics.result.ticket_metric as unknown) ?? null };
      } catch (e) {
        if (e instanceof ZendeskApiError && e.status === 404) return null;
        throw e;
      }
    },
    async updateTicket(ticketId, body) {
      await raw('PUT', ['tickets', ticketId], body);
    },
  };
}
