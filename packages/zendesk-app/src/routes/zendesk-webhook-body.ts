import { invalidInput } from '@support-metrics/platform';
import { createMiddleware } from 'hono/factory';
import { ORGANIZATION_EVENT_PREFIX } from '../webhook/organization-events.js';
import {
  type EventWebhook,
  EventWebhookSchema,
  type TriggerWebhook,
  TriggerWebhookSchema,
} from '../webhook/webhook-payload-schema.js';
import type { ZendeskWebhookEnv } from './zendesk-signature.js';

/**
 * Every body the Zendesk webhook route takes, by what it is: a ticket event (`zen:event-type:ticket.*` and the other
 * event types), an organisation event (`zen:event-type:organization.*`), or the JSON body of a trigger (no `type`).
 */
export type ZendeskWebhook =
  | { kind: 'ticket-event'; event: EventWebhook }
  | { kind: 'organization-event'; event: EventWebhook }
  | { kind: 'trigger'; trigger: TriggerWebhook };

const isEventEnvelope = (body: unknown) =>
  typeof body === 'object' &&
  body !== null &&
  String((body as { type?: unknown }).type ?? '').startsWith('zen:event-type:');

/**
 * A verified body as the one ZendeskWebhook it is: an event envelope (its `type` says so) against EventWebhookSchema,
 * anything else against TriggerWebhookSchema. 400 `invalid_input` with the zod issue paths of that schema (paths as
 * in the body, which a plain `z.union` would not give: it reports every branch).
 *
 * @example parseZendeskWebhook(JSON.parse(body)).kind // 'ticket-event'
 */
export function parseZendeskWebhook(body: unknown): ZendeskWebhook {
  if (isEventEnvelope(body)) {
    const parsed = EventWebhookSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'event webhook');
    const event = parsed.data;
    return event.type.startsWith(ORGANIZATION_EVENT_PREFIX)
      ? { kind: 'organization-event', event }
      : { kind: 'ticket-event', event };
  }
  const parsed = TriggerWebhookSchema.safeParse(body);
  if (!parsed.success) throw invalidInput(parsed.error, 'trigger webhook');
  return { kind: 'trigger', trigger: parsed.data };
}

export type ZendeskBodyEnv = ZendeskWebhookEnv & {
  Variables: ZendeskWebhookEnv['Variables'] & { webhook: ZendeskWebhook };
};

/**
 * The schema step of the Zendesk webhook route, after zendeskSignature(): the verified body as a ZendeskWebhook on
 * the context (`c.var.webhook`), or 400 with the issue paths.
 *
 * @example app.post('/zendesk/webhooks', zendeskSignature(), zendeskWebhookBody(), handler)
 */
export const zendeskWebhookBody = () =>
  createMiddleware<ZendeskBodyEnv>(async (c, next) => {
    c.set('webhook', parseZendeskWebhook(c.var.zendesk.body));
    await next();
  });
