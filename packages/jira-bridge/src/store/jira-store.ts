import { bugImpact, rankBugs } from '@support-metrics/core';
import {
  type BugLinks,
  type CaseBugLink,
  processedMark,
  type RankedBug,
  type RankedBugsQuery,
  type Stores,
} from '@support-metrics/platform';
import { impactOfIssues, linkedCasesByIssue } from './bug-links.js';
import { JIRA_SQL } from './jira-sql.js';

export interface StoredIssue {
  issueKey: string;
  issueId: string | null;
  summary: string | null;
  status: string | null;
  resolution: string | null;
  fixVersions: { id: string; name: string; released: boolean; releaseDate: string | null }[];
  releasedAt: string | null;
  sourceUpdatedMs: number | null;
  impactCommentId: string | null;
  deletedAt: string | null;
}

export interface OutboxItem {
  tenantId: string;
  kind: 'jira-impact' | 'zendesk-note';
  key: string;
  payload: Record<string, unknown>;
  attempts: number;
  version: number;
}

const issueFromRow = (r: Record<string, unknown>): StoredIssue => ({
  issueKey: String(r.issue_key),
  issueId: (r.issue_id as string | null) ?? null,
  summary: (r.summary as string | null) ?? null,
  status: (r.status as string | null) ?? null,
  resolution: (r.resolution as string | null) ?? null,
  fixVersions: r.fix_versions ? JSON.parse(String(r.fix_versions)) : [],
  releasedAt: (r.released_at as string | null) ?? null,
  sourceUpdatedMs:
    r.source_updated_ms === null || r.source_updated_ms === undefined ? null : Number(r.source_updated_ms),
  impactCommentId: (r.impact_comment_id as string | null) ?? null,
  deletedAt: (r.deleted_at as string | null) ?? null,
});

/**
 * The D1 adapter of the Jira bridge (its SQL: store/jira-sql.ts): issues, versions, issue links, case links and the
 * outbox. Statements are returned for one batch where it matters. It is also the platform's BugLinks port: the case
 * view, the sidebar and Slack read and change a case's links through it.
 */
export class JiraStore implements BugLinks {
  constructor(readonly db: D1Database) {}

  async issue(tenantId: string, key: string): Promise<StoredIssue | null> {
    const r = await this.db.prepare(JIRA_SQL.issue).bind(tenantId, key).first<Record<string, unknown>>();
    return r ? issueFromRow(r) : null;
  }

  async issueKeyById(tenantId: string, id: string): Promise<string | null> {
    const r = await this.db.prepare(JIRA_SQL.issueById).bind(tenantId, id).first<{ issue_key: string }>();
    return r?.issue_key ?? null;
  }

  async issuesWithVersion(tenantId: string, versionId: string) {
    const { results } = await this.db
      .prepare(JIRA_SQL.issuesWithVersion)
      .bind(tenantId, versionId)
      .all<{ issue_key: string; resolution: string | null; released_at: string | null }>();
    return results;
  }

  async openCasesOf(tenantId: string, key: string): Promise<string[]> {
    const { results } = await this.db
      .prepare(JIRA_SQL.openCasesOfIssue)
      .bind(tenantId, key)
      .all<{ case_id: string }>();
    return results.map((r) => r.case_id);
  }

  async casesOf(tenantId: string, key: string) {
    const { results } = await this.db
      .prepare(JIRA_SQL.casesOfIssue)
      .bind(tenantId, key)
      .all<Record<string, unknown>>();
    return results.map((r) => ({
      caseId: String(r.case_id),
      linkedBy: String(r.linked_by),
      linkedAt: String(r.linked_at),
      createdAt: (r.created_at as string | null) ?? null,
      status: (r.status as string | null) ?? null,
      subject: (r.subject as string | null) ?? null,
      organizationId: r.org_id === null || r.org_id === undefined ? null : String(r.org_id),
      recurringRevenue: typeof r.revenue === 'number' ? r.revenue : null,
    }));
  }

  async linkedIssues(tenantId: string) {
    const { results } = await this.db
      .prepare(JIRA_SQL.linkedIssues)
      .bind(tenantId)
      .all<Record<string, unknown>>();
    return results.map((r) => ({
      issueKey: String(r.issue_key),
      summary: (r.summary as string | null) ?? null,
      status: (r.status as string | null) ?? null,
      resolution: (r.resolution as string | null) ?? null,
      releasedAt: (r.released_at as string | null) ?? null,
      fixVersions: r.fix_versions
        ? (JSON.parse(String(r.fix_versions)) as { name: string }[]).map((v) => v.name)
        : [],
      deleted: r.deleted_at !== null && r.deleted_at !== undefined,
    }));
  }

