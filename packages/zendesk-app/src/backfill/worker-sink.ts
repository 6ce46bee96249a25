import type { Case, ZendeskCustomer } from '@support-metrics/core';
import type { FetchLike } from '../zendesk-api/retrying-fetch.js';
import type { BackfillSink, OrganizationPage } from './backfill.js';

/** A sync API call the worker refused (bad token, bad batch). */
export class SyncApiError extends Error {
  override name = 'SyncApiError';
}

/**
 * The backfill's sink over HTTP: the worker's `/api/sync/zendesk` routes (`/pages` for tickets, `/organizations` for
 * the organization export, `/names` for the groups' and brands' names) with the tenant's bearer token.
 * The token goes in the Authorization header only; it is never printed.
 */
export function workerSink({
  baseUrl,
  token,
  fetch: f = fetch,
}: {
  baseUrl: string;
  token: string;
  fetch?: FetchLike;
}): BackfillSink {
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await f(`${baseUrl.replace(/\/$/, '')}/api/sync/zendesk${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok)
      throw new SyncApiError(
        `worker answered ${res.status}: ${String(body.message ?? body.error ?? 'no detail')}`,
      );
    return body;
  };
  return {
    async cursor() {
      return ((await call('')).cursor as string | null) ?? null;
    },
    async savePage(cases: Case[], cursor: string | null, customers: ZendeskCustomer[] = []) {
      const body = await call('/pages', {
        method: 'POST',
        body: JSON.stringify(customers.length > 0 ? { cases, cursor, customers } : { cases, cursor }),
      });
      return body.saved as { created: number; updated: number; duplicate: number };
    },
    async organizationCursor() {
      const start = (await call('')).organizationCursor;
      return typeof start === 'number' ? start : null;
    },
    async saveOrganizations(page: OrganizationPage, startTime: number | null) {
      const body = await call('/organizations', {
        method: 'POST',
        body: JSON.stringify({ ...page, startTime }),
      });
      return body.saved as { saved: number; deleted: number };
    },
    async saveNames(names) {
      const body = await call('/names', { method: 'POST', body: JSON.stringify({ names }) });
      return body.saved as { saved: number };
    },
  };
}
