import {
  type Case,
  describeIssues,
  normaliseZendeskOrganization,
  normaliseZendeskTicket,
  type ZendeskAudit,
  ZendeskAuditSchema,
  type ZendeskCustomer,
  ZendeskOrganizationSchema,
  type ZendeskTicketMetric,
  ZendeskTicketMetricSchema,
  ZendeskTicketSchema,
} from '@support-metrics/core';
import { dimensionNamesOf } from '../zendesk-api/dimension-names.js';
import type { ZendeskApi } from '../zendesk-api/zendesk-api.js';

/** A page of the organization export, as the store takes it: live organisations, and deleted ones by id. */
export interface OrganizationPage {
  customers: ZendeskCustomer[];
  /** Deleted organisations, with the time Zendesk last changed them. */
  deleted: { id: string; at: string }[];
}

/** Where a backfill writes: the store, through the worker's sync API (or a test's recorder). */
export interface BackfillSink {
  /** The cursor saved by the last completed page, or null on a first run. */
  cursor(): Promise<string | null>;
  /**
   * Saves a page of cases (with the organisations the page sideloads, if any) and then the cursor after it; a page
   * is saved whole or not at all.
   */
  savePage(
    cases: Case[],
    cursor: string | null,
    customers?: ZendeskCustomer[],
  ): Promise<{ created: number; updated: number; duplicate: number }>;
  /** The organization export's saved `start_time` (unix seconds), or null on a first run. */
  organizationCursor(): Promise<number | null>;
  /** Saves a page of organisations (an older snapshot never overwrites a newer one) and then the next start_time. */
  saveOrganizations(
    page: OrganizationPage,
    startTime: number | null,
  ): Promise<{ saved: number; deleted: number }>;
  /** Saves the names of the account's groups and brands (a later name of the same id replaces the older). */
  saveNames(names: ReturnType<typeof dimensionNamesOf>): Promise<{ saved: number }>;
}

export interface BackfillProgress {
  pages: number;
  tickets: number;
  created: number;
  updated: number;
  duplicate: number;
  skipped: number;
  /** Where the export has reached, as the newest ticket's `updated_at`. */
  reachedAt: string | null;
  /** Pages and organisations of the organization export (the phase after the tickets). */
  organizationPages: number;
  organizations: number;
  /** Group and brand names saved (the first phase: a few small lists). */
  names: number;
  waiting?: { status: number | null; waitMs: number };
}

export interface BackfillOptions {
  api: ZendeskApi;
  sink: BackfillSink;
  /** Start of a first run (ignored when a saved cursor exists, unless `restart`). */
  since?: Date;
  restart?: boolean;
  /** Fetch each ticket's audits (first message with attachments, knowledge links). */
  audits?: boolean;
  tenantId?: string;
  onProgress?: (p: BackfillProgress) => void;
  onSkip?: (id: string, reason: string, kind?: 'ticket' | 'organization') => void;
  /** Checked between pages: true stops after the current page (Ctrl-C), keeping the saved cursor. */
  shouldStop?: () => boolean;
}

/** A backfill cannot start (no cursor and no --since), or an export stops advancing. */
export class BackfillError extends Error {
  override name = 'BackfillError';
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T);
      }
    }),
  );
  return out;
}

/** The live organisations of a page (normalised) and its deleted ones; ones that do not parse are reported. */
function organizationPage(
  raw: readonly unknown[],
  onSkip: BackfillOptions['onSkip'],
): OrganizationPage & { skipped: number } {
  const page: OrganizationPage & { skipped: number } = { customers: [], deleted: [], skipped: 0 };
  for (const o of raw) {
    const r = ZendeskOrganizationSchema.safeParse(o);
    if (!r.success) {
      page.skipped++;
      onSkip?.(String((o as { id?: unknown })?.id ?? '?'), describeIssues(r.error.issues), 'organization');
    } else if (r.data.deleted_at)
      page.deleted.push({ id: r.data.id, at: r.data.updated_at ?? r.data.deleted_at });
    else page.customers.push(normaliseZendeskOrganization(r.data));
  }
  return page;
}

/**
 * Pulls tickets from Zendesk's cursor-based incremental export (with metric sets, and audits when asked) into
 * the store, one page at a time: memory holds one page, never the whole account. After each saved page the
 * cursor is saved, so a crash or Ctrl-C resumes from the last completed page; re-sending a page changes nothing
 * (the store keys changes by ticket and `updated_at`). Then the organisations (customers), through the time-based
 * incremental organization export — all of them on a first run (not only those changed since `since`, which
 * customers older than the tickets would miss), resumable from its own saved `start_time`. Rate limits are
 * waited out by the API's transport.
 *
 * @example await backfill({ api, sink, since: new Date('2026-01-01') });
 */
