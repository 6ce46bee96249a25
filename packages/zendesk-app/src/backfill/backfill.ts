import {
  type Case,
  describeIssues,
  normaliseZendeskTicket,
  type ZendeskAudit,
  ZendeskAuditSchema,
  type ZendeskTicketMetric,
  ZendeskTicketMetricSchema,
  ZendeskTicketSchema,
} from '@support-metrics/core';
import type { ZendeskApi } from '../zendesk-api/zendesk-api.js';

/** Where a backfill writes: the store, through the worker's sync API (or a test's recorder). */
export interface BackfillSink {
  /** The cursor saved by the last completed page, or null on a first run. */
  cursor(): Promise<string | null>;
  /** Saves a page of cases and then the cursor after it; a page is saved whole or not at all. */
  savePage(
    cases: Case[],
    cursor: string | null,
  ): Promise<{ created: number; updated: number; duplicate: number }>;
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
  onSkip?: (ticketId: string, reason: string) => void;
  /** Checked between pages: true stops after the current page (Ctrl-C), keeping the saved cursor. */
  shouldStop?: () => boolean;
}

/** A backfill cannot start (no cursor and no --since). */
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

/**
 * Pulls tickets from Zendesk's cursor-based incremental export (with metric sets, and audits when asked) into
 * the store, one page at a time: memory holds one page, never the whole account. After each saved page the
 * cursor is saved, so a crash or Ctrl-C resumes from the last completed page; re-sending a page changes nothing
 * (the store keys changes by ticket and `updated_at`). Rate limits are waited out by the API's transport.
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
  };
  const saved = o.restart ? null : await o.sink.cursor();
  if (!saved && !o.since) throw new BackfillError('no saved cursor: give --since DATE for a first run');
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
        o.onSkip?.(id, describeIssues(t.error.issues));
        return;
      }
      if (t.data.status === 'deleted') {
        progress.skipped++;
        o.onSkip?.(id, 'ticket is deleted');
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
        o.onSkip?.(id, (e as Error).message);
      }
    });
    const result = await o.sink.savePage(cases, page.afterCursor);
    progress.pages++;
    progress.created += result.created;
    progress.updated += result.updated;
    progress.duplicate += result.duplicate;
    o.onProgress?.({ ...progress });
    if (page.endOfStream || !page.afterCursor || o.shouldStop?.()) return progress;
    from = { cursor: page.afterCursor };
  }
}
