import { isUniqueViolation } from '@support-metrics/platform';
import { type Context, Hono } from 'hono';
import { jiraStoreOf } from '../store/jira-store.js';
import { planJiraEvent } from '../webhook/apply-jira-event.js';
import { type JiraWebhookEnv, jiraSignature, jiraWebhookBody } from './jira-webhook-middleware.js';

export interface JiraRoutesOptions {
  /** The clock, in ms. */
  now?: () => number;
  /** Called after a delivery changed something (the worker drains the outbox then, under waitUntil). */
  onApplied?: (c: Context<JiraWebhookEnv>, tenantId: string) => void;
}

/**
 * Jira's routes: `POST /jira/webhooks` (the default tenant) and `POST /t/:tenant/jira/webhooks`. A delivery is
 * verified (jiraSignature: X-Hub-Signature) before anything is parsed, read against its schema (jiraWebhookBody), applied once (X-Atlassian-Webhook-Identifier is recorded in the
 * same transaction as the change), and an older snapshot of an issue never overwrites a newer one.
 *
 * @example app.route('/', jiraRoutes())
 */
export function jiraRoutes(opts: JiraRoutesOptions = {}) {
  const app = new Hono<JiraWebhookEnv>();
  const now = opts.now ?? Date.now;

  const handler = async (c: Context<JiraWebhookEnv>) => {
    const { tenantId, settings, signature } = c.var.jira;
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
      c.var.webhook,
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

  app.post('/jira/webhooks', jiraSignature(), jiraWebhookBody(), handler);
  app.post('/t/:tenant/jira/webhooks', jiraSignature(), jiraWebhookBody(), handler);
  return app;
}
