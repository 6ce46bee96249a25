import { jiraKeysOfCase } from '@support-metrics/core';
import type { CaseSavedHook } from '@support-metrics/platform';
import { JIRA_SQL } from './jira-sql.js';

/**
 * The Jira bridge's part of every case write, in the case's own transaction: the Jira keys the helpdesk record names
 * (a Jira field, `jira_*` tags, the case's links) become links, and every issue the case is linked to gets its impact
 * written again (the outbox coalesces, so a busy case costs one Jira write per issue, not one per change).
 *
 * @example platform({ caseSaved: [jiraCaseSaved] })
 */
export const jiraCaseSaved: CaseSavedHook = ({ tenantId, case: c, at }) => [
  ...jiraKeysOfCase(c).map(({ key, source }) => ({
    sql: JIRA_SQL.insertLink,
    params: [tenantId, c.id, key, source, at],
  })),
  { sql: JIRA_SQL.enqueueImpactOfCase, params: [at, at, tenantId, c.id] },
];
