import { CaseSchema } from '@support-metrics/core';
import { type AppEnv, bearerAuth, invalidInput, StaleCaseError, sha256Hex } from '@support-metrics/platform';
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
      // One ticket version is applied once: the id is the content's hash, so re-sending a page after a crash
      // counts nothing twice, and any change (a later updated_at, audits fetched this time) is applied.
      const eventId = `${next.id}:${await sha256Hex(JSON.stringify(next))}`;
      for (let tries = 0; ; tries++) {
        try {
          const { outcome } = await c.var.store.saveCase(c.var.tenantId, next, {
            source: SOURCE,
            eventId,
            eventType: 'backfill',
            at,
          });
          saved[outcome]++;
          break;
        } catch (e) {
          // A webhook changed the same case meanwhile: save again on the version now stored.
          if (!(e instanceof StaleCaseError) || tries >= 9) throw e;
        }
      }
    }
    if (parsed.data.cursor) await c.var.store.setSyncCursor(c.var.tenantId, SOURCE, parsed.data.cursor, at);
    return c.json({ saved });
  });
  return app;
}
