import type { WorkerConfig } from '../config/env-schema.js';
import { demandOf } from '../customers/customer-service.js';
import { storeFor } from '../store/d1-store.js';

export interface ScheduledContext {
  db: D1Database;
  config: WorkerConfig;
  cron: string;
  at: Date;
}

/** How long a processed event id is kept: Zendesk, Slack and Jira stop retrying within days. */
export const PROCESSED_EVENT_RETENTION_DAYS = 30;

/**
 * The daily housekeeping job: keeps the idempotency table bounded, and stores each tenant's demand forecast of the
 * month on the first run of the month (so that forecast vs actual compares with what was expected then).
 */
export async function runScheduledJobs(
  ctx: ScheduledContext,
): Promise<{ prunedEvents: number; forecastsStored: number }> {
  const cutoff = new Date(ctx.at.getTime() - PROCESSED_EVENT_RETENTION_DAYS * 86_400_000).toISOString();
  const result = await ctx.db
    .prepare('DELETE FROM processed_events WHERE processed_at < ?')
    .bind(cutoff)
    .run();
  const store = storeFor(ctx.db, ctx.config);
  const { results: tenants } = await ctx.db
    .prepare('SELECT id FROM tenants ORDER BY id')
    .all<{ id: string }>();
  let forecastsStored = 0;
  for (const { id } of tenants)
    if ((await demandOf({ store, db: ctx.db, tenantId: id, now: ctx.at })).storedNow) forecastsStored++;
  return { prunedEvents: result.meta.changes ?? 0, forecastsStored };
}
