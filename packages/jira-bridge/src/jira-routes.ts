import {
  type AppEnv,
  apiError,
  invalidInput,
  isUniqueViolation,
  parseWebhookJson,
  tenantWebhook,
  webhookText,
} from '@support-metrics/platform';
import { type Context, Hono } from 'hono';
import { jiraStoreOf } from './services/jira-store.js';
import { planJiraEvent } from './webhook/apply-jira-event.js';
import { HANDLED_EVENTS, JiraWebhookSchema } from './webhook/jira-payload-schema.js';
import { verifyJiraSignature } from './webhook/jira-signature.js';

export interface JiraRoutesOptions {
  /** The clock, in ms. */
  now?: () => number;
  /** Called after a delivery changed something (the worker drains the outbox then, under waitUntil). */
  onApplied?: (c: Context<AppEnv>, tenantId: string) => void;
}

/**
 * Jira's routes: `POST /jira/webhooks` (the default tenant) and `POST /t/:tenant/jira/webhooks`. A delivery is
 * verified (X-Hub-Signature) before anything is parsed, applied once (X-Atlassian-Webhook-Identifier is recorded in the
 * same transaction as the change), and an older snapshot of an issue never overwrites a newer one.
 *
 * @example app.route('/', jiraRoutes())
 */
export function jiraRoutes(opts: JiraRoutesOptions = {}) {
  const app = new Hono<AppEnv>();
  const now = opts.now ?? Date.now;

  const handle = async (c: Context<AppEnv>, tenantId: string) => {
    const { settings, secret, rawBody } = await tenantWebhook(c, tenantId, {
      setting: 'jiraWebhookSecret',
      global: 'JIRA_WEBHOOK_SECRET',
    });
    const signature = await verifyJiraSignature({ secret, header: c.req.header('x-hub-signature'), rawBody });

    const text = webhookText(rawBody);
    let json: unknown;
    try {
      json = parseWebhookJson(text);
    } catch {
      throw apiError(400, 'malformed_json', 'the body is not JSON');
    }
    const event = (json as { webhookEvent?: unknown } | null)?.webhookEvent;
    if (typeof event === 'string' && !HANDLED_EVENTS.has(event))
      return c.json({ status: 'ignored', reason: `${event} is not used` });
    const parsed = JiraWebhookSchema.safeParse(json);
    if (!parsed.success) throw invalidInput(parsed.error, 'Jira webhook');

    // Jira retries a delivery with the same identifier and the same signed body. The identifier is not signed, so the
    // verified signature is marked too: the same signed bytes with another identifier are a replay.
    const identifier = c.req.header('x-atlassian-webhook-identifier');
    const at = new Date(now()).toISOString();
    const jira = jiraStoreOf(c.var.stores);
    const { outcome, statements } = await planJiraEvent(
      {
        tenantId,
        store: jira,
        at,
        ticketField: typeof settings.jiraTicketField === 'string' ? settings.jiraTicketField : null,
      },
      parsed.data,
    );
    try {
      const marks = [jira.processed(tenantId, `hmac:${signature}`, at)];
      if (identifier) marks.push(jira.processed(tenantId, identifier, at));
      await c.var.stores.db.batch([...marks, ...statements]);
    } catch (e) {
      if (isUniqueViolation(e)) return c.json({ status: 'duplicate' });
      throw e;
    }
    if (outcome.status === 'applied') opts.onApplied?.(c, tenantId);
    return c.json(outcome);
  };

  app.post('/jira/webhooks', (c) => handle(c, c.var.config.DEFAULT_TENANT));
  app.post('/t/:tenant/jira/webhooks', (c) => handle(c, c.req.param('tenant')));
  return app;
}
