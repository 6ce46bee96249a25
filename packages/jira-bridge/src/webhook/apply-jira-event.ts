import { JIRA_SQL } from '../store/jira-sql.js';
import type { JiraStore, StoredIssue } from '../store/jira-store.js';
import { type FixVersion, type JiraIssue, type JiraWebhook, jiraTimeMs } from './jira-payload-schema.js';

export type JiraEventOutcome =
  | { status: 'applied'; issueKey?: string; notes: number; links: number }
  | { status: 'stale'; issueKey: string }
  | { status: 'ignored'; reason: string };

/** Zendesk ticket ids in a Jira field: a number, "1234, 5678", or a list of either. */
export function ticketIdsIn(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const ids = new Set<string>();
  for (const v of items) {
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) ids.add(String(v));
    else if (typeof v === 'string') for (const m of v.matchAll(/\d{1,12}/g)) ids.add(m[0]);
  }
  return [...ids];
}

/** When the issue's fix shipped: resolved, with a released fix version (its earliest release date). */
export function releasedAtOf(
  resolution: string | null,
  versions: readonly FixVersion[],
  fallback: string,
): string | null {
  if (!resolution) return null;
  const released = versions.filter((v) => v.released);
  if (released.length === 0) return null;
  const dates = released
    .map((v) => (v.releaseDate ? `${v.releaseDate.slice(0, 10)}T00:00:00.000Z` : fallback))
    .sort();
  return dates[0] ?? fallback;
}

interface Context {
  tenantId: string;
  store: JiraStore;
  at: string;
  /** Jira field holding Zendesk ticket ids (tenant setting `jiraTicketField`), if any. */
  ticketField: string | null;
}

const note = (ctx: Context, key: string, transition: string, caseId: string, text: string) =>
  ctx.store.stmt(
    JIRA_SQL.enqueueOnce,
    ctx.tenantId,
    'zendesk-note',
    `${key}|${transition}|${caseId}`,
    JSON.stringify({ caseId, issueKey: key, text }),
    ctx.at,
    ctx.at,
  );

async function issueStatements(
  ctx: Context,
  event: JiraWebhook & { issue: JiraIssue },
  stored: StoredIssue | null,
) {
  const { issue } = event;
  const f = issue.fields;
  const statements: D1PreparedStatement[] = [];
  const versions = f.fixVersions ?? [];
  const releasedAt = stored?.releasedAt ?? releasedAtOf(f.resolution?.name ?? null, versions, ctx.at);
  statements.push(
    ctx.store.stmt(
      JIRA_SQL.upsertIssue,
      ctx.tenantId,
      issue.key,
      issue.id,
      f.summary,
      f.status?.name ?? null,
      f.resolution?.name ?? null,
      JSON.stringify(
        versions.map((v) => ({ id: v.id, name: v.name, released: v.released, releaseDate: v.releaseDate })),
      ),
      releasedAt,
      f.issuetype?.name ?? null,
      jiraTimeMs(f.updated),
      ctx.at,
    ),
  );
  for (const v of versions)
    statements.push(
      ctx.store.stmt(
        JIRA_SQL.upsertVersion,
        ctx.tenantId,
        v.id,
        v.name,
        v.released ? 1 : 0,
        v.releaseDate,
        ctx.at,
      ),
    );

  // Links from a Jira field holding Zendesk ticket ids.
  let links = 0;
  const field = ctx.ticketField ? (f as Record<string, unknown>)[ctx.ticketField] : undefined;
  for (const caseId of ticketIdsIn(field)) {
    statements.push(
      ctx.store.stmt(JIRA_SQL.insertLink, ctx.tenantId, caseId, issue.key, 'jira-field', ctx.at),
    );
    links++;
  }
  if (links > 0)
    statements.push(
      ctx.store.stmt(JIRA_SQL.enqueue, ctx.tenantId, 'jira-impact', issue.key, '{}', ctx.at, ctx.at),
    );

  // Linked open cases hear about a status change and about the fix shipping, once per transition.
  let notes = 0;
  if (event.webhookEvent === 'jira:issue_updated') {
    const open = await ctx.store.openCasesOf(ctx.tenantId, issue.key);
    const statusItem = event.changelog?.items.find((i) => i.field === 'status');
    const newStatus = f.status?.name ?? null;
    const changed = statusItem
      ? (statusItem.toString ?? newStatus)
      : stored && stored.status !== newStatus
        ? newStatus
        : null;
    const title = `Jira ${issue.key}${f.summary ? ` “${f.summary}”` : ''}`;
    if (changed)
      for (const caseId of open) {
        statements.push(note(ctx, issue.key, `status:${changed}`, caseId, `${title} moved to ${changed}.`));
        notes++;
      }
    if (releasedAt && !stored?.releasedAt) {
      const version = versions.find((v) => v.released)?.name ?? 'a release';
      for (const caseId of open) {
        statements.push(
          note(ctx, issue.key, `release:${version}`, caseId, `${title}: fix released in ${version}.`),
        );
        notes++;
      }
    }
  }
  return { statements, links, notes };
}

