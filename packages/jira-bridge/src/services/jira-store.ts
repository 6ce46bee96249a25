import { JIRA_SQL, SQL } from '@support-metrics/core';

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

/** The D1 adapter of the Jira bridge (SQL in core: JIRA_SQL). Statements are returned for one batch where it matters. */
export class JiraStore {
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
    return this.db.prepare(SQL.insertProcessed).bind(tenantId, 'jira-webhook', eventId, at);
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
}