  async issueLinksOf(tenantId: string, issueId: string) {
    const { results } = await this.db.prepare(JIRA_SQL.issueLinksOf).bind(tenantId, issueId, issueId).all<{
      link_type: string;
      source_issue_id: string;
      destination_issue_id: string;
      source_key: string | null;
      destination_key: string | null;
    }>();
    return results.map((r) =>
      r.source_issue_id === issueId
        ? {
            type: r.link_type,
            direction: 'outward' as const,
            issueKey: r.destination_key,
            issueId: r.destination_issue_id,
          }
        : {
            type: r.link_type,
            direction: 'inward' as const,
            issueKey: r.source_key,
            issueId: r.source_issue_id,
          },
    );
  }

  /** The processed-event mark (first in a batch: a duplicate delivery aborts the whole batch). */
  processed(tenantId: string, eventId: string, at: string): D1PreparedStatement {
    return processedMark(this.db, tenantId, 'jira-webhook', eventId, at);
  }

  stmt(sql: string, ...params: unknown[]): D1PreparedStatement {
    return this.db.prepare(sql).bind(...params);
  }

  async due(at: string, limit: number): Promise<OutboxItem[]> {
    const { results } = await this.db.prepare(JIRA_SQL.due).bind(at, limit).all<Record<string, unknown>>();
    return results.map((r) => ({
      tenantId: String(r.tenant_id),
      kind: r.kind as OutboxItem['kind'],
      key: String(r.key),
      payload: JSON.parse(String(r.payload ?? '{}')),
      attempts: Number(r.attempts),
      version: Number(r.version),
    }));
  }

  async done(item: OutboxItem, at: string): Promise<void> {
    if (item.kind === 'zendesk-note')
      await this.db.prepare(JIRA_SQL.doneKeep).bind(at, item.tenantId, item.kind, item.key).run();
    else
      await this.db.prepare(JIRA_SQL.doneDelete).bind(item.tenantId, item.kind, item.key, item.version).run();
  }

  async retryLater(item: OutboxItem, dueAt: string, error: string, at: string): Promise<void> {
    await this.db
      .prepare(JIRA_SQL.retryLater)
      .bind(dueAt, error, at, item.tenantId, item.kind, item.key)
      .run();
  }

  async deferKind(tenantId: string, kind: OutboxItem['kind'], until: string, at: string): Promise<void> {
    await this.db.prepare(JIRA_SQL.deferKind).bind(until, until, at, tenantId, kind).run();
  }

  async drop(item: OutboxItem, error: string, at: string): Promise<void> {
    await this.db.prepare(JIRA_SQL.dropItem).bind(error, at, item.tenantId, item.kind, item.key).run();
  }

  async setImpactComment(tenantId: string, key: string, commentId: string): Promise<void> {
    await this.db.prepare(JIRA_SQL.setImpactComment).bind(commentId, tenantId, key).run();
  }

  async outbox(tenantId: string) {
    const { results } = await this.db.prepare(JIRA_SQL.outboxOf).bind(tenantId).all();
    return results;
  }

  /** A case's Jira links: who linked them and when, the issue as far as known, and its support impact so far. */
  async linksOf(tenantId: string, caseId: string, now = new Date()): Promise<CaseBugLink[]> {
    const { results } = await this.db.prepare(JIRA_SQL.linksOfCase).bind(tenantId, caseId).all<{
      id: number;
      issue_key: string;
      linked_by: string;
      linked_at: string;
      summary: string | null;
      status: string | null;
      fix_versions: string | null;
    }>();
    const impact = results.length
      ? await impactOfIssues(
          this.db,
          tenantId,
          results.map((r) => r.issue_key),
          now,
        )
      : new Map();
    return results.map((r) => ({
      id: r.id,
      issueKey: r.issue_key,
      linkedBy: r.linked_by,
      linkedAt: r.linked_at,
      summary: r.summary,
      status: r.status,
      // The Jira bridge keeps fix versions as { id, name, released, releaseDate }; plain names are read too.
      fixVersions: r.fix_versions
        ? (JSON.parse(r.fix_versions) as (string | { name: string })[]).map((v) =>
            typeof v === 'string' ? v : v.name,
          )
        : [],
      // Revenue at risk: null (not measured) until organisations carry their recurring revenue.
      impact: impact.get(r.issue_key) ?? { cases: 0, openCases: 0, customers: 0, revenue: null },
    }));
  }