/**
 * What a verified Jira webhook does to the store, as statements for one batch (after the processed-event mark):
 * issue snapshots (never rolled back by an older one), deletions, links between issues, releases, links to cases
 * from the configured Jira field, and the Zendesk notes of status changes and shipped fixes (once per transition).
 */
export async function planJiraEvent(
  ctx: Context,
  event: JiraWebhook,
): Promise<{ outcome: JiraEventOutcome; statements: D1PreparedStatement[] }> {
  switch (event.webhookEvent) {
    case 'jira:issue_created':
    case 'jira:issue_updated': {
      const stored = await ctx.store.issue(ctx.tenantId, event.issue.key);
      const updated = jiraTimeMs(event.issue.fields.updated);
      if (
        stored?.sourceUpdatedMs !== null &&
        stored?.sourceUpdatedMs !== undefined &&
        updated !== null &&
        updated < stored.sourceUpdatedMs
      )
        return { outcome: { status: 'stale', issueKey: event.issue.key }, statements: [] };
      const { statements, links, notes } = await issueStatements(ctx, event, stored);
      return { outcome: { status: 'applied', issueKey: event.issue.key, notes, links }, statements };
    }
    case 'jira:issue_deleted':
      return {
        outcome: { status: 'applied', issueKey: event.issue.key, notes: 0, links: 0 },
        statements: [
          ctx.store.stmt(
            JIRA_SQL.markIssueDeleted,
            ctx.tenantId,
            event.issue.key,
            event.issue.id,
            event.issue.fields.summary,
            ctx.at,
            ctx.at,
          ),
        ],
      };
    case 'issuelink_created':
    case 'issuelink_deleted': {
      const l = event.issueLink;
      return {
        outcome: { status: 'applied', notes: 0, links: 0 },
        statements: [
          event.webhookEvent === 'issuelink_created'
            ? ctx.store.stmt(
                JIRA_SQL.upsertIssueLink,
                ctx.tenantId,
                l.id,
                l.sourceIssueId,
                l.destinationIssueId,
                l.issueLinkType.name,
              )
            : ctx.store.stmt(JIRA_SQL.deleteIssueLink, ctx.tenantId, l.id),
        ],
      };
    }
    default: {
      const v = event.version;
      const released =
        event.webhookEvent === 'jira:version_released' ||
        (v.released && event.webhookEvent !== 'jira:version_unreleased');
      const statements = [
        ctx.store.stmt(
          JIRA_SQL.upsertVersion,
          ctx.tenantId,
          v.id,
          v.name,
          released ? 1 : 0,
          v.releaseDate,
          ctx.at,
        ),
      ];
      let notes = 0;
      if (released) {
        const shippedAt = v.releaseDate ? `${v.releaseDate.slice(0, 10)}T00:00:00.000Z` : ctx.at;
        for (const issue of await ctx.store.issuesWithVersion(ctx.tenantId, v.id)) {
          if (!issue.resolution || issue.released_at) continue;
          statements.push(
            ctx.store.stmt(JIRA_SQL.setReleased, shippedAt, ctx.at, ctx.tenantId, issue.issue_key),
          );
          const stored = await ctx.store.issue(ctx.tenantId, issue.issue_key);
          const title = `Jira ${issue.issue_key}${stored?.summary ? ` “${stored.summary}”` : ''}`;
          for (const caseId of await ctx.store.openCasesOf(ctx.tenantId, issue.issue_key)) {
            statements.push(
              note(ctx, issue.issue_key, `release:${v.name}`, caseId, `${title}: fix released in ${v.name}.`),
            );
            notes++;
          }
        }
      }
      return { outcome: { status: 'applied', notes, links: 0 }, statements };
    }
  }
}
