import {
  type Case,
  CaseSchema,
  normaliseZendeskTicket,
  ZendeskTicketMetricSchema,
  ZendeskTicketSchema,
} from '@support-metrics/core';
import {
  type AppEnv,
  apiError,
  invalidInput,
  parseWebhookJson,
  type SaveResult,
  StaleCaseError,
  tenantWebhook,
  type WorkerConfig,
  webhookText,
} from '@support-metrics/platform';
import { type Context, Hono } from 'hono';
import { ZodError } from 'zod';
import type { ZendeskApi } from '../zendesk-api/zendesk-api.js';
import { applyOrganizationEvent, ORGANIZATION_EVENT_PREFIX } from './organization-events.js';
import { applyTicketEvent, applyTriggerWebhook, type TicketChange } from './ticket-events.js';
import { EventWebhookSchema, TriggerWebhookSchema } from './webhook-payload-schema.js';
import { verifyZendeskSignature } from './webhook-signature.js';
import { writeBackUpdate } from './write-back.js';
import {
  upstreamUnavailable,
  type ZendeskCredentials,
  zendeskApiFor,
  zendeskApiMissing,
  zendeskFailed,
} from './zendesk-account.js';

const SOURCE = 'zendesk-webhook';

export interface ZendeskRoutesOptions {
  /** The Zendesk API of an account (zendeskApiOf). Tests inject one over msw. */
  zendeskApi?: (credentials: ZendeskCredentials) => ZendeskApi;
  /** The clock, in ms. */
  now?: () => number;
}

/**
 * Zendesk's server routes: `POST /zendesk/webhooks` (the default tenant) and `POST /t/:tenant/zendesk/webhooks`.
 * Each delivery is verified (signature and timestamp) before anything is parsed, applied once (the event id
 * is recorded in the same transaction as the change), and answered with what it did. Ticket events and trigger
 * bodies change cases; organization events change the tenant's organisations (organization-events.ts).
 *
 * @example app.route('/', zendeskRoutes())
 */
