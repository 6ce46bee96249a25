import {
  type Stores,
  type TenantStore,
  type TicketNotesFor,
  ticketUrlFor,
  type WorkerConfig,
} from '@support-metrics/platform';
import { isAuthError, isForbiddenError, isNotFoundError, isRateLimitError } from 'jira.js';
import { forgeImpactProperty } from '../forge/impact-property.js';
import { type JiraCredentials, jiraCredentialsOf } from '../jira-api/jira-account.js';
import { createJiraApi, type JiraApi } from '../jira-api/jira-api.js';
import { bugDetail, impactComment, impactProperty } from '../services/impact-service.js';
import { type JiraStore, jiraStoreOf, type OutboxItem } from '../store/jira-store.js';

export interface JiraJobsContext {
  stores: Pick<Stores, 'tenants' | 'bugLinks' | 'db'>;
  config: WorkerConfig;
  at: Date;
  /** The Jira API of a site (createJiraApi); which site a tenant writes to is jiraCredentialsOf's. Tests inject one. */
  jiraApi?: (credentials: JiraCredentials) => JiraApi;
  notes?: TicketNotesFor;
  /** Items per run (Jira's rate limits: a few writes per issue, a bounded batch per run). */
  batch?: number;
  /**
   * A Forge invocation's API for its tenant (the app system token, createForgeJiraApi): that tenant's impact is
   * written as the app, in the indexed shape (forgeImpactProperty), with the comment only when `comment` is set.
   */
  forge?: { tenantId: string; api: JiraApi; comment: boolean };
}

/** The Jira API of a tenant's site (its own `jiraApi` setting, else the worker's secrets for the default tenant). */
export function jiraApiOf(
  config: WorkerConfig,
  tenantId: string,
  settings: Record<string, unknown>,
  apiOf: (credentials: JiraCredentials) => JiraApi = createJiraApi,
): JiraApi | null {
  const credentials = jiraCredentialsOf(config, tenantId, settings);
  return credentials ? apiOf(credentials) : null;
}

/** Backoff of a failed item: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(6 * 3_600_000, 60_000 * 2 ** Math.min(attempts, 12));
}

export interface JiraJobsResult {
  impactWritten: number;
  notesWritten: number;
  retried: number;
  dropped: number;
  /** Items left for later because their tenant has no Jira or Zendesk API configured. */
  skipped: number;
}

const reason = (e: unknown) =>
  `${(e as Error)?.name ?? 'Error'}${typeof (e as { status?: unknown })?.status === 'number' ? ` ${(e as { status: number }).status}` : ''}`;

/**
 * Drains the outbox (cron, and after a webhook or link): writes each changed issue's impact to Jira — the
 * `supportImpact` entity property and the one comment updated in place — and the Zendesk notes of status changes
 * and shipped fixes. A 429 defers the whole tenant's Jira writes until Retry-After; a 5xx, timeout or network error
 * retries that item with backoff; a 404 drops it (the issue or ticket is gone). Nothing is lost: an item leaves the
 * outbox only when written, and one that changed while being written is written again.
 */
export async function runJiraJobs(ctx: JiraJobsContext): Promise<JiraJobsResult> {
  const result: JiraJobsResult = { impactWritten: 0, notesWritten: 0, retried: 0, dropped: 0, skipped: 0 };
  const jira = jiraStoreOf(ctx.stores);
  const store = ctx.stores.tenants;
  const at = ctx.at.toISOString();
  const limited = new Set<string>();
  for (const item of await jira.due(at, ctx.batch ?? 50)) {
    if (limited.has(`${item.tenantId}|${item.kind}`)) continue;
    try {
      if (item.kind === 'jira-impact') {
        const settings = (await store.tenantSettings(item.tenantId)) ?? {};
        const api =
          ctx.forge?.tenantId === item.tenantId
            ? ctx.forge.api
            : jiraApiOf(ctx.config, item.tenantId, settings, ctx.jiraApi);
        if (!api) {
          result.skipped++;
          continue;
        }
        await writeImpact(jira, store, api, item, ctx);
        result.impactWritten++;
      } else {
        const notes =
          ctx.notes?.(ctx.config, item.tenantId, (await store.tenantSettings(item.tenantId)) ?? {}) ?? null;
        if (!notes) {
          result.skipped++;
          continue;
        }
        const { caseId, text } = item.payload as { caseId?: string; text?: string };
        if (caseId && text) await notes.addInternalNote(caseId, text);
        result.notesWritten++;
      }
      await jira.done(item, at);
    } catch (e) {
      if (isRateLimitError(e) || (e as { status?: number })?.status === 429) {
        const waitMs = (e as { retryAfterMs?: number }).retryAfterMs ?? 60_000;
        await jira.deferKind(item.tenantId, item.kind, new Date(ctx.at.getTime() + waitMs).toISOString(), at);
        limited.add(`${item.tenantId}|${item.kind}`);
        result.retried++;
      } else if (isNotFoundError(e) || (e as { status?: number })?.status === 404) {
        await jira.drop(item, reason(e), at);
        result.dropped++;
      } else {
        // Auth problems wait long (someone must fix the token); outages back off.
        const wait = isAuthError(e) || isForbiddenError(e) ? 3_600_000 : backoffMs(item.attempts);
        await jira.retryLater(item, new Date(ctx.at.getTime() + wait).toISOString(), reason(e), at);
        result.retried++;
      }
    }
  }
  return result;
}

async function writeImpact(
  jira: JiraStore,
  store: TenantStore,
  api: JiraApi,
  item: OutboxItem,
  ctx: JiraJobsContext,
) {
  const detail = await bugDetail(jira, item.tenantId, item.key, ctx.at);
  if (!detail) return;
  const at = ctx.at.toISOString();
  const ticketUrl = ticketUrlFor(ctx.config, item.tenantId, await store.tenantSettings(item.tenantId));
  const forge = ctx.forge?.tenantId === item.tenantId ? ctx.forge : null;
  await api.setSupportImpact(item.key, forge ? forgeImpactProperty(detail) : impactProperty(detail, at));
  if (forge && !forge.comment) return;
  const stored = await jira.issue(item.tenantId, item.key);
  const commentId = await api.upsertImpactComment(
    item.key,
    stored?.impactCommentId ?? null,
    impactComment(detail, ticketUrl, at),
  );
  if (commentId !== stored?.impactCommentId) await jira.setImpactComment(item.tenantId, item.key, commentId);
}
