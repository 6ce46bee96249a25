import type { TicketNotesFor } from '@support-metrics/platform';
import {
  type AppEnv,
  apiError,
  bearerAuth,
  invalidInput,
  NotConfiguredError,
  ticketUrlFor,
} from '@support-metrics/platform';
import { Hono } from 'hono';
import { z } from 'zod';
import { chartUrlMaker } from '../charts/chart-service.js';
import { INSTALL_STATE_TTL_MS, signInstallState } from '../install/install-state.js';
import { refreshHomes } from '../services/home-service.js';
import { resolveSlackAuth, webClient } from '../services/slack-client.js';
import { slackErrorCode, startSwarm } from '../services/swarm-service.js';
import { slackStoreOf } from '../store/slack-store.js';
import { requireOAuth } from './install-routes.js';
import { requireSlack } from './require-slack.js';
import { jiraBaseUrlOf, waitUntilOf } from './slack-routes.js';

/** Body of `POST /api/swarms`: the case, and the agent starting it (the sidebar sends the current user). */
export const StartSwarmSchema = z.object({
  caseId: z.string().min(1).max(64),
  startedBy: z
    .object({ name: z.string().max(200).nullable().optional(), email: z.email().nullable().optional() })
    .default({}),
});

/**
 * The tenant's Slack API (bearer token): `POST /api/swarms` starts a swarm (the Zendesk sidebar's button) and
 * `POST /api/slack/install-url` makes a one-time link that installs the Slack app for this tenant.
 *
 * @example app.route('/api', slackApiRoutes())
 */
export function slackApiRoutes(
  opts: { fetch?: typeof fetch; now?: () => number; ticketNotes?: TicketNotesFor } = {},
) {
  const api = new Hono<AppEnv>();
  const now = opts.now ?? Date.now;
  api.use('*', bearerAuth());

  api.post('/swarms', async (c) => {
    const { config, stores, tenantId } = c.var;
    requireSlack(config);
    const parsed = StartSwarmSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw invalidInput(parsed.error, 'swarm');
    const slackStore = slackStoreOf(stores);
    const auth = await resolveSlackAuth(config, slackStore, { tenantId });
    if (!auth)
      throw new NotConfiguredError(['the Slack app installed for this tenant (POST /api/slack/install-url)']);
    const settings = (await stores.tenants.tenantSettings(tenantId)) ?? {};
    const client = webClient(auth.botToken, opts.fetch);
    // A signed sidebar request: who started it is the agent its verified token names, not what the body says.
    const { name, email } = c.var.agent ?? parsed.data.startedBy;
    const slackUserId = email
      ? await client.users.lookupByEmail({ email }).then(
          (r) => r.user?.id ?? null,
          () => null,
        )
      : null;
    try {
      const result = await startSwarm(
        {
          tenantId,
          stores,
          slackStore,
          client,
          now: () => new Date(now()),
          notes: opts.ticketNotes?.(config, tenantId, settings) ?? null,
          ticketUrl: ticketUrlFor(config, tenantId, settings),
        },
        {
          caseId: parsed.data.caseId,
          startedBy: { slackUserId, label: name ?? email ?? 'the Zendesk sidebar' },
        },
      );
      if (result.kind === 'not_found') throw apiError(404, 'not_found', `no case ${parsed.data.caseId}`);
      // The Home tabs of the people now in the swarm show it (after the answer).
      waitUntilOf(c)(
        refreshHomes(
          {
            tenantId,
            teamId: auth.teamId ?? null,
            stores,
            slackStore,
            now: () => new Date(now()),
            jiraBaseUrl: jiraBaseUrlOf(settings),
            chartUrl: chartUrlMaker(config, new URL(c.req.url).origin, now),
          },
          client,
          [slackUserId, ...result.experts.map((e) => e.slackUserId)],
        ),
      );
      return c.json(
        {
          kind: result.kind,
          channel: { id: result.channelId, name: result.channelName },
          url: `https://slack.com/app_redirect?channel=${result.channelId}${auth.teamId ? `&team=${auth.teamId}` : ''}`,
          experts: result.experts.map((e) => ({
            name: e.agent.name,
            reason: e.reason,
            inSlack: e.slackUserId !== null,
          })),
        },
        result.kind === 'started' ? 201 : 200,
      );
    } catch (e) {
      const code = slackErrorCode(e);
      if (code) throw apiError(502, 'slack_error', `Slack answered ${code}`);
      throw e;
    }
  });

  api.post('/slack/install-url', async (c) => {
    const { stateSecret } = requireOAuth(c.var.config);
    const expiresAt = now() + INSTALL_STATE_TTL_MS;
    const state = await signInstallState(stateSecret, {
      tenantId: c.var.tenantId,
      nonce: crypto.randomUUID(),
      expiresAt,
    });
    const url = new URL('/slack/install', c.req.url);
    url.searchParams.set('state', state);
    return c.json({ url: url.toString(), expiresAt: new Date(expiresAt).toISOString() }, 201);
  });
  return api;
}
