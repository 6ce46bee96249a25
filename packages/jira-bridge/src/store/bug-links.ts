import { bugImpact, type LinkedCase } from '@support-metrics/core';
import { JIRA_SQL } from './jira-sql.js';

/** A stored case linked to a Jira issue: what core's bugImpact takes, plus the issue and when the link was made. */
export interface IssueCase extends LinkedCase {
  issueKey: string;
  linkedAt: string;
}

/**
 * The stored cases linked to a tenant's Jira issues (all of them, or those of `issueKeys`), by issue. Every view of a
 * bug's impact — `/api/bugs` and the Jira property, Slack's `bugs`, the sidebar's linked bugs — computes it from
 * these with core's `bugImpact`, so that the numbers agree wherever they are shown. A link to a case that is not in
 * the store (a Jira issue naming a ticket not synced yet) counts nowhere until the case arrives.
 *
 * @example bugImpact(((await linkedCasesByIssue(db, 'acme')).get('ENG-1') ?? []), { now })
 */
export async function linkedCasesByIssue(
  db: D1Database,
  tenantId: string,
  issueKeys?: readonly string[],
): Promise<Map<string, IssueCase[]>> {
  const statement = issueKeys
    ? db.prepare(JIRA_SQL.linkedCasesOfIssues).bind(tenantId, JSON.stringify(issueKeys))
    : db.prepare(JIRA_SQL.allLinkedCases).bind(tenantId);
  const { results } = await statement.all<Record<string, unknown>>();
  const byIssue = new Map<string, IssueCase[]>();
  for (const r of results) {
    const issueKey = String(r.issue_key);
    const linked: IssueCase = {
      issueKey,
      caseId: String(r.case_id),
      linkedAt: String(r.linked_at),
      createdAt: String(r.created_at),
      open: r.status !== 'solved' && r.status !== 'closed',
      organizationId: r.org_id === null || r.org_id === undefined ? null : String(r.org_id),
      recurringRevenue: typeof r.revenue === 'number' ? r.revenue : null,
    };
    const list = byIssue.get(issueKey);
    if (list) list.push(linked);
    else byIssue.set(issueKey, [linked]);
  }
  return byIssue;
}

/** The impact of some issues as the sidebar and Slack show it: cases, open cases, customers, revenue at risk. */
export async function impactOfIssues(
  db: D1Database,
  tenantId: string,
  issueKeys: readonly string[],
  now: Date,
): Promise<Map<string, { cases: number; openCases: number; customers: number; revenue: number | null }>> {
  const byIssue = await linkedCasesByIssue(db, tenantId, issueKeys);
  return new Map(
    issueKeys.map((key) => {
      const impact = bugImpact(byIssue.get(key) ?? [], { now });
      return [
        key,
        {
          cases: impact.cases,
          openCases: impact.openCases,
          customers: impact.customers,
          revenue: impact.revenueAtRisk,
        },
      ];
    }),
  );
}
