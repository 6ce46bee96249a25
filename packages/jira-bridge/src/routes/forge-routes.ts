import { JiraKeySchema } from '@support-metrics/core';
import {
  apiError,
  invalidInput,
  isUniqueViolation,
  type TicketNotesFor,
  ticketUrlFor,
} from '@support-metrics/platform';
import { type Context, Hono } from 'hono';
import { isNotFoundError } from 'jira.js';
import type { JWTVerifyGetKey } from 'jose';
import { type ForgeEnv, forgeAuth } from '../forge/forge-auth.js';
import { FORGE_EVENTS, ForgeJiraEventSchema } from '../forge/forge-event-schema.js';
import { createForgeJiraApi, type ForgeJiraApi } from '../jira-api/jira-api.js';
import { runJiraJobs } from '../jobs/jira-jobs.js';
import { bugDetail } from '../services/impact-service.js';
import { jiraStoreOf } from '../store/jira-store.js';
import { planJiraEvent } from '../webhook/apply-jira-event.js';
import { JiraWebhookSchema } from '../webhook/jira-payload-schema.js';
import { rankedBugsOf } from './jira-api-routes.js';

export interface ForgeRoutesOptions {
  now?: () => number;
  /** Atlassian's signing keys at a JWKS address (default: jose's remote key set, cached per isolate). */
  keys?: (url: string) => JWTVerifyGetKey;
  /** The Forge API of an invocation (default createForgeJiraApi); tests inject one. */
  jiraApi?: (o: { apiBaseUrl: string; systemToken: string }) => ForgeJiraApi;
  /** Zendesk notes of status changes and shipped fixes (the outbox drain after a trigger). */
  notes?: TicketNotesFor;
}

/**
 * The worker side of the Forge app (packages/jira-app), under `/forge/jira`: every request carries a Forge Invocation
 * Token, verified before anything is read (forgeAuth); the site it names is the tenant.
 *
 * - `GET /impact/:key` — the issue panel: linked cases (open/total, each with its Zendesk link), customers, revenue
 *   at risk, weekly trend, forecast vs actual after the fix shipped (bugDetail, as `GET /api/bugs/:key`).
 * - `GET /bugs?sort=&limit=` — the page: bugs ranked as `GET /api/bugs` ranks them (listBugs).
 * - `POST /events` — the triggers (issue created/updated/deleted, version released): applied as the webhook applies
 *   a delivery (planJiraEvent), the issue read as the app first; then the outbox is drained as the app.
 * - `POST /refresh` — the hourly scheduled trigger: the outbox drained as the app (impact changed by Zendesk).
 *
 * @example app.route('/forge/jira', forgeRoutes({ notes: ticketNotes }))
 */
