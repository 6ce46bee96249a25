import { COUNTER_NAMES, type Counters, emptyCounters, type RollupDelta } from '@support-metrics/core';

/**
 * The platform store's SQL (D1 / SQLite): tenants, tokens, cases, rollups, processed events, case events, sync
 * cursors, rubric versions. Only the platform's stores run these; every statement filters on tenant_id. The schema is in packages/worker/migrations/.
 */
export const SQL = {
  tenant: 'SELECT id, name, settings FROM tenants WHERE id = ?',
  tenantIds: 'SELECT id FROM tenants ORDER BY id',
  /** Sets one setting of a tenant (JSON path `$.key`, value JSON, tenant id): tenant.ts's `set`. */
  setSetting: 'UPDATE tenants SET settings = json_set(settings, ?, json(?)) WHERE id = ?',
  /** Applies a rubric: the tenant's setting (rubric JSON, tenant id). */
  setRubric: "UPDATE tenants SET settings = json_set(settings, '$.rubric', json(?)) WHERE id = ?",
  /** Keeps a rubric as the tenant's next version (tenant, rubric JSON, applied at, applied by, tenant). */
  insertRubricVersion: `INSERT INTO rubric_versions (tenant_id, version, rubric, applied_at, applied_by)
    SELECT ?, COALESCE(MAX(version), 0) + 1, ?, ?, ? FROM rubric_versions WHERE tenant_id = ?`,
  rubricVersions:
    'SELECT version, rubric, applied_at, applied_by FROM rubric_versions WHERE tenant_id = ? ORDER BY version DESC LIMIT 50',
  insertTenant:
    'INSERT INTO tenants (id, name, settings, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  tenantForToken: 'SELECT tenant_id FROM api_tokens WHERE token_hash = ?',
  /** A group's or brand's name (tenant, kind, id, name, updated at); a later write replaces it. */
  upsertDimensionName: `INSERT INTO dimension_names (tenant_id, kind, id, name, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, kind, id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`,
  /** Every stored group and brand name of a tenant. */
  dimensionNames: 'SELECT kind, id, name FROM dimension_names WHERE tenant_id = ?',
  /** Whether one group or brand has a stored name (tenant, kind, id). */
  dimensionNameExists: 'SELECT 1 AS found FROM dimension_names WHERE tenant_id = ? AND kind = ? AND id = ?',
  /** Revokes the token whose hash starts with a prefix (`prefix%`, tenant id): tenant.ts's `revoke`. */
  deleteTokenByPrefix: 'DELETE FROM api_tokens WHERE token_hash LIKE ? AND tenant_id = ?',
  insertToken:
    'INSERT INTO api_tokens (token_hash, tenant_id, label, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING',
  caseById:
    'SELECT data, completeness_at_creation, completeness_latest, version, contribution FROM cases WHERE tenant_id = ? AND id = ?',
  /**
   * The last two bind values: the new version (the version read + 1, or 1 for a new case; a stale one aborts the
   * batch) and the contribution this version adds to the rollups (JSON).
   */
  upsertCase: `INSERT INTO cases (tenant_id, id, data, created_at, solved_at, status, channel, grp, brand,
      completeness_at_creation, score_at_creation, complete_at_creation, completeness_latest, score_latest, updated_at, version, contribution)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, id) DO UPDATE SET data = excluded.data, created_at = excluded.created_at,
      solved_at = excluded.solved_at, status = excluded.status, channel = excluded.channel, grp = excluded.grp,
      brand = excluded.brand, completeness_latest = excluded.completeness_latest, score_latest = excluded.score_latest,
      updated_at = excluded.updated_at, version = excluded.version, contribution = excluded.contribution`,
  /** A new case only: fails (UNIQUE on cases) when the case exists, so an optimistic create can fall back. */
  insertCase: `INSERT INTO cases (tenant_id, id, data, created_at, solved_at, status, channel, grp, brand,
      completeness_at_creation, score_at_creation, complete_at_creation, completeness_latest, score_latest, updated_at, version, contribution)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertProcessed:
    'INSERT INTO processed_events (tenant_id, source, event_id, processed_at) VALUES (?, ?, ?, ?)',
  /** Processed-event marks older than a time (retention: the senders stop retrying within days). */
  pruneProcessed: 'DELETE FROM processed_events WHERE processed_at < ?',
  isProcessed: 'SELECT 1 AS hit FROM processed_events WHERE tenant_id = ? AND source = ? AND event_id = ?',
  insertCaseEvent:
    'INSERT INTO case_events (tenant_id, case_id, event_id, type, at, payload) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  syncCursor: 'SELECT cursor, updated_at FROM sync_state WHERE tenant_id = ? AND source = ?',
  setSyncCursor: `INSERT INTO sync_state (tenant_id, source, cursor, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (tenant_id, source) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  /** Adds a rollup delta: 5 keys then one value per counter, in COUNTER_NAMES order. */
  addRollup: `INSERT INTO daily_rollups (tenant_id, day, channel, grp, brand, ${COUNTER_NAMES.join(', ')})
    VALUES (?, ?, ?, ?, ?, ${COUNTER_NAMES.map(() => '?').join(', ')})
    ON CONFLICT (tenant_id, day, channel, grp, brand) DO UPDATE SET ${COUNTER_NAMES.map((n) => `${n} = ${n} + excluded.${n}`).join(', ')}`,
} as const;

/** Bind values for SQL.addRollup. */
export function rollupParams(tenantId: string, d: RollupDelta): (string | number)[] {
  return [tenantId, d.day, d.channel, d.grp, d.brand, ...COUNTER_NAMES.map((n) => d.counters[n])];
}

/** Dimensions the store can filter and break metrics down by (the rollup keys). */
export type RollupDimension = 'channel' | 'grp' | 'brand';

/**
 * The query that sums rollups over a window, optionally filtered by dimensions and grouped by one.
 * Returns the SQL and its bind values; each result row holds every counter (and `k`, the group key, when grouped).
 */
/** The channel, group and brand filters as SQL conditions (the rollups and the cases name the columns alike). */
function addFilters(
  where: string[],
  params: string[],
  filters: Partial<Record<RollupDimension, string>>,
): void {
  for (const dim of ['channel', 'grp', 'brand'] as const) {
    const v = filters[dim];
    if (v !== undefined) {
      where.push(`${dim} = ?`);
      params.push(v);
    }
  }
}

export function metricsQuery(
  tenantId: string,
  window: { from: string; to: string },
  filters: Partial<Record<RollupDimension, string>> = {},
  /** A dimension, or `day` for a daily series. */
  groupBy?: RollupDimension | 'day',
): { sql: string; params: string[] } {
  const where = ['tenant_id = ?', 'day >= ?', 'day <= ?'];
  const params = [tenantId, window.from, window.to];
  addFilters(where, params, filters);
  const sums = COUNTER_NAMES.map((n) => `SUM(${n}) AS ${n}`).join(', ');
  const sql = groupBy
    ? `SELECT ${groupBy} AS k, ${sums} FROM daily_rollups WHERE ${where.join(' AND ')} GROUP BY ${groupBy}`
    : `SELECT ${sums} FROM daily_rollups WHERE ${where.join(' AND ')}`;
  return { sql, params };
}

/**
 * The solved cases created in a window whose first message was scored at creation, with what the completeness
 * outcomes compare (completenessOutcomes): the verdict at creation, replies, reopens and resolution time.
 */
export function outcomesQuery(
  tenantId: string,
  window: { from: string; to: string },
  filters: Partial<Record<RollupDimension, string>> = {},
): { sql: string; params: string[] } {
  // created_at is an ISO timestamp: every one on day `to` sorts below `to` + '~'.
  const where = [
    'tenant_id = ?',
    'created_at >= ?',
    "created_at < ? || '~'",
    'solved_at IS NOT NULL',
    'complete_at_creation IS NOT NULL',
  ];
  const params = [tenantId, window.from, window.to];
  addFilters(where, params, filters);
  const sql = `SELECT complete_at_creation AS complete, json_extract(completeness_at_creation, '$.missing') AS missing,
      json_extract(data, '$.publicAgentReplies') AS replies, json_extract(data, '$.reopens') AS reopens,
      json_extract(data, '$.resolutionHours') AS hours, created_at, solved_at,
      json_extract(completeness_at_creation, '$.issueType') AS issue_type, json_extract(completeness_at_creation, '$.absent') AS absent
    FROM cases WHERE ${where.join(' AND ')} LIMIT ${OUTCOME_ROWS_LIMIT}`;
  return { sql, params };
}

/** At most this many cases are compared per request (a month of a large team); beyond it the figures say so. */
export const OUTCOME_ROWS_LIMIT = 200_000;

/** Counters from a result row of metricsQuery (SUM over no rows is NULL: read as 0). */
export function countersFromRow(row: Record<string, unknown>): Counters {
  const c = emptyCounters();
  for (const n of COUNTER_NAMES) c[n] = Number(row[n] ?? 0);
  return c;
}
