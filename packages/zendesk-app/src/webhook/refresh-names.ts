import type { DimensionKind, NameStore } from '@support-metrics/platform';
import { dimensionNamesOf } from '../zendesk-api/dimension-names.js';
import type { ZendeskApi } from '../zendesk-api/zendesk-api.js';

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
