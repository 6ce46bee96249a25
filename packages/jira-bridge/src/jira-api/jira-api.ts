// The root entry (not 'jira.js/cloud', whose models barrel imports itself in a cycle that vite's module runner, used
// by the worker tests, cannot order).
import { createCloudClient, isNotFoundError } from 'jira.js';

/** An Atlassian Document Format document (what Jira Cloud's v3 API takes for comments). */
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: Record<string, unknown>[];
  [key: string]: unknown;
}

/** The part of Jira's API the bridge writes with (a port: the worker gives it jira.js, tests msw behind it). */
export interface JiraApi {
  /** PUT /rest/api/3/issue/{key}/properties/supportImpact */
  setSupportImpact(issueKey: string, value: Record<string, unknown>): Promise<void>;
  /** Updates the impact comment in place, or adds it (also when the one we wrote was deleted); returns its id. */
  upsertImpactComment(issueKey: string, commentId: string | null, body: AdfDoc): Promise<string>;
}

/** How long one Jira call may take before it is given up (and retried from the outbox later). */
export const JIRA_TIMEOUT_MS = 10_000;

/** Jira did not answer in time: the write is retried later, like a 5xx. */
export class JiraTimeoutError extends Error {
  override name = 'JiraTimeoutError';
}

/** A call given up after `ms` (jira.js has no timeout option of its own). */
function withTimeout<T>(call: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JiraTimeoutError(`Jira did not answer ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The issue entity property that carries the impact. Jira indexes it for JQL only because the Forge app declares it
 * (`jira:entityProperty`: `supportCases > 10 ORDER BY supportRevenueAtRisk DESC`, forge/impact-property.ts); written
 * with an API token (Data Center) it is readable through the API, not searchable.
 */
export const IMPACT_PROPERTY = 'supportImpact';

/**
 * The Jira API through jira.js (v6, fetch-based), authenticated with an account's email and API token. It does not
 * retry by itself: the outbox in D1 retries later, so a Jira outage or a 429 delays a write and never loses it.
 *
 * @example const jira = createJiraApi({ baseUrl: 'https://acme.atlassian.net', email, apiToken });
 */
export function createJiraApi(o: {
  baseUrl: string;
  email: string;
  apiToken: string;
  /** Per call; default JIRA_TIMEOUT_MS. */
  timeoutMs?: number;
}): JiraApi {
  const client = createCloudClient({
    host: o.baseUrl,
    auth: { type: 'basic', email: o.email, apiToken: o.apiToken },
    retry: { maxAttempts: 1 },
    onSchemaMismatch: 'silent',
  });
  return jiraApiOver(client, o.timeoutMs ?? JIRA_TIMEOUT_MS);
}

/** The Jira API as a Forge app (the invocation's app system token), with the read the triggers need. */
export interface ForgeJiraApi extends JiraApi {
  /** GET /rest/api/3/issue/{key}?fields=… — what a webhook carries and a Forge event does not (fix versions, resolution). */
  getIssue(issueKey: string, extraFields?: readonly string[]): Promise<unknown>;
}

/** The fields of an issue the bridge reads (JiraIssueSchema). */
export const ISSUE_FIELDS = ['summary', 'status', 'resolution', 'fixVersions', 'issuetype', 'updated'];

/**
 * The Jira API of one Forge invocation: jira.js against the installation's `app.apiBaseUrl`
 * (`https://api.atlassian.com/ex/jira/<cloudId>`) with the app system token Forge sent (`x-forge-oauth-system`), so
 * that what is written is written by the app, not by a person. The token lives as long as the invocation needs it and
 * is never stored.
 *
 * @example const jira = createForgeJiraApi({ apiBaseUrl: fit.apiBaseUrl, systemToken });
 */
export function createForgeJiraApi(o: {
  apiBaseUrl: string;
  systemToken: string;
  timeoutMs?: number;
}): ForgeJiraApi {
  const ms = o.timeoutMs ?? JIRA_TIMEOUT_MS;
  const client = createCloudClient({
    host: o.apiBaseUrl,
    auth: { type: 'bearer', token: o.systemToken },
    retry: { maxAttempts: 1 },
    onSchemaMismatch: 'silent',
  });
  return {
    ...jiraApiOver(client, ms),
    getIssue: (issueKey, extraFields = []) =>
      withTimeout(
        client.issues.getIssue({ issueIdOrKey: issueKey, fields: [...ISSUE_FIELDS, ...extraFields] }),
        ms,
        `the issue ${issueKey}`,
      ),
  };
}

function jiraApiOver(client: ReturnType<typeof createCloudClient>, ms: number): JiraApi {
  return {
    async setSupportImpact(issueKey, value) {
      await withTimeout(
        client.issueProperties.setIssueProperty({
          issueIdOrKey: issueKey,
          propertyKey: IMPACT_PROPERTY,
          body: value,
        }),
        ms,
        `the impact property of ${issueKey}`,
      );
    },
    async upsertImpactComment(issueKey, commentId, body) {
      if (commentId) {
        try {
          const updated = await withTimeout(
            client.issueComments.updateComment({
              issueIdOrKey: issueKey,
              id: commentId,
              notifyUsers: false,
              body: { body },
            }),
            ms,
            `the impact comment of ${issueKey}`,
          );
          // Jira answers with the comment; anything else (a proxy's page) is not a write we can count on.
          if (!updated?.id) throw new Error('Jira answered the comment update without the comment');
          return String(updated.id);
        } catch (e) {
          // Someone deleted our comment: write it again (the issue itself missing is the caller's 404).
          if (!isNotFoundError(e)) throw e;
        }
      }
      const added = await withTimeout(
        client.issueComments.addComment({ issueIdOrKey: issueKey, body }),
        ms,
        `a new comment on ${issueKey}`,
      );
      if (!added?.id) throw new Error('Jira returned a comment without an id');
      return String(added.id);
    },
  };
}