export function forgeRoutes(opts: ForgeRoutesOptions = {}) {
  const app = new Hono<ForgeEnv>();
  const now = opts.now ?? Date.now;
  const jiraApiOf = opts.jiraApi ?? createForgeJiraApi;
  // Tokens are checked against the real clock (Atlassian's); `now` is the clock of the impact figures.
  app.use('*', forgeAuth(opts.keys ? { keys: opts.keys } : {}));

  app.get('/impact/:key', async (c) => {
    const key = JiraKeySchema.safeParse(c.req.param('key').toUpperCase());
    if (!key.success) throw invalidInput(key.error, 'issue key');
    // In the issue view Jira signs which issue is open: the panel of one issue cannot read another's.
    const signed = c.var.forge.contextIssueKey;
    if (signed && signed.toUpperCase() !== key.data)
      throw apiError(403, 'forbidden', `this panel is open on ${signed}, not ${key.data}`);
    const tenantId = c.var.tenantId;
    const detail = await bugDetail(jiraStoreOf(c.var.stores), tenantId, key.data, new Date(now()));
    if (!detail)
      throw apiError(
        404,
        'not_linked',
        `no support case is linked to ${key.data} yet: link one from the Zendesk ticket (Support Metrics sidebar, "Link a bug") or put ${key.data} in the ticket's Jira field`,
      );
    const ticketUrl = ticketUrlFor(
      c.var.config,
      tenantId,
      await c.var.stores.tenants.tenantSettings(tenantId),
    );
    return c.json({ ...detail, cases: detail.cases.map((k) => ({ ...k, url: ticketUrl(k.caseId) })) });
  });

  app.get('/bugs', async (c) => c.json(await rankedBugsOf(c, new Date(now()))));

  app.post('/events', async (c) => {
    const api = systemApi(c, jiraApiOf);
    const body: unknown = await c.req.json().catch(() => {
      throw apiError(400, 'malformed_json', 'the body is not JSON');
    });
    const type = (body as { eventType?: unknown } | null)?.eventType;
    if (typeof type === 'string' && !FORGE_EVENTS.has(type))
      return c.json({ status: 'ignored', reason: `${type} is not used` });
    const parsed = ForgeJiraEventSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'Forge event');
    const event = parsed.data;
    const tenantId = c.var.tenantId;
    const settings = (await c.var.stores.tenants.tenantSettings(tenantId)) ?? {};
    const ticketField = typeof settings.jiraTicketField === 'string' ? settings.jiraTicketField : null;

    // The same shape as the webhook's, so that one planner applies both (and the same bounds hold).
    let webhook: unknown;
    if (event.eventType === 'avi:jira:released:version')
      webhook = { webhookEvent: 'jira:version_released', version: event.version };
    else if (event.eventType === 'avi:jira:deleted:issue')
      webhook = { webhookEvent: 'jira:issue_deleted', issue: { fields: {}, ...event.issue } };
    else {
      let issue: unknown;
      try {
        issue = await api.getIssue(event.issue.key, ticketField ? [ticketField] : []);
      } catch (e) {
        if (isNotFoundError(e)) return c.json({ status: 'ignored', reason: `${event.issue.key} is gone` });
        // Jira failing us (5xx, 429, timeout, a proxy's page) is not the trigger's fault: nothing was applied, and
        // Forge retries a trigger whose remote answers 5xx.
        const wait = Math.ceil(((e as { retryAfterMs?: number }).retryAfterMs ?? 60_000) / 1000);
        throw apiError(
          503,
          'upstream_unavailable',
          `Jira did not give the issue ${event.issue.key}: ${(e as Error)?.name ?? 'error'}; retry later`,
          undefined,
          { 'retry-after': String(wait) },
        );
      }
      const changelog = event.changelog as { items?: unknown } | undefined;
      webhook = {
        webhookEvent:
          event.eventType === 'avi:jira:created:issue' ? 'jira:issue_created' : 'jira:issue_updated',
        issue,
        ...(Array.isArray(changelog?.items) ? { changelog } : {}),
      };
    }
    const applied = JiraWebhookSchema.safeParse(webhook);
    if (!applied.success) throw invalidInput(applied.error, 'Jira issue');

    const at = new Date(now()).toISOString();
    const jira = jiraStoreOf(c.var.stores);
    const { outcome, statements } = await planJiraEvent(
      { tenantId, store: jira, at, ticketField },
      applied.data,
    );
    // Forge retries a trigger with the same token: its id (signed) marks the delivery once.
    const tokenId = c.var.forge.tokenId;
    try {
      await c.var.stores.db.batch([
        ...(tokenId ? [jira.processed(tenantId, `forge:${tokenId}`, at)] : []),
        ...statements,
      ]);
    } catch (e) {
      if (isUniqueViolation(e)) return c.json({ status: 'duplicate' });
      throw e;
    }
    drainAsApp(c, api, opts);
    return c.json(outcome);
  });

  app.post('/refresh', (c) => {
    drainAsApp(c, systemApi(c, jiraApiOf), opts);
    return c.json({ status: 'scheduled' });
  });
  return app;
}

/** The invocation's app API; an endpoint without `appSystemToken` in manifest.yml cannot write. */
function systemApi(
  c: Context<ForgeEnv>,
  jiraApiOf: NonNullable<ForgeRoutesOptions['jiraApi']>,
): ForgeJiraApi {
  const systemToken = c.var.systemToken;
  if (!systemToken)
    throw apiError(401, 'invalid_token', 'no app system token (x-forge-oauth-system): enable appSystemToken');
  return jiraApiOf({ apiBaseUrl: c.var.forge.apiBaseUrl, systemToken });
}

/** Writes the tenant's pending impact as the app, after the answer (Forge waits for no one). */
function drainAsApp(c: Context<ForgeEnv>, api: ForgeJiraApi, opts: ForgeRoutesOptions) {
  const tenantId = c.var.tenantId;
  const run = (async () => {
    const settings = (await c.var.stores.tenants.tenantSettings(tenantId)) ?? {};
    await runJiraJobs({
      stores: c.var.stores,
      config: c.var.config,
      at: new Date((opts.now ?? Date.now)()),
      ...(opts.notes ? { notes: opts.notes } : {}),
      forge: { tenantId, api, comment: settings.jiraImpactComment === true },
    });
  })();
  c.executionCtx.waitUntil(run);
}