export async function backfill(o: BackfillOptions): Promise<BackfillProgress> {
  const progress: BackfillProgress = {
    pages: 0,
    tickets: 0,
    created: 0,
    updated: 0,
    duplicate: 0,
    skipped: 0,
    reachedAt: null,
    organizationPages: 0,
    organizations: 0,
    names: 0,
  };
  const saved = o.restart ? null : await o.sink.cursor();
  if (!saved && !o.since) throw new BackfillError('no saved cursor: give --since DATE for a first run');

  // The names Slack shows for the group and brand ids the cases hold: every run, as groups get renamed.
  const skip = (reason: string) => o.onSkip?.('-', reason);
  const groups = dimensionNamesOf('group', await o.api.groups(), skip);
  const names = [...groups, ...dimensionNamesOf('brand', await o.api.brands(), skip)];
  progress.names = (await o.sink.saveNames(names)).saved;
  o.onProgress?.({ ...progress });
  let from: { cursor: string } | { startTime: number } = saved
    ? { cursor: saved }
    : { startTime: Math.floor((o.since as Date).getTime() / 1000) };

  for (;;) {
    const page = await o.api.exportPage(from);
    const metrics = new Map<string, ZendeskTicketMetric>();
    for (const m of page.metricSets) {
      const r = ZendeskTicketMetricSchema.safeParse(m);
      if (r.success) metrics.set(r.data.ticket_id, r.data);
    }
    const tickets = page.tickets.map((t) => ZendeskTicketSchema.safeParse(t));
    const audits = o.audits
      ? await mapLimit(tickets, 4, async (t) =>
          t.success && t.data.status !== 'deleted'
            ? (await o.api.ticketAudits(t.data.id)).flatMap((a) => {
                const r = ZendeskAuditSchema.safeParse(a);
                return r.success ? [r.data] : [];
              })
            : ([] as ZendeskAudit[]),
        )
      : [];
    const cases: Case[] = [];
    tickets.forEach((t, k) => {
      progress.tickets++;
      const id = String((page.tickets[k] as { id?: unknown })?.id ?? '?');
      if (!t.success) {
        progress.skipped++;
        o.onSkip?.(id, describeIssues(t.error.issues), 'ticket');
        return;
      }
      if (t.data.status === 'deleted') {
        progress.skipped++;
        o.onSkip?.(id, 'ticket is deleted', 'ticket');
        return;
      }
      try {
        cases.push(
          normaliseZendeskTicket(t.data, {
            metric: metrics.get(t.data.id) ?? null,
            audits: audits[k] ?? null,
            tenantId: o.tenantId,
          }),
        );
        if (t.data.updated_at && (!progress.reachedAt || t.data.updated_at > progress.reachedAt))
          progress.reachedAt = t.data.updated_at;
      } catch (e) {
        progress.skipped++;
        o.onSkip?.(id, (e as Error).message, 'ticket');
      }
    });
    // Organisations the page sideloads (when the export carries them) are stored with it.
    const sideloaded = organizationPage(page.organizations, o.onSkip).customers;
    const result = await o.sink.savePage(cases, page.afterCursor, sideloaded);
    progress.pages++;
    progress.created += result.created;
    progress.updated += result.updated;
    progress.duplicate += result.duplicate;
    o.onProgress?.({ ...progress });
    if (o.shouldStop?.()) return progress;
    if (page.endOfStream || !page.afterCursor) break;
    from = { cursor: page.afterCursor };
  }

  // Time-based: each page starts at the newest `updated_at` of the one before (end_time), so the organisations of
  // that instant come again; those already sent with the previous page are left out (and the store would keep one).
  let start = (o.restart ? null : await o.sink.organizationCursor()) ?? 0;
  let sent = new Set<string>();
  for (;;) {
    const page = await o.api.organizationExportPage(start);
    const snapshotKey = (x: unknown) =>
      `${String((x as { id?: unknown })?.id)}@${String((x as { updated_at?: unknown })?.updated_at)}`;
    const fresh = page.organizations.filter((x) => !sent.has(snapshotKey(x)));
    sent = new Set(page.organizations.map(snapshotKey));
    const orgs = organizationPage(fresh, o.onSkip);
    progress.organizations += fresh.length;
    progress.skipped += orgs.skipped;
    const advanced = page.endTime !== null && page.endTime > start;
    await o.sink.saveOrganizations(
      { customers: orgs.customers, deleted: orgs.deleted },
      advanced ? page.endTime : start,
    );
    progress.organizationPages++;
    o.onProgress?.({ ...progress });
    if (page.endOfStream || o.shouldStop?.()) return progress;
    // A full page whose organisations all changed in the same second: asking again would loop.
    if (!advanced)
      throw new BackfillError(
        `the organization export did not advance past start_time=${start}; run again later or with --restart`,
      );
    start = page.endTime as number;
  }
}
