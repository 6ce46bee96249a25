import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import viewSubmission from '@shared-data/slack/view_submission_payload.json';
import {
  type AppEnv,
  type Bindings,
  notFound,
  onError,
  type PlatformPlugins,
  platform,
  type TicketNotes,
} from '@support-metrics/platform';
import { BASE, bytesOf, hmacHex } from '@support-metrics/platform/test-support';
import { Hono } from 'hono';
import { createSlackMock } from '../mocks.js';
import { slackApiRoutes } from '../routes/slack-api-routes.js';
import { slackRoutes } from '../routes/slack-routes.js';

export const SLACK_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

/** `v0=` + hex HMAC-SHA256(secret, `v0:{ts}:{body}`), as Slack signs. */
export async function slackSignature(secret: string, ts: string, body: string | Uint8Array): Promise<string> {
  return `v0=${await hmacHex(secret, bytesOf(`v0:${ts}:`, body))}`;
}

/** The form body of a `/support-metrics` slash command, as Slack sends it. */
export function commandBody(text: string, over: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'verification_token',
    team_id: 'T111',
    team_domain: 'test-domain',
    channel_id: 'C111',
    channel_name: 'support',
    user_id: 'W111',
    user_name: 'lead',
    command: '/support-metrics',
    text,
    response_url: 'https://hooks.slack.com/commands/T111/111/xxxxx',
    trigger_id: '111.111.xxx',
    ...over,
  }).toString();
}

/**
 * A Slack test harness: the plugin's routes over msw's Slack, a settable clock, captured ticket notes, on the platform
 * with the plugins' parts the caller wires (the worker's, or slack-bot's tests' own).
 */
export function slackHarness(
  users: { id: string; email: string; name: string; tz?: string }[] = [],
  plugins: PlatformPlugins = {},
) {
  const slack = createSlackMock({ users });
  const clock = { now: Date.now() };
  const notes: { ticketId: string; body: string }[] = [];
  let notesFail = 0;
  const ticketNotes = (): TicketNotes => ({
    async addInternalNote(ticketId, body) {
      if (notesFail > 0) {
        notesFail--;
        throw new Error('Zendesk is down');
      }
      notes.push({ ticketId, body });
    },
  });
  const app = new Hono<AppEnv>();
  app.use('*', platform(plugins));
  const opts = { fetch: slack.fetch, now: () => clock.now, ticketNotes };
  app.route('/api', slackApiRoutes(opts));
  app.route('/', slackRoutes(opts));
  app.onError(onError);
  app.notFound(notFound);

  async function send(path: string, init: RequestInit, bindings: Partial<Bindings> = {}) {
    const ctx = createExecutionContext();
    const res = await app.request(`${BASE}${path}`, init, { ...env, ...bindings }, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  }

  /**
   * Like send, but answers as soon as the route does (the ack), with `done` settling when the work the listener
   * left under waitUntil has finished.
   */
  function sendEarly(path: string, init: RequestInit, bindings: Partial<Bindings> = {}) {
    const ctx = createExecutionContext();
    const response = Promise.resolve(app.request(`${BASE}${path}`, init, { ...env, ...bindings }, ctx));
    const done = response.then(() => waitOnExecutionContext(ctx));
    return { response, done };
  }

  /** A slash command whose ack the test sees before the listener's later work is done (see sendEarly). */
  async function commandEarly(text: string, over: Record<string, string> = {}) {
    const body = commandBody(text, over);
    const ts = String(Math.floor(clock.now / 1000));
    return sendEarly('/slack/events', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': ts,
        'x-slack-signature': await slackSignature(SLACK_SECRET, ts, body),
      },
      body,
    });
  }

  /** A signed request to /slack/events: a slash command (form), an interaction (payload=), or an event (JSON). */
  async function signed(
    body: string | Uint8Array,
    contentType: string,
    o: { secret?: string; ts?: string; bindings?: Partial<Bindings>; signature?: string } = {},
  ) {
    const ts = o.ts ?? String(Math.floor(clock.now / 1000));
    return send(
      '/slack/events',
      {
        method: 'POST',
        headers: {
          'content-type': contentType,
          'x-slack-request-timestamp': ts,
          'x-slack-signature': o.signature ?? (await slackSignature(o.secret ?? SLACK_SECRET, ts, body)),
        },
        body,
      },
      o.bindings,
    );
  }

  const command = (text: string, over: Record<string, string> = {}, bindings?: Partial<Bindings>) =>
    signed(commandBody(text, over), 'application/x-www-form-urlencoded', { bindings });

  const interaction = (payload: unknown, bindings?: Partial<Bindings>) =>
    signed(`payload=${encodeURIComponent(JSON.stringify(payload))}`, 'application/x-www-form-urlencoded', {
      bindings,
    });

  /** Submits a modal as Slack does (the real view_submission payload, one second later: Slack signs each anew). */
  const submitView = (view: {
    callback_id: string;
    private_metadata?: string;
    values: Record<string, unknown>;
  }) => {
    clock.now += 1_000;
    return interaction({
      ...viewSubmission,
      team: { ...(viewSubmission.team as object), id: 'T111' },
      view: {
        ...(viewSubmission.view as object),
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: view.values },
      },
    });
  };

  return {
    slack,
    clock,
    notes,
    failNotes: (n: number) => {
      notesFail = n;
    },
    send,
    sendEarly,
    signed,
    command,
    commandEarly,
    interaction,
    submitView,
  };
}
