import type { WorkerConfig } from '../config/env-schema.js';

export interface ScheduledContext {
  db: D1Database;
  config: WorkerConfig;
  cron: string;
  at: Date;
}

/** How long a processed event id is kept: Zendesk, Slack and Jira stop retrying within days. */
export const PROCESSED_EVENT_RETENTION_DAYS = 30;

/**
 * The cron jobs: housekeeping that keeps the idempotency table bounded. Plugins add their own jobs
 * (daily metrics post, aging alerts) here as they land.
 */
export async function runScheduledJobs(ctx: ScheduledContext): Promise<{ prunedEvents: number }> {
  const cutoff = new Date(ctx.at.getTime() - PROCESSED_EVENT_RETENTION_DAYS * 86_400_000).toISOString();
  const result = await ctx.db
    .prepare('DELETE FROM processed_events WHERE processed_at < ?')
    .bind(cutoff)
    .run();
  return { prunedEvents: result.meta.changes ?? 0 };
}