  /** Links a case to a Jira issue (idempotent); false when the link existed. */
  async link(
    tenantId: string,
    caseId: string,
    issueKey: string,
    linkedBy: string,
    at: string,
  ): Promise<boolean> {
    const [r] = await this.db.batch([
      this.db.prepare(JIRA_SQL.insertLink).bind(tenantId, caseId, issueKey, linkedBy, at),
      this.db.prepare(JIRA_SQL.enqueue).bind(tenantId, 'jira-impact', issueKey, '{}', at, at),
    ]);
    return (r?.meta.changes ?? 0) > 0;
  }

  /** Removes a link by its id; false when the tenant has no such link. */
  async unlink(tenantId: string, linkId: number, at = new Date().toISOString()): Promise<boolean> {
    const link = await this.db
      .prepare(JIRA_SQL.linkById)
      .bind(tenantId, linkId)
      .first<{ issue_key: string }>();
    if (!link) return false;
    const [r] = await this.db.batch([
      this.db.prepare(JIRA_SQL.deleteLink).bind(tenantId, linkId),
      this.db.prepare(JIRA_SQL.enqueue).bind(tenantId, 'jira-impact', link.issue_key, '{}', at, at),
    ]);
    return (r?.meta.changes ?? 0) > 0;
  }

  async inUse(tenantId: string): Promise<boolean> {
    return (await this.db.prepare(JIRA_SQL.anyLink).bind(tenantId).first()) !== null;
  }

  async openBugCasesByOrg(tenantId: string, orgId: string | null): Promise<Map<string, number>> {
    const { results } = await this.db
      .prepare(JIRA_SQL.openBugCasesByOrg)
      .bind(tenantId, orgId)
      .all<{ org_id: string; n: number }>();
    return new Map(results.map((r) => [String(r.org_id), Number(r.n)]));
  }

  async releasedFixes(tenantId: string, since: string): Promise<{ releasedAt: string; created: string[] }[]> {
    const { results } = await this.db
      .prepare(JIRA_SQL.releasedFixes)
      .bind(tenantId, since)
      .all<{ released_at: string; created: string | null }>();
    return results.map((r) => ({
      releasedAt: r.released_at,
      created: (JSON.parse(r.created ?? '[]') as (string | null)[]).filter((x): x is string => !!x),
    }));
  }

  async linkEvidence(
    tenantId: string,
    since: string,
  ): Promise<{ linkedCases: number; impactWritten: number }> {
    const row = await this.db
      .prepare(JIRA_SQL.linkEvidence)
      .bind(tenantId, since)
      .first<{ linked: number | null; impact_written: number | null }>();
    return { linkedCases: Number(row?.linked ?? 0), impactWritten: Number(row?.impact_written ?? 0) };
  }

  /**
   * Jira issues by support impact; `newSince`/`newUntil` bound the links counted as new. The impact is core's
   * bugImpact over the stored linked cases (store/bug-links.ts), the same numbers as `/api/bugs` and the sidebar.
   */
  async rankedBugs(tenantId: string, q: RankedBugsQuery): Promise<RankedBug[]> {
    const [issues, byIssue] = await Promise.all([
      this.db.prepare(JIRA_SQL.linkedIssues).bind(tenantId).all<Record<string, unknown>>(),
      linkedCasesByIssue(this.db, tenantId),
    ]);
    const now = new Date(q.newUntil);
    const bugs = issues.results
      .filter((r) => r.deleted_at === null || r.deleted_at === undefined)
      .map((r) => {
        const issueKey = String(r.issue_key);
        const cases = byIssue.get(issueKey) ?? [];
        return {
          issueKey,
          summary: (r.summary as string | null) ?? null,
          status: (r.status as string | null) ?? null,
          impact: bugImpact(cases, { now }),
          newCases: cases.filter((c) => c.linkedAt >= q.newSince && c.linkedAt < q.newUntil).length,
        };
      });
    const ranked =
      q.sort === 'new'
        ? [...bugs].sort(
            (a, b) =>
              b.newCases - a.newCases ||
              b.impact.cases - a.impact.cases ||
              a.issueKey.localeCompare(b.issueKey),
          )
        : rankBugs(bugs, q.sort);
    return ranked.slice(0, q.limit ?? 10).map(({ impact, ...b }) => ({
      ...b,
      cases: impact.cases,
      openCases: impact.openCases,
      customers: impact.customers,
      revenue: impact.revenueAtRisk,
    }));
  }
}

/**
 * The Jira store of a request or a run: the platform's bug links when the worker wired this store as them (one object
 * per request), else one over the same database.
 */
export const jiraStoreOf = (stores: Pick<Stores, 'bugLinks' | 'db'>): JiraStore =>
  stores.bugLinks instanceof JiraStore ? stores.bugLinks : new JiraStore(stores.db);
