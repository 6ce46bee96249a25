import { CaseSchema, CustomerSchema } from '@support-metrics/core';
import {
  type AppEnv,
  bearerAuth,
  type CustomerStore,
  invalidInput,
  type OrganizationWrite,
  saveWithRetry,
  sha256Hex,
} from '@support-metrics/platform';
import { Hono } from 'hono';
import { z } from 'zod';

const SOURCE = 'zendesk-backfill';
/** The sync state of the organization export: its next `start_time`. */
const ORGANIZATIONS_SOURCE = 'zendesk-backfill-organizations';

/** A normalised organisation with the time Zendesk last changed it (core's ZendeskCustomer). */
export const SyncCustomerSchema = CustomerSchema.extend({
  sourceUpdatedAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

/** A page of a backfill: normalised cases, the organisations the page sideloads, and the export cursor after them. */
export const SyncPageSchema = z.object({
  cases: z.array(CaseSchema).max(1000),
  cursor: z.string().min(1).nullable(),
  customers: z.array(SyncCustomerSchema).max(1000).default([]),
});

/** A page of the organization export: live organisations, deleted ones, and the `start_time` of the next page. */
export const SyncOrganizationsSchema = z.object({
  customers: z.array(SyncCustomerSchema).max(1000),
  deleted: z
    .array(z.object({ id: z.string().min(1), at: z.iso.datetime({ offset: true }) }))
    .max(1000)
    .default([]),
  startTime: z.number().int().nonnegative().nullable(),
});

/** The names of the account's groups and brands (GET /api/v2/groups.json, /api/v2/brands.json). */
export const SyncNamesSchema = z.object({
  names: z
    .array(
      z.object({
        kind: z.enum(['group', 'brand']),
        id: z.string().min(1).max(64),
        name: z.string().min(1).max(255),
      }),
    )
    .max(5000),
});

/** Organisations written in chunks: each is guarded by its own `updated_at`, so they need no common transaction. */
async function writeChunked(
  customers: CustomerStore,
  tenantId: string,
  writes: OrganizationWrite[],
  at: string,
) {
  for (let i = 0; i < writes.length; i += 100)
    await customers.writeOrganizations(tenantId, writes.slice(i, i + 100), at);
}

/**
 * The backfill's side of the worker (`/api/sync/zendesk`, bearer token): the saved cursors, a page of cases
 * saved case by case (each change keyed by ticket and `updated_at`, so a re-sent page changes nothing) and
 * then its cursor, and a page of organisations (an older snapshot never overwrites a newer one) and then the
 * organization export's next `start_time`, and the names of the groups and brands.
 */
export function zendeskSyncRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', bearerAuth());
  app.get('/', async (c) => {
    const [state, organizations] = await Promise.all([
      c.var.stores.cases.syncCursor(c.var.tenantId, SOURCE),
      c.var.stores.cases.syncCursor(c.var.tenantId, ORGANIZATIONS_SOURCE),
    ]);
    const start = organizations?.cursor ? Number(organizations.cursor) : null;
    return c.json({
      cursor: state?.cursor ?? null,
      updatedAt: state?.updatedAt ?? null,
      organizationCursor: Number.isFinite(start) ? start : null,
    });
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
      // A webhook changed the same case meanwhile: save again on the version now stored.
      const { outcome } = await saveWithRetry(() =>
        c.var.stores.cases.saveCase(c.var.tenantId, next, {
          source: SOURCE,
          eventId,
          eventType: 'backfill',
          at,
        }),
      );
      saved[outcome]++;
    }
    const sideloaded = parsed.data.customers.map(
      (customer): OrganizationWrite => ({ kind: 'snapshot', customer }),
    );
    await writeChunked(c.var.stores.customers, c.var.tenantId, sideloaded, at);
    if (parsed.data.cursor)
      await c.var.stores.cases.setSyncCursor(c.var.tenantId, SOURCE, parsed.data.cursor, at);
    return c.json({ saved });
  });
  app.post('/names', async (c) => {
    const parsed = SyncNamesSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw invalidInput(parsed.error, 'names');
    await c.var.stores.names.saveNames(c.var.tenantId, parsed.data.names, new Date().toISOString());
    return c.json({ saved: { saved: parsed.data.names.length } });
  });
  app.post('/organizations', async (c) => {
    const parsed = SyncOrganizationsSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw invalidInput(parsed.error, 'organization page');
    const { customers, deleted, startTime } = parsed.data;
    const at = new Date().toISOString();
    await writeChunked(
      c.var.stores.customers,
      c.var.tenantId,
      [
        ...customers.map((customer): OrganizationWrite => ({ kind: 'snapshot', customer })),
        ...deleted.map((d): OrganizationWrite => ({ kind: 'delete', id: d.id, sourceUpdatedAt: d.at })),
      ],
      at,
    );
    if (startTime !== null)
      await c.var.stores.cases.setSyncCursor(c.var.tenantId, ORGANIZATIONS_SOURCE, String(startTime), at);
    return c.json({ saved: { saved: customers.length, deleted: deleted.length } });
  });
  return app;
}
