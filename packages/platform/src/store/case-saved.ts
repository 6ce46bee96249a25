import type { Case } from '@support-metrics/core';
import type { BoundStatement } from './write-coalescer.js';

/** What a case write tells the plugins: the tenant, the case as stored, and the time of the change. */
export interface CaseSaved {
  tenantId: string;
  case: Case;
  at: string;
}

/**
 * A plugin's part of a case write: statements that go into the same D1 transaction as the case, its rollups and its
 * processed-event mark, so that what follows from a case (the Jira bridge's links from the record's Jira keys, and
 * the impact of each linked issue queued for Jira) is written exactly when the case is, and not at all when the write
 * is refused (a duplicate delivery, a stale version). Pure: it returns statements and runs nothing.
 *
 * The worker passes the hooks to `platform({ caseSaved })`; the platform never imports a plugin.
 *
 * @example const jiraLinks: CaseSavedHook = ({ tenantId, case: c, at }) => [{ sql: INSERT_LINK, params: [tenantId, c.id, at] }]
 */
export type CaseSavedHook = (saved: CaseSaved) => readonly BoundStatement[];
