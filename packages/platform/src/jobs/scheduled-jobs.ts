import { demandOf } from '../customers/customer-service.js';
import type { Stores } from '../store/stores.js';

export interface ScheduledContext {
  stores: Stores;
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
  const prunedEvents = await ctx.stores.cases.pruneProcessed(cutoff);
  let forecastsStored = 0;
  for (const id of await ctx.stores.tenants.tenantIds())
    if ((await demandOf({ stores: ctx.stores, tenantId: id, now: ctx.at })).storedNow) forecastsStored++;
  return { prunedEvents, forecastsStored };
}
