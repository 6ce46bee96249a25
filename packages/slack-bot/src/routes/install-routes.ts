import { type AppEnv, NotConfiguredError, type WorkerConfig } from '@support-metrics/platform';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { SLACK_SECRETS } from '../config.js';
import { readInstallState } from '../install/install-state.js';
import { BOT_SCOPES } from '../install/scopes.js';
import { encryptToken } from '../install/token-crypto.js';
import { webClient } from '../services/slack-client.js';
import { slackStoreOf } from '../store/slack-store.js';

/** OAuth needs all three; a single-workspace install has nothing to install. */
export function requireOAuth(config: WorkerConfig) {
  const {
    SLACK_CLIENT_ID: clientId,
    SLACK_CLIENT_SECRET: clientSecret,
    SLACK_STATE_SECRET: stateSecret,
  } = config;
  if (!clientId || !clientSecret || !stateSecret) throw new NotConfiguredError(SLACK_SECRETS.oauth);
  return { clientId, clientSecret, stateSecret };
}

const page = (title: string, message: string, status: 200 | 400 = 200) =>
  new Response(
    html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto"><h1>${title}</h1><p>${message}</p></body></html>`.toString(),
    { status, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );

/**
 * The multi-workspace install: `GET /slack/install?state=…` (a link made by `POST /api/slack/install-url` with the
 * tenant's token) sends the admin to Slack's consent screen; `GET /slack/oauth_redirect` exchanges the code
 * (oauth.v2.access) and stores the bot token encrypted for that tenant. A state is signed, expires in 10 minutes
 * and works once.
 */
export function installRoutes(opts: { fetch?: typeof fetch; now: () => number }) {
  const routes = new Hono<AppEnv>();
  const redirectUri = (url: string) => new URL('/slack/oauth_redirect', url).toString();

  routes.get('/install', async (c) => {
    const { clientId, stateSecret } = requireOAuth(c.var.config);
    const state = c.req.query('state') ?? '';
    if (!(await readInstallState(stateSecret, state, opts.now())))
      return page(
        'Install link expired',
        'Ask for a new install link: POST /api/slack/install-url with your tenant token.',
        400,
      );
    const authorize = new URL('https://slack.com/oauth/v2/authorize');
    authorize.searchParams.set('client_id', clientId);
    authorize.searchParams.set('scope', BOT_SCOPES.join(','));
    authorize.searchParams.set('state', state);
    authorize.searchParams.set('redirect_uri', redirectUri(c.req.url));
    return c.redirect(authorize.toString(), 302);
  });

  routes.get('/oauth_redirect', async (c) => {
    const { clientId, clientSecret, stateSecret } = requireOAuth(c.var.config);
    const state = await readInstallState(stateSecret, c.req.query('state') ?? '', opts.now());
    if (!state) return page('Install link expired', 'Start the install again with a new link.', 400);
    if (c.req.query('error')) return page('Install cancelled', 'Nothing was installed.', 400);
    const code = c.req.query('code');
    if (!code) return page('Install failed', 'Slack sent no code.', 400);
    const at = new Date(opts.now()).toISOString();
    if (!(await c.var.stores.cases.markProcessed(state.tenantId, 'slack-install-state', state.nonce, at)))
      return page('Install link used', 'This install link was used already; ask for a new one.', 400);
    const access = await webClient(undefined, opts.fetch)
      .oauth.v2.access({
        client_id: clientId,
        client_secret: clientSecret,
        code,
        redirect_uri: redirectUri(c.req.url),
      })
      .catch(() => null);
    if (!access?.ok || !access.access_token || !access.team?.id)
      return page('Install failed', 'Slack did not accept the install. Try again.', 400);
    await slackStoreOf(c.var.stores).saveInstallation(
      {
        tenantId: state.tenantId,
        teamId: access.team.id,
        enterpriseId: access.enterprise?.id ?? null,
        botUserId: access.bot_user_id ?? null,
        botTokenEnc: await encryptToken(stateSecret, access.access_token),
      },
      at,
    );
    return page(
      'Support Metrics is installed',
      `Installed in ${access.team.name ?? access.team.id}. Try /support-metrics in Slack.`,
    );
  });
  return routes;
}
