/**
 * SQL of customers (organisations), per-customer case activity, monthly demand, maturity assessments and stored
 * forecasts. Every statement filters on tenant_id. Schema: packages/worker/migrations/0004_customers.sql.
 */
export const CUSTOMER_SQL = {
  /** Upserts an organisation unless the stored one is newer (source_updated_at); a deleted one stays deleted only until re-created. */
  upsertOrganization: `INSERT INTO organizations (tenant_id, id, name, tags, fields, created_at, source_updated_at, deleted_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)
    ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, tags = excluded.tags, fields = excluded.fields,
      created_at = coalesce(excluded.created_at, organizations.created_at), source_updated_at = excluded.source_updated_at,
      deleted_at = NULL, updated_at = excluded.updated_at
    WHERE organizations.source_updated_at IS NULL OR excluded.source_updated_at IS NULL
      OR excluded.source_updated_at >= organizations.source_updated_at`,
  deleteOrganization:
    'UPDATE organizations SET deleted_at = ?, updated_at = ? WHERE tenant_id = ? AND id = ?',
  /**
   * Marks an organisation deleted as of a helpdesk time (?3), inserting a tombstone when it was never stored, so a late
   * delivery about it (an older snapshot) cannot bring it back. Binds: tenant, id, helpdesk time, now.
   */
  tombstoneOrganization: `INSERT INTO organizations (tenant_id, id, tags, fields, source_updated_at, deleted_at, updated_at)
    VALUES (?1, ?2, '[]', '{}', ?3, ?4, ?4)
    ON CONFLICT (tenant_id, id) DO UPDATE SET deleted_at = coalesce(organizations.deleted_at, excluded.deleted_at),
      source_updated_at = max(coalesce(organizations.source_updated_at, ''), excluded.source_updated_at),
      updated_at = excluded.updated_at`,
  /** Stores an organisation's id (nothing else) when it is not stored yet; the patch that follows fills it in. */
  ensureOrganization: `INSERT INTO organizations (tenant_id, id, tags, fields, updated_at) VALUES (?, ?, '[]', '{}', ?)
    ON CONFLICT (tenant_id, id) DO NOTHING`,
  /**
   * Applies one change of a live organisation in one statement (so two changes at once cannot lose each other), unless
   * the stored row is a newer snapshot or deleted. Binds: ?1 tenant, ?2 id, ?3 name or NULL (kept), ?4 created_at
   * or NULL, ?5 all tags (JSON array) or NULL, ?6 tags added and ?7 tags removed (JSON arrays; used when ?5 is NULL),
   * ?8 all fields (JSON object) or NULL, ?9 fields changed (JSON object merged in; used when ?8 is NULL), ?10 the
   * helpdesk time of the change, ?11 now.
   */
  patchOrganization: `UPDATE organizations SET
      name = coalesce(?3, name),
      created_at = coalesce(created_at, ?4),
      tags = CASE WHEN ?5 IS NOT NULL THEN ?5 ELSE (SELECT json_group_array(value) FROM (
        SELECT t.value FROM json_each(organizations.tags) t
          WHERE t.value NOT IN (SELECT value FROM json_each(?6)) AND t.value NOT IN (SELECT value FROM json_each(?7))
        UNION ALL SELECT DISTINCT value FROM json_each(?6))) END,
      fields = CASE WHEN ?8 IS NOT NULL THEN ?8 ELSE json_patch(fields, ?9) END,
      source_updated_at = ?10, updated_at = ?11
    WHERE tenant_id = ?1 AND id = ?2 AND deleted_at IS NULL
      AND (source_updated_at IS NULL OR ?10 >= source_updated_at)`,
  /** An organisation as stored for applying a change to it: with its helpdesk time, deleted or not. */
  organizationState: `SELECT id, name, tags, fields, created_at, source_updated_at, deleted_at FROM organizations
    WHERE tenant_id = ? AND id = ?`,
  organizations: `SELECT id, name, tags, fields, created_at FROM organizations
    WHERE tenant_id = ? AND deleted_at IS NULL ORDER BY id`,
  organization: `SELECT id, name, tags, fields, created_at FROM organizations
    WHERE tenant_id = ? AND id = ? AND deleted_at IS NULL`,

  /**
   * Per-customer activity (core's CustomerActivity) over a window and the window before it. Binds, in order:
   * tenant, from, to-exclusive, previous-from, outage tags (JSON array), [org id or NULL for all].
   * Timestamps are ISO strings, so day bounds compare as text ('2026-10-01T09:00:00Z' >= '2026-10-01'). Open bug
   * cases come from the bug tracker's plugin (BugLinks.openBugCasesByOrg): the platform reads no plugin's table.
   */
  customerActivity: `WITH p AS (SELECT ?2 AS f, ?3 AS t, ?4 AS pf, ?5 AS outage),
    x AS (SELECT c.tenant_id, c.id, c.org_id, c.data, c.status, c.complete_at_creation AS cc,
        c.created_at >= p.f AND c.created_at < p.t AS cw,
        c.created_at >= p.pf AND c.created_at < p.f AS cpw,
        c.status IN ('solved', 'closed') AND c.solved_at >= p.f AND c.solved_at < p.t AS w,
        c.status IN ('solved', 'closed') AND c.solved_at >= p.pf AND c.solved_at < p.f AS pw,
        json_extract(c.data, '$.reopens') AS reopens, json_extract(c.data, '$.satisfaction') AS sat,
        json_extract(c.data, '$.agentEffortMinutes') AS effort,
        EXISTS (SELECT 1 FROM json_each(c.data, '$.knowledgeLinks') k WHERE json_extract(k.value, '$.action') = 'linked') AS shared
      FROM cases c, p
      WHERE c.tenant_id = ?1 AND c.org_id IS NOT NULL AND (?6 IS NULL OR c.org_id = ?6)
        AND (c.created_at >= p.pf OR c.solved_at >= p.pf OR c.status NOT IN ('solved', 'closed')))
    SELECT x.org_id AS orgId,
      sum(cw) AS created,
      sum(cw AND cc IS NOT NULL) AS scored,
      sum(cw AND cc = 0) AS incomplete,
      sum(cpw AND cc IS NOT NULL) AS prevScored,
      sum(cpw AND cc = 0) AS prevIncomplete,
      sum(w) AS solved,
      sum(w AND reopens IS NOT NULL) AS reopenKnown,
      sum(w AND reopens > 0) AS reopened,
      sum(pw AND reopens IS NOT NULL) AS prevReopenKnown,
      sum(pw AND reopens > 0) AS prevReopened,
      sum(w AND reopens = 0 AND coalesce(sat, '') <> 'bad') AS positive,
      sum(w AND sat = 'good') AS good,
      sum(w AND sat = 'bad') AS bad,
      sum(CASE WHEN cw THEN EXISTS (SELECT 1 FROM json_each(x.data, '$.tags') tg
        WHERE tg.value IN (SELECT value FROM json_each(p.outage))) ELSE 0 END) AS outageCases,
      coalesce(sum(CASE WHEN w THEN effort END), 0) AS effortMinutes,
      sum(w AND effort IS NOT NULL) AS effortKnown,
      sum(w AND shared) AS answersShared,
      sum(w AND shared AND reopens = 0) AS answersAccepted,
      coalesce(sum(CASE WHEN w THEN json_array_length(x.data, '$.knowledgeLinks') END), 0) AS knowledgeItems,
      sum(w AND json_type(x.data, '$.knowledgeLinks') = 'array') AS knowledgeKnown
    FROM x, p GROUP BY x.org_id`,

  /**
   * Cases per calendar month since a day, all and from customers in their first 12 months (customer since = the
   * organisation's created_at, or the mapped date field: bind its JSON path, e.g. '$.customer_since', or NULL).
   * Binds: tenant, from day, since-field path.
   */
  monthlyDemand: `SELECT substr(c.created_at, 1, 7) AS month, count(*) AS cases,
      sum(o.id IS NOT NULL AND coalesce(substr(json_extract(o.fields, ?3), 1, 10), substr(o.created_at, 1, 10)) IS NOT NULL
        AND substr(c.created_at, 1, 10) >= coalesce(substr(json_extract(o.fields, ?3), 1, 10), substr(o.created_at, 1, 10))
        AND substr(c.created_at, 1, 10) < date(coalesce(substr(json_extract(o.fields, ?3), 1, 10), substr(o.created_at, 1, 10)), '+12 months')) AS casesFromNewCustomers
    FROM cases c LEFT JOIN organizations o ON o.tenant_id = c.tenant_id AND o.id = c.org_id AND o.deleted_at IS NULL
    WHERE c.tenant_id = ?1 AND c.created_at >= ?2
    GROUP BY month ORDER BY month`,

  storedForecasts:
    'SELECT month, forecast, inputs, made_at FROM demand_forecasts WHERE tenant_id = ? ORDER BY month',
  /** Stores a month's forecast once: the first forecast of a month is the one compared with the actual. */
  storeForecast: `INSERT INTO demand_forecasts (tenant_id, month, forecast, inputs, made_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, month) DO NOTHING`,

  insertMaturity:
    'INSERT INTO maturity_assessments (tenant_id, answers, stage, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?)',
  latestMaturity: `SELECT answers, stage, submitted_by, submitted_at FROM maturity_assessments
    WHERE tenant_id = ? ORDER BY submitted_at DESC, id DESC LIMIT 1`,

  /**
   * What the maturity self-assessment can pre-fill from the platform's own tables (last 90 days); swarms and Jira links
   * come from their plugins (StorePlugins.evidence, BugLinks.linkEvidence). Binds: tenant, since (ISO).
   */
  maturityEvidence: `SELECT count(*) AS cases,
      sum(priority IS NOT NULL) AS withPriority,
      sum(complete_at_creation IS NOT NULL) AS scored,
      sum(complete_at_creation = 1) AS complete,
      count(DISTINCT grp) AS groups
    FROM cases WHERE tenant_id = ?1 AND created_at >= ?2`,
} as const;
