import { CaseSchema } from '@support-metrics/core';
import { type AppEnv, bearerAuth, invalidInput } from '@support-metrics/platform';
import { Hono } from 'hono';
import { z } from 'zod';

const SOURCE = 'zendesk-backfill';

/** A page of a backfill: normalised cases and the export cursor after them. */
export const SyncPageSchema = z.object({
  cases: z.array(CaseSchema).max(1000),
  cursor: z.string().min(1).nullable(),
});

/**
 * The backfill's side of the worker (`/api/sync/zendesk`, bearer token): the saved cursor, and a page of cases
 * saved case by case (each change keyed by ticket and `updated_at`, so a re-sent page changes nothing) and
 * then its cursor.
 */
export function zendeskSyncRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', bearerAuth());
  app.get('/', async (c) => {
    const state = await c.var.store.syncCursor(c.var.tenantId, SOURCE);
    return c.json({ cursor: state?.cursor ?? null, updatedAt: state?.updatedAt ?? null });
  });
  app.post('/pages', async (c) => {
    const parsed = SyncPageSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw invalidInput(parsed.error, 'sync page');
    const at = new Date().toISOString();
    const saved = { created: 0, updated: 0, duplicate: 0 };
    for (const next of parsed.data.cases) {
      const version = JSON.stringify([
        next.status,
        next.solvedAt,
        next.publicAgentReplies,
        next.reopens,
        next.groupStations,
        next.satisfaction,
      ]);
      const { outcome } = await c.var.store.saveCase(c.var.tenantId, next, {
        source: SOURCE,
        // One ticket version is applied once: re-sending a page after a crash counts nothing twice.
        eventId: `${next.id}:${version}`,
        eventType: 'backfill',
        at,
      });
      saved[outcome]++;
    }
    if (parsed.data.cursor) await c.var.store.setSyncCursor(c.var.tenantId, SOURCE, parsed.data.cursor, at);
    return c.json({ saved });
  });
  return app;
}
