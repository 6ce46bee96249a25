import { SignatureError, type TicketNotesFor, ticketUrlFor } from '@support-metrics/platform';
import { type Context, Hono } from 'hono';
import { chartUrlMaker } from '../charts/chart-service.js';
import { createBoltApp, requestAuth } from '../receiver/bolt-app.js';
import { resolveSlackAuth, type SlackAuth } from '../services/slack-client.js';
import type { SlackDeps } from '../services/slack-deps.js';
import { slackStoreOf } from '../store/slack-store.js';
import { chartRoutes } from './chart-routes.js';
import { installRoutes } from './install-routes.js';
import { type SlackRequestEnv, slackRequest } from './slack-request-middleware.js';

export interface SlackRoutesOptions {
  /** fetch for Slack's API and response URLs (tests give msw's). */
  fetch?: typeof fetch;
  /** The clock, in ms. */
  now?: () => number;
  /** Internal notes on helpdesk tickets for a tenant (the worker wires the Zendesk API); null when not configured. */
  ticketNotes?: TicketNotesFor;
}

/** `waitUntil` of the request, or nothing to wait for outside a worker (in-process tests). */
export function waitUntilOf(c: Context): (p: Promise<unknown>) => void {
  return (p) => {
    try {
      c.executionCtx.waitUntil(p);
    } catch {
      p.catch(() => {});
    }
  };
}

/**
 * Slack's routes: `POST /slack/events` (slash commands, interactivity and the Events API on one URL) and the
 * OAuth install (`GET /slack/install`, `GET /slack/oauth_redirect`). A request is verified on its raw body and read
 * (slackRequest: signature, 5-minute window, the payload's schema), marked so it is never applied twice, then handed
 * to bolt, which answers within Slack's 3 s.
 *
 * @example app.route('/', slackRoutes({ ticketNotes }))
 */
export function slackRoutes(opts: SlackRoutesOptions = {}) {
  const routes = new Hono<SlackRequestEnv>();
  const now = opts.now ?? Date.now;
  let bolt: ReturnType<typeof createBoltApp> | undefined;

  // The request verified and read (slackRequest), then: its workspace's tenant and token, the replay marks, bolt.
  routes.post('/slack/events', slackRequest({ now }), async (c) => {
    const { config, stores } = c.var;
    const { signature, body, teamId } = c.var.slack;
    const slackStore = slackStoreOf(stores);
    const auth: SlackAuth | null = await resolveSlackAuth(config, slackStore, { teamId });
    if (!auth) {
      // A workspace that signs with our secret but was never installed (or was uninstalled).
      if (typeof body.command === 'string')
        return c.json({
          response_type: 'ephemeral',
          text: 'This workspace is not connected to Support Metrics yet: ask an admin to install the app.',
        });
      return c.body(null, 200);
    }
    // The same signed request twice is a replay: only Slack's own retries (new signatures) get through.
    const at = new Date(now()).toISOString();
    if (!(await stores.cases.markProcessed(auth.tenantId, 'slack-request', signature, at)))
      throw new SignatureError('replayed request');
    // Events API redeliveries carry the same event_id: handled once.
    if (body.type === 'event_callback' && typeof body.event_id === 'string')
      if (!(await stores.cases.markProcessed(auth.tenantId, 'slack-event', body.event_id, at)))
        return c.body(null, 200);

    requestAuth.set(body, {
      botToken: auth.botToken,
      ...(auth.botUserId ? { botUserId: auth.botUserId } : {}),
      teamId,
    });
    const settings = await stores.tenants.tenantSettings(auth.tenantId);
    const deps: SlackDeps = {
      tenantId: auth.tenantId,
      teamId,
      stores,
      slackStore,
      config,
      now: () => new Date(now()),
      notes: opts.ticketNotes?.(config, auth.tenantId, settings ?? {}) ?? null,
      ticketUrl: ticketUrlFor(config, auth.tenantId, settings),
      jiraBaseUrl: jiraBaseUrlOf(settings),
      chartUrl: chartUrlMaker(config, new URL(c.req.url).origin, now),
      waitUntil: waitUntilOf(c),
    };
    bolt ??= createBoltApp({ fetch: opts.fetch });
    const retry = c.req.header('x-slack-retry-num');
    return bolt.receiver.dispatch(body, {
      ...(retry ? { retryNum: Number(retry), retryReason: c.req.header('x-slack-retry-reason') } : {}),
      customProperties: { sm: deps },
      waitUntil: deps.waitUntil,
    });
  });

  routes.route('/slack', installRoutes({ fetch: opts.fetch, now }));
  routes.route('/slack', chartRoutes({ now }));
  return routes;
}

/** The Jira site of a tenant (setting `jiraBaseUrl`), for links to issues. */
export function jiraBaseUrlOf(settings: Record<string, unknown> | null): string | null {
  const v = settings?.jiraBaseUrl;
  return typeof v === 'string' && /^https:\/\//.test(v) ? v : null;
}