export function zendeskRoutes(opts: ZendeskRoutesOptions = {}) {
  const app = new Hono<AppEnv>();
  // A tenant's own Zendesk account, or the worker's for the default tenant; never another tenant's.
  const apiFor = (config: WorkerConfig, tenantId: string, settings: Record<string, unknown>) =>
    zendeskApiFor(config, tenantId, settings, opts.zendeskApi);
  const now = opts.now ?? Date.now;

  const handle = async (c: Context<AppEnv>, tenantId: string) => {
    const { config, store } = c.var;
    const { settings, secret, rawBody } = await tenantWebhook(c, tenantId, {
      setting: 'zendeskWebhookSecret',
      global: 'ZENDESK_WEBHOOK_SECRET',
    });
    const timestamp = c.req.header('x-zendesk-webhook-signature-timestamp');
    // The install's second webhook (the closed-record trigger's) has a signing secret of its own.
    const triggerSecret = settings.zendeskTriggerWebhookSecret;
    const signature = await verifyZendeskSignature({
      secret: typeof triggerSecret === 'string' && triggerSecret ? [secret, triggerSecret] : secret,
      signature: c.req.header('x-zendesk-webhook-signature'),
      timestamp,
      rawBody,
      now: now(),
      toleranceSeconds: config.WEBHOOK_TOLERANCE_SECONDS,
    });

    const text = webhookText(rawBody);
    let body: unknown;
    try {
      body = parseWebhookJson(text);
    } catch {
      throw apiError(400, 'malformed_json', 'the body is not JSON');
    }
    const at = new Date(now()).toISOString();
    const isEvent =
      typeof body === 'object' &&
      body !== null &&
      String((body as { type?: unknown }).type ?? '').startsWith('zen:event-type:');
    let eventId: string;
    let ticketId: string | null;
    let createdEvent: (() => TicketChange) | null = null;
    let apply: (existing: Case | null) => TicketChange;
    if (isEvent) {
      const parsed = EventWebhookSchema.safeParse(body);
      if (!parsed.success) throw invalidInput(parsed.error, 'event webhook');
      const event = parsed.data;
      if (event.type.startsWith(ORGANIZATION_EVENT_PREFIX)) {
        const answer = await applyOrganizationEvent({
          db: c.env.DB,
          tenantId,
          event,
          source: SOURCE,
          at,
          api: apiFor(config, tenantId, settings),
          apiMissing: zendeskApiMissing(config, tenantId),
        }).catch((e) => {
          throw e instanceof ZodError ? invalidInput(e, 'organization event') : e;
        });
        return c.json(answer.body, answer.status);
      }
      eventId = event.id;
      const detailId = (event.detail as { id?: unknown }).id;
      ticketId =
        event.type.startsWith('zen:event-type:ticket.') && detailId !== undefined ? String(detailId) : null;
      apply = (existing) => applyTicketEvent(existing, event, tenantId);
      if (event.type === 'zen:event-type:ticket.created')
        createdEvent = () => applyTicketEvent(null, event, tenantId);
    } else {
      const parsed = TriggerWebhookSchema.safeParse(body);
      if (!parsed.success) throw invalidInput(parsed.error, 'trigger webhook');
      const trigger = parsed.data;
      // Without an invocation id, the delivery is known by its verified signature alone.
      eventId = c.req.header('x-zendesk-webhook-invocation-id') ?? `sig:${signature}`;
      ticketId = trigger.kind === 'ticket' ? trigger.ticket.id : trigger.ticketId;
      apply = (existing) => applyTriggerWebhook(existing, trigger, tenantId, at);
    }

    // The delivery id of a trigger is not signed: the verified signature is marked with it, in the same transaction,
    // so the same signed bytes under another id are a duplicate (Zendesk's own retries are signed afresh).
    const signatureMark = `sig:${signature}`;
    const alsoMark = eventId === signatureMark ? [] : [signatureMark];
    const marks = [eventId, ...alsoMark];
    const api = apiFor(config, tenantId, settings);
    // Read, apply, save; if the case changed in between (another delivery for the same ticket), do it again.
    const attempt = async (): Promise<Response | SaveResult> => {
      const { processed, stored: existing } = await store.loadForEvent(tenantId, SOURCE, eventId, ticketId);
      if (processed) return c.json({ status: 'duplicate', eventId });
      let change: TicketChange;
      try {
        change = apply(existing?.case ?? null);
      } catch (e) {
        if (e instanceof ZodError) throw invalidInput(e, 'webhook');
        throw e;
      }

      if (change.kind === 'ignore') {
        if (!(await store.markProcessed(tenantId, SOURCE, marks, at)))
          return c.json({ status: 'duplicate', eventId });
        return c.json({ status: 'ignored', eventId, reason: change.reason });
      }
      if (change.kind === 'fetch') {
        if (!api) {
          if (!(await store.markProcessed(tenantId, SOURCE, marks, at)))
            return c.json({ status: 'duplicate', eventId });
          return c.json(
            {
              status: 'skipped',
              eventId,
              reason: `ticket ${change.ticketId} is not in the store; ${zendeskApiMissing(config, tenantId)}`,
            },
            202,
          );
        }
        const fetched = await api.ticket(change.ticketId).catch(zendeskFailed(`ticket ${change.ticketId}`));
        if (!fetched) throw apiError(404, 'not_found', `Zendesk has no ticket ${change.ticketId}`);
        // Zendesk's answer not matching what we expect is our problem, not the sender's: 503 so Zendesk retries.
        const ticketParsed = ZendeskTicketSchema.safeParse(fetched.ticket);
        const metricParsed = fetched.metric ? ZendeskTicketMetricSchema.safeParse(fetched.metric) : null;
        if (!ticketParsed.success || (metricParsed && !metricParsed.success))
          throw upstreamUnavailable(`Zendesk's answer for ticket ${change.ticketId} could not be read`);
        const ticket = ticketParsed.data;
        const metric = metricParsed?.success ? metricParsed.data : null;
        const base = normaliseZendeskTicket(ticket, { metric, tenantId });
        const { status: _status, ...patch } = change.patch;
        change = { kind: 'save', eventType: change.eventType, case: CaseSchema.parse({ ...base, ...patch }) };
      }

      return store.saveCase(
        tenantId,
        change.case,
        {
          source: SOURCE,
          eventId,
          alsoMark,
          eventType: change.eventType,
          payload: { eventId, eventType: change.eventType },
          at,
        },
        // A fetched ticket was not in the store: nothing to subtract. Otherwise the version read above.
        { stored: existing && existing.case.id === change.case.id ? existing : null },
      );
    };
    let result: Awaited<ReturnType<typeof attempt>> | undefined;
    // A new ticket is written in one round trip, assuming it is new; if it is stored already (a backfill came
    // first), nothing was written and the general path below reads it and applies the event.
    if (createdEvent) {
      let change: TicketChange;
      try {
        change = createdEvent();
      } catch (e) {
        if (e instanceof ZodError) throw invalidInput(e, 'webhook');
        throw e;
      }
      if (change.kind === 'save') {
        const opts = {
          source: SOURCE,
          eventId,
          alsoMark,
          eventType: change.eventType,
          payload: { eventId, eventType: change.eventType },
          at,
        };
        const created = await store.createCase(tenantId, change.case, opts);
        if (created.outcome === 'duplicate') return c.json({ status: 'duplicate', eventId });
        if (created.outcome === 'created') result = created;
      }
    }
    for (let tries = 0; !result; tries++) {
      try {
        result = await attempt();
      } catch (e) {
        if (!(e instanceof StaleCaseError)) throw e;
        // Busy ticket: nothing was written. Tell Zendesk to retry rather than fail the delivery.
        if (tries >= 9)
          throw apiError(503, 'busy', `case ${e.caseId} is changing too fast; retry`, undefined, {
            'retry-after': '1',
          });
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (tries + 1)));
      }
    }
    if (result instanceof Response) return result;
    // `written`: the full completeness result of what this delivery wrote (null for a duplicate, which wrote nothing).
    const { outcome, stored, result: written } = result;
    const latest = written ?? stored.completenessLatest;
    if (outcome === 'created' && written && !written.complete && api && settings.zendeskWriteBack === true) {
      // After the answer: Zendesk waits for no one, and a failed write-back must not fail the delivery.
      c.executionCtx.waitUntil(
        api
          .updateTicket(stored.case.id, writeBackUpdate(written))
          .catch((e: Error) => console.error(`zendesk write-back failed: ${e.name}`)),
      );
    }
    return c.json({
      status: outcome,
      eventId,
      caseId: stored.case.id,
      completeness: latest
        ? { score: latest.score, complete: latest.complete, missing: latest.missing }
        : null,
    });
  };

  app.post('/zendesk/webhooks', (c) => handle(c, c.var.config.DEFAULT_TENANT));
  app.post('/t/:tenant/zendesk/webhooks', (c) => handle(c, c.req.param('tenant')));
  return app;
}
