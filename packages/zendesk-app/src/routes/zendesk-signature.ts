import { type AppEnv, tenantWebhook, verifiedJson } from '@support-metrics/platform';
import { createMiddleware } from 'hono/factory';
import { verifyZendeskSignature } from '../webhook/webhook-signature.js';

/** What a verified Zendesk delivery puts on the context for the handlers after it. */
export interface ZendeskDelivery {
  /** The tenant of the route (`/t/:tenant/…`, else the worker's default tenant). */
  tenantId: string;
  /** The tenant's settings, credentials opened (its Zendesk account, write-back). */
  settings: Record<string, unknown>;
  /** The verified signature: known per delivery, so the same signed bytes are applied once. */
  signature: string;
  /** The body parsed as JSON from the verified bytes (strict UTF-8, no lone surrogates). */
  body: unknown;
}

export type ZendeskWebhookEnv = AppEnv & { Variables: AppEnv['Variables'] & { zendesk: ZendeskDelivery } };

/**
 * Verifies a Zendesk webhook before anything reads it: the tenant's signing secret (or the install's trigger webhook
 * secret), the signature over the timestamp and the raw bytes, the timestamp within the tolerance — 401 otherwise —
 * then decodes and parses the verified bytes (400 `invalid_encoding`, 400 `malformed_json`). Why not hono's
 * `zValidator('json')`: it would parse the body again with plain `JSON.parse`, and the verified bytes are parsed
 * once, strictly, here; the schema step that follows is `zendeskWebhookBody()`.
 *
 * @example app.post('/zendesk/webhooks', zendeskSignature(), zendeskWebhookBody(), handler)
 */
export const zendeskSignature = (opts: { now?: () => number } = {}) =>
  createMiddleware<ZendeskWebhookEnv>(async (c, next) => {
    const tenantId = c.req.param('tenant') ?? c.var.config.DEFAULT_TENANT;
    const { settings, secret, rawBody } = await tenantWebhook(c, tenantId, {
      setting: 'zendeskWebhookSecret',
      global: 'ZENDESK_WEBHOOK_SECRET',
    });
    // The install's second webhook (the closed-record trigger's) has a signing secret of its own.
    const triggerSecret = settings.zendeskTriggerWebhookSecret;
    const signature = await verifyZendeskSignature({
      secret: typeof triggerSecret === 'string' && triggerSecret ? [secret, triggerSecret] : secret,
      signature: c.req.header('x-zendesk-webhook-signature'),
      timestamp: c.req.header('x-zendesk-webhook-signature-timestamp'),
      rawBody,
      now: (opts.now ?? Date.now)(),
      toleranceSeconds: c.var.config.WEBHOOK_TOLERANCE_SECONDS,
    });
    const body = verifiedJson(rawBody);
    c.set('zendesk', { tenantId, settings, signature, body });
    await next();
  });
