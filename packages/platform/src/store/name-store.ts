import { SQL } from './sql.js';

/** The dimensions of the cases and rollups that the helpdesk names: Zendesk groups and brands. */
export type DimensionKind = 'group' | 'brand';

/** One named group or brand, as the helpdesk lists it. */
export interface DimensionName {
  kind: DimensionKind;
  id: string;
  name: string;
}

/** A tenant's stored names, by kind and id. */
export type DimensionNames = Record<DimensionKind, ReadonlyMap<string, string>>;

/** No names stored (every id shown as an id). */
export const NO_DIMENSION_NAMES: DimensionNames = { group: new Map(), brand: new Map() };

/**
 * The names of a tenant's groups and brands (`dimension_names`): written by the backfill's sync API and when a
 * webhook names an id with no stored name, read by Slack to show "Tier 2" where the rollups hold a group id.
 */
export class NameStore {
  constructor(private readonly db: D1Database) {}

  /** Stores names (a later write of the same id replaces its name), in batches of 100 statements. */
  async saveNames(tenantId: string, names: readonly DimensionName[], at: string): Promise<void> {
    for (let i = 0; i < names.length; i += 100)
      await this.db.batch(
        names
          .slice(i, i + 100)
          .map((n) => this.db.prepare(SQL.upsertDimensionName).bind(tenantId, n.kind, n.id, n.name, at)),
      );
  }

  /** Every stored name of a tenant, by kind and id. */
  async names(tenantId: string): Promise<DimensionNames> {
    type Row = { kind: DimensionKind; id: string; name: string };
    const { results } = await this.db.prepare(SQL.dimensionNames).bind(tenantId).all<Row>();
    const out = { group: new Map<string, string>(), brand: new Map<string, string>() };
    for (const r of results as Row[]) out[r.kind]?.set(r.id, r.name);
    return out;
  }

  /** Whether a group or brand already has a name (a webhook fetches the names only when it has not). */
  async hasName(tenantId: string, kind: DimensionKind, id: string): Promise<boolean> {
    return (await this.db.prepare(SQL.dimensionNameExists).bind(tenantId, kind, id).first()) !== null;
  }
}
