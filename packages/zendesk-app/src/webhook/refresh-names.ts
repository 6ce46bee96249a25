import type { DimensionKind, NameStore } from '@support-metrics/platform';
import { dimensionNamesOf } from '../zendesk-api/dimension-names.js';
import type { ZendeskApi } from '../zendesk-api/zendesk-api.js';

/**
 * The groups and brands this isolate knows to be settled, per tenant: a name seen stored, or a list fetched for it
 * (an id the list lacks, such as a deleted group's, is not fetched again on every delivery). Names are never deleted,
 * so a settled id stays settled; a webhook for one reads nothing. Bounded: emptied when full.
 */
const settled = new Set<string>();
const SETTLED_LIMIT = 10_000;
const keyOf = (tenantId: string, kind: DimensionKind, id: string) => `${tenantId}\u0000${kind}\u0000${id}`;
function settle(key: string): void {
  if (settled.size >= SETTLED_LIMIT) settled.clear();
  settled.add(key);
}

/**
 * After a ticket webhook: the names of its group and brand when the store has none (a group created or a brand
 * added since the backfill), fetched with the tenant's Zendesk account as the whole list of that kind (which also
 * picks up renames). Returns the kinds refreshed; run it after the answer, as a failure here must not fail a delivery.
 * A group or brand settled before in this isolate costs no read at all.
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
    if (!id) continue;
    const key = keyOf(o.tenantId, kind, id);
    if (settled.has(key)) continue;
    if (!(await o.names.hasName(o.tenantId, kind, id))) {
      const list = kind === 'group' ? await o.api.groups() : await o.api.brands();
      await o.names.saveNames(o.tenantId, dimensionNamesOf(kind, list), o.at);
      refreshed.push(kind);
    }
    settle(key);
  }
  return refreshed;
}
