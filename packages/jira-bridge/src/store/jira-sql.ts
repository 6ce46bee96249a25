import { manyRowsForm } from '@support-metrics/platform';

/** A case changed: its issues' impact is written again (the item is pending again, its version moves on). */
const IMPACT_ON_CONFLICT = `ON CONFLICT (tenant_id, kind, key) DO UPDATE SET version = outbox.version + 1, status = 'pending', updated_at = excluded.updated_at`;

/**
 * The Jira bridge's SQL (D1 / SQLite): issues, versions, issue links, links to cases, impact reads, and the outbox.
 * Every statement filters on tenant_id; only the Jira bridge runs them. Schema: packages/worker/migrations/0001_init.sql
 * and 0003_jira.sql.
 */
export const JIRA_SQL = {
  issue: `SELECT issue_key, issue_id, summary, status, resolution, fix_versions, released_at, issue_type, source_updated_ms,
      impact_comment_id, deleted_at FROM jira_issues WHERE tenant_id = ? AND issue_key = ?`,
  issueById: 'SELECT issue_key FROM jira_issues WHERE tenant_id = ? AND issue_id = ?',
  upsertIssue: `INSERT INTO jira_issues (tenant_id, issue_key, issue_id, summary, status, resolution, fix_versions, released_at,
      issue_type, source_updated_ms, updated_at, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
    ON CONFLICT (tenant_id, issue_key) DO UPDATE SET issue_id = excluded.issue_id, summary = excluded.summary,
      status = excluded.status, resolution = excluded.resolution, fix_versions = excluded.fix_versions,
      released_at = excluded.released_at, issue_type = excluded.issue_type, source_updated_ms = excluded.source_updated_ms,
      updated_at = excluded.updated_at, deleted_at = NULL`,
  /** A deleted issue is kept (its links are history) but marked; one never seen before is recorded as deleted. */
  markIssueDeleted: `INSERT INTO jira_issues (tenant_id, issue_key, issue_id, summary, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, issue_key) DO UPDATE SET deleted_at = excluded.deleted_at, updated_at = excluded.updated_at`,
  setImpactComment: 'UPDATE jira_issues SET impact_comment_id = ? WHERE tenant_id = ? AND issue_key = ?',
  /** Issues whose fix versions name a version (JSON array of { id, name }). */
  issuesWithVersion: `SELECT issue_key, resolution, released_at FROM jira_issues i, json_each(i.fix_versions) v
    WHERE i.tenant_id = ? AND json_extract(v.value, '$.id') = ? AND i.deleted_at IS NULL`,
  setReleased: 'UPDATE jira_issues SET released_at = ?, updated_at = ? WHERE tenant_id = ? AND issue_key = ?',

  upsertVersion: `INSERT INTO jira_versions (tenant_id, version_id, name, released, release_date, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, version_id) DO UPDATE SET name = excluded.name, released = excluded.released,
      release_date = excluded.release_date, updated_at = excluded.updated_at`,

  upsertIssueLink: `INSERT INTO jira_issue_links (tenant_id, link_id, source_issue_id, destination_issue_id, link_type) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, link_id) DO NOTHING`,
  deleteIssueLink: 'DELETE FROM jira_issue_links WHERE tenant_id = ? AND link_id = ?',
  issueLinksOf: `SELECT l.link_type, l.source_issue_id, l.destination_issue_id, s.issue_key AS source_key, d.issue_key AS destination_key
    FROM jira_issue_links l
      LEFT JOIN jira_issues s ON s.tenant_id = l.tenant_id AND s.issue_id = l.source_issue_id
      LEFT JOIN jira_issues d ON d.tenant_id = l.tenant_id AND d.issue_id = l.destination_issue_id
    WHERE l.tenant_id = ? AND (l.source_issue_id = ? OR l.destination_issue_id = ?)`,

  /** Links a case to an issue unless linked already; who made the link is kept (first one wins). */
  insertLink: `INSERT INTO jira_links (tenant_id, case_id, issue_key, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, case_id, issue_key) DO NOTHING`,
  /** A case's links with what is known of each issue (its impact: bug-links.ts). */
  linksOfCase: `SELECT l.id, l.issue_key, l.linked_by, l.linked_at, i.summary, i.status, i.fix_versions
    FROM jira_links l LEFT JOIN jira_issues i ON i.tenant_id = l.tenant_id AND i.issue_key = l.issue_key
    WHERE l.tenant_id = ? AND l.case_id = ? ORDER BY l.linked_at`,
  linkById: 'SELECT issue_key FROM jira_links WHERE tenant_id = ? AND id = ?',
  deleteLink: 'DELETE FROM jira_links WHERE tenant_id = ? AND id = ?',
  /** The cases linked to an issue, with what impact needs. */
  casesOfIssue: `SELECT l.case_id, l.linked_by, l.linked_at, c.created_at, c.status, c.data IS NULL AS missing,
      json_extract(c.data, '$.subject') AS subject,
      json_extract(c.data, '$.organization.id') AS org_id, json_extract(c.data, '$.organization.recurringRevenue') AS revenue
    FROM jira_links l LEFT JOIN cases c ON c.tenant_id = l.tenant_id AND c.id = l.case_id
    WHERE l.tenant_id = ? AND l.issue_key = ? ORDER BY c.created_at`,
  /** Every linked issue of a tenant with what is known of it (for ranking). */
  linkedIssues: `SELECT DISTINCT l.issue_key, i.summary, i.status, i.resolution, i.released_at, i.fix_versions, i.deleted_at
    FROM jira_links l LEFT JOIN jira_issues i ON i.tenant_id = l.tenant_id AND i.issue_key = l.issue_key
    WHERE l.tenant_id = ?`,
  /**
   * The stored cases linked to a tenant's issues, with what core's bugImpact needs; every view of a bug's impact
   * (`/api/bugs`, the Jira property, Slack, the sidebar) reads it here. Links to cases not in the store are left out.
   */
  allLinkedCases: `SELECT l.issue_key, l.case_id, l.linked_at, c.created_at, c.status,
      json_extract(c.data, '$.organization.id') AS org_id, json_extract(c.data, '$.organization.recurringRevenue') AS revenue
    FROM jira_links l JOIN cases c ON c.tenant_id = l.tenant_id AND c.id = l.case_id WHERE l.tenant_id = ?`,
  /** The same for some issues only (the keys as a JSON array). */
  linkedCasesOfIssues: `SELECT l.issue_key, l.case_id, l.linked_at, c.created_at, c.status,
      json_extract(c.data, '$.organization.id') AS org_id, json_extract(c.data, '$.organization.recurringRevenue') AS revenue
    FROM jira_links l JOIN cases c ON c.tenant_id = l.tenant_id AND c.id = l.case_id
    WHERE l.tenant_id = ? AND l.issue_key IN (SELECT value FROM json_each(?))`,
  /** Whether the tenant links cases to Jira at all (else open bug impact is not a health indicator). */
  anyLink: 'SELECT 1 AS hit FROM jira_links WHERE tenant_id = ? LIMIT 1',
  /**
   * Per organisation, its open cases linked to an issue not fixed yet (unreleased, unresolved and not deleted, or not
   * synced yet): customer health's open bug impact. Binds: tenant, org id or NULL for all.
   */
  openBugCasesByOrg: `SELECT c.org_id AS org_id, count(*) AS n FROM cases c
    WHERE c.tenant_id = ?1 AND c.org_id IS NOT NULL AND (?2 IS NULL OR c.org_id = ?2) AND c.status NOT IN ('solved', 'closed')
      AND EXISTS (SELECT 1 FROM jira_links l LEFT JOIN jira_issues i ON i.tenant_id = l.tenant_id AND i.issue_key = l.issue_key
        WHERE l.tenant_id = c.tenant_id AND l.case_id = c.id
          AND (i.issue_key IS NULL OR (i.released_at IS NULL AND i.resolution IS NULL AND i.deleted_at IS NULL)))
    GROUP BY c.org_id`,
  /** Fixes released since a time, with the creation times of their linked cases (JSON array). Binds: tenant, since. */
  releasedFixes: `SELECT i.issue_key, i.released_at,
      (SELECT json_group_array(c.created_at) FROM jira_links l JOIN cases c ON c.tenant_id = l.tenant_id AND c.id = l.case_id
        WHERE l.tenant_id = i.tenant_id AND l.issue_key = i.issue_key) AS created
    FROM jira_issues i WHERE i.tenant_id = ? AND i.released_at >= ? AND i.deleted_at IS NULL`,
  /** The maturity pre-fill's link counts: cases linked since a time, issues that carry their impact. Binds: tenant, since. */
  linkEvidence: `SELECT (SELECT count(DISTINCT l.case_id) FROM jira_links l WHERE l.tenant_id = ?1 AND l.linked_at >= ?2) AS linked,
      (SELECT count(*) FROM jira_issues i WHERE i.tenant_id = ?1 AND i.impact_comment_id IS NOT NULL) AS impact_written`,
  /** Open linked cases of an issue (they get the "fix released" note). */
  openCasesOfIssue: `SELECT l.case_id FROM jira_links l JOIN cases c ON c.tenant_id = l.tenant_id AND c.id = l.case_id
    WHERE l.tenant_id = ? AND l.issue_key = ? AND c.status NOT IN ('solved', 'closed')`,

  /** Enqueues (or coalesces into) an outbox item: due now, version bumped so a send in flight knows it is stale. */
  enqueue: `INSERT INTO outbox (tenant_id, kind, key, payload, due_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, kind, key) DO UPDATE SET payload = excluded.payload, version = outbox.version + 1,
      status = CASE WHEN outbox.status = 'done' AND outbox.kind = 'zendesk-note' THEN 'done' ELSE 'pending' END,
      due_at = CASE WHEN outbox.status = 'pending' AND outbox.due_at > excluded.due_at THEN outbox.due_at ELSE excluded.due_at END,
      updated_at = excluded.updated_at`,
  /** A once-only item (a note per transition): nothing changes when it exists, done or not. */
  enqueueOnce: `INSERT INTO outbox (tenant_id, kind, key, payload, due_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, kind, key) DO NOTHING`,
  /** The impact of every issue a case is linked to needs writing again (the case changed). */
  enqueueImpactOfCase: `INSERT INTO outbox (tenant_id, kind, key, payload, due_at, updated_at)
    SELECT tenant_id, 'jira-impact', issue_key, '{}', ?, ? FROM jira_links WHERE tenant_id = ? AND case_id = ?
    ${IMPACT_ON_CONFLICT}`,
  due: `SELECT tenant_id, kind, key, payload, attempts, version FROM outbox
    WHERE status = 'pending' AND due_at <= ? ORDER BY due_at LIMIT ?`,
  /** Done: a coalescing item is deleted unless it changed meanwhile; a once-only one is kept as done. */
  doneDelete: 'DELETE FROM outbox WHERE tenant_id = ? AND kind = ? AND key = ? AND version = ?',
  doneKeep: `UPDATE outbox SET status = 'done', last_error = NULL, updated_at = ? WHERE tenant_id = ? AND kind = ? AND key = ?`,
  retryLater: `UPDATE outbox SET attempts = attempts + 1, due_at = ?, last_error = ?, updated_at = ?
    WHERE tenant_id = ? AND kind = ? AND key = ?`,
  /** A rate limit slows the whole tenant's kind down, not one item. */
  deferKind: `UPDATE outbox SET due_at = CASE WHEN due_at < ? THEN ? ELSE due_at END, updated_at = ?
    WHERE tenant_id = ? AND kind = ? AND status = 'pending'`,
  dropItem: `UPDATE outbox SET status = 'dropped', last_error = ?, updated_at = ? WHERE tenant_id = ? AND kind = ? AND key = ?`,
  outboxOf:
    'SELECT kind, key, status, attempts, due_at, last_error FROM outbox WHERE tenant_id = ? ORDER BY kind, key',
} as const;

/**
 * JIRA_SQL.enqueueImpactOfCase for many cases at once (many-rows.ts): one JSON array of its bind values per case,
 * [due_at, updated_at, tenant_id, case_id].
 */
export const MANY_ROWS_IMPACT_OF_CASES = `INSERT INTO outbox (tenant_id, kind, key, payload, due_at, updated_at)
    SELECT l.tenant_id, 'jira-impact', l.issue_key, '{}', r.value->>0, r.value->>1
    FROM json_each(?) r JOIN jira_links l ON l.tenant_id = r.value->>2 AND l.case_id = r.value->>3 WHERE true
    ${IMPACT_ON_CONFLICT}`;

// The group commit sends many cases' impact requeueing as one statement (platform many-rows.ts).
manyRowsForm(JIRA_SQL.enqueueImpactOfCase, MANY_ROWS_IMPACT_OF_CASES);
