import { type AppEnv, invalidInput, tenantWebhook, verifiedJson } from '@support-metrics/platform';
import { createMiddleware } from 'hono/factory';
import { HANDLED_EVENTS, type JiraWebhook, JiraWebhookSchema } from '../webhook/jira-payload-schema.js';
import { verifyJiraSignature } from '../webhook/jira-signature.js';

/** What a verified Jira delivery puts on the context for the handlers after it. */
export interface JiraDelivery {
  /** The tenant of the route (`/t/:tenant/…`, else the worker's default tenant). */
  tenantId: string;
  /** The tenant's settings, credentials opened (its ticket field). */
  settings: Record<string, unknown>;
  /** The verified X-Hub-Signature: marked with the delivery, so the same signed bytes are applied once. */
  signature: string;
  /** The body parsed as JSON from the verified bytes. */
  body: unknown;
}

export type JiraWebhookEnv = AppEnv & {
  Variables: AppEnv['Variables'] & { jira: JiraDelivery; webhook: JiraWebhook };
};

/**
 * Verifies a Jira webhook before anything reads it: the tenant's secret (`jiraWebhookSecret`, or JIRA_WEBHOOK_SECRET for
 * the default tenant), the X-Hub-Signature HMAC over the raw bytes (401 otherwise), then strict UTF-8 and JSON (400).
 * Not hono's `zValidator('json')`: the verified bytes are parsed once, strictly, here.
 *
 * @example app.post('/jira/webhooks', jiraSignature(), jiraWebhookBody(), handler)
 */
export const jiraSignature = () =>
  createMiddleware<JiraWebhookEnv>(async (c, next) => {
    const tenantId = c.req.param('tenant') ?? c.var.config.DEFAULT_TENANT;
    const { settings, secret, rawBody } = await tenantWebhook(c, tenantId, {
      setting: 'jiraWebhookSecret',
      global: 'JIRA_WEBHOOK_SECRET',
    });
    const signature = await verifyJiraSignature({ secret, header: c.req.header('x-hub-signature'), rawBody });
    const body = verifiedJson(rawBody);
    c.set('jira', { tenantId, settings, signature, body });
    await next();
  });

/**
 * The schema step, after jiraSignature(): an event the bridge does not use is acknowledged (`ignored`, 200) without
 * reading it further; any other body is a JiraWebhook on the context (`c.var.webhook`), or 400 with the issue paths.
 */
export const jiraWebhookBody = () =>
  createMiddleware<JiraWebhookEnv>(async (c, next) => {
    const { body } = c.var.jira;
    const event = (body as { webhookEvent?: unknown } | null)?.webhookEvent;
    if (typeof event === 'string' && !HANDLED_EVENTS.has(event))
      return c.json({ status: 'ignored', reason: `${event} is not used` });
    const parsed = JiraWebhookSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'Jira webhook');
    c.set('webhook', parsed.data);
    await next();
  });
