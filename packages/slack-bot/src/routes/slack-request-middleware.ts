import { type AppEnv, apiError, invalidInput, readWebhookBody, webhookText } from '@support-metrics/platform';
import { createMiddleware } from 'hono/factory';
import { slackPayloadIssues } from '../request/slack-payload-schema.js';
import { parseSlackBody, teamOf, verifySlackSignature } from '../request/slack-request.js';
import { requireSlack } from './require-slack.js';

/** What a verified Slack request puts on the context for the handler after it. */
export interface SlackRequest {
  /** The verified signature, in its one strict form: what the replay mark keys on. */
  signature: string;
  /** The payload (form or JSON), checked against the schema of what the listeners read. */
  body: Record<string, unknown>;
  /** The workspace the payload names. */
  teamId: string;
}

export type SlackRequestEnv = AppEnv & { Variables: AppEnv['Variables'] & { slack: SlackRequest } };

/**
 * Verifies a request from Slack before anything reads it (Slack configured, else 503; the v0 signature over the raw
 * bytes within 5 minutes, else 401), then reads the payload: strict UTF-8, a form or JSON body, the URL verification
 * challenge and SSL check answered here, the fields the listeners read checked (400 with the paths), the workspace named.
 *
 * @example routes.post('/slack/events', slackRequest(), handler)
 */
export const slackRequest = (opts: { now?: () => number } = {}) =>
  createMiddleware<SlackRequestEnv>(async (c, next) => {
    const signingSecret = requireSlack(c.var.config);
    const rawBody = await readWebhookBody(c);
    const signature = await verifySlackSignature({
      signingSecret,
      signature: c.req.header('x-slack-signature'),
      timestamp: c.req.header('x-slack-request-timestamp'),
      rawBody,
      now: (opts.now ?? Date.now)(),
    });
    const text = webhookText(rawBody);
    let body: Record<string, unknown>;
    try {
      body = parseSlackBody(text, c.req.header('content-type'));
    } catch {
      throw apiError(400, 'invalid_input', 'the body is not a Slack form or JSON payload');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw apiError(400, 'invalid_input', 'the body is not a Slack payload');
    if (body.type === 'url_verification' && typeof body.challenge === 'string')
      return c.json({ challenge: body.challenge });
    if (body.ssl_check === '1') return c.body(null, 200);
    const issues = slackPayloadIssues(body);
    if (issues) throw invalidInput(issues, 'Slack payload');
    const { teamId } = teamOf(body);
    if (!teamId) throw apiError(400, 'invalid_input', 'the payload names no workspace (team_id)');
    c.set('slack', { signature, body, teamId });
    await next();
  });
