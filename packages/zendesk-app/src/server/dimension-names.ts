import type { DimensionKind, DimensionName, NameStore } from '@support-metrics/platform';
import { z } from 'zod';
import type { ZendeskApi } from '../zendesk-api/zendesk-api.js';

/** The part of a Zendesk group or brand object the names need (GET /api/v2/groups.json, /api/v2/brands.json). */
const ZendeskNamedSchema = z.object({
  id: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]),
  name: z.string().trim().min(1).max(255),
});

/**
 * Zendesk's groups or brands as stored names (id as a string, as the cases hold it); an object without an id or a
 * name is left out (reported through `onSkip`).
 *
 * @example dimensionNamesOf('group', [{ id: 360001234, name: 'Tier 2' }]) // [{ kind: 'group', id: '360001234', name: 'Tier 2' }]
 */
export function dimensionNamesOf(
  kind: DimensionKind,
  items: readonly unknown[],
  onSkip?: (reason: string) => void,
): DimensionName[] {
  const out: DimensionName[] = [];
  for (const item of items) {
    const parsed = ZendeskNamedSchema.safeParse(item);
    if (parsed.success) out.push({ kind, id: String(parsed.data.id), name: parsed.data.name });
    else onSkip?.(`${kind} without an id or a name`);
  }
  return out;
}

/**
 * After a ticket webhook: the names of its group and brand when the store has none (a group created or a brand
 * added since the backfill), fetched with the tenant's Zendesk account as the whole list of that kind (which also
 * picks up renames). Returns the kinds refreshed; run it after the answer, as a failure here must not fail a delivery.
 */
export async function refreshUnknownNames(o: {
  api: Pick<ZendeskApi, 'groups' | 'brands'>;
  names: Pick<NameStore, 'hasName' | 'saveNames'>;
  tenantId: string;
  ids: { group?: string | null; brand?: string | null };
  at: string;
}): Promise<DimensionKind[]> {
  const refreshed: DimensionKind[] = [];
  for (const kind of ['group', 'brand'] as const) {
    const id = o.ids[kind];
    if (!id || (await o.names.hasName(o.tenantId, kind, id))) continue;
    const list = kind === 'group' ? await o.api.groups() : await o.api.brands();
    await o.names.saveNames(o.tenantId, dimensionNamesOf(kind, list), o.at);
    refreshed.push(kind);
  }
  return refreshed;
}
