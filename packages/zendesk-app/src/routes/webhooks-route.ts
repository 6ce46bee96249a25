import {
  type Case,
  CaseSchema,
  normaliseZendeskTicket,
  ZendeskTicketMetricSchema,
  ZendeskTicketSchema,
} from '@support-metrics/core';
import {
  apiError,
  invalidInput,
  type SaveResult,
  saveWithRetry,
  type WorkerConfig,
} from '@support-metrics/platform';
import { type Context, Hono } from 'hono';
import { ZodError } from 'zod';
import { applyOrganizationEvent } from '../webhook/organization-events.js';
import { refreshUnknownNames } from '../webhook/refresh-names.js';
import { applyTicketEvent, applyTriggerWebhook, type TicketChange } from '../webhook/ticket-events.js';
import { writeBackUpdate } from '../zendesk-api/write-back.js';
import {
  upstreamUnavailable,
  type ZendeskCredentials,
  zendeskApiFor,
  zendeskApiMissing,
  zendeskFailed,
} from '../zendesk-api/zendesk-account.js';
import type { ZendeskApi } from '../zendesk-api/zendesk-api.js';
import { zendeskSignature } from './zendesk-signature.js';
import { type ZendeskBodyEnv, type ZendeskWebhook, zendeskWebhookBody } from './zendesk-webhook-body.js';

const SOURCE = 'zendesk-webhook';

export interface ZendeskRoutesOptions {
  /** The Zendesk API of an account (zendeskApiOf). Tests inject one over msw. */
  zendeskApi?: (credentials: ZendeskCredentials) => ZendeskApi;
  /** The clock, in ms. */
  now?: () => number;
}

/** What a ticket delivery is about, and how it changes the case (ticket-events.ts: pure). */
interface TicketDelivery {
  /** The processed-event key: the event id, or a trigger's invocation id (else its verified signature). */
  eventId: string;
  ticketId: string | null;
  apply: (existing: Case | null) => TicketChange;
  /** A `ticket.created` event: the change as if the ticket were new (written in one round trip when it is). */
  created: (() => TicketChange) | null;
}

function ticketDelivery(
  webhook: Exclude<ZendeskWebhook, { kind: 'organization-event' }>,
  tenantId: string,
  at: string,
  ids: { invocationId: string | undefined; signatureMark: string },
): TicketDelivery {
  if (webhook.kind === 'ticket-event') {
    const { event } = webhook;
    const detailId = (event.detail as { id?: unknown }).id;
    return {
      eventId: event.id,
      ticketId:
        event.type.startsWith('zen:event-type:ticket.') && detailId !== undefined ? String(detailId) : null,
      apply: (existing) => applyTicketEvent(existing, event, tenantId),
      created:
        event.type === 'zen:event-type:ticket.created' ? () => applyTicketEvent(null, event, tenantId) : null,
    };
  }
  const { trigger } = webhook;
  return {
    // Without an invocation id, the delivery is known by its verified signature alone.
    eventId: ids.invocationId ?? ids.signatureMark,
    ticketId: trigger.kind === 'ticket' ? trigger.ticket.id : trigger.ticketId,
    apply: (existing) => applyTriggerWebhook(existing, trigger, tenantId, at),
    created: null,
  };
}

/**
 * Zendesk's server routes: `POST /zendesk/webhooks` (the default tenant) and `POST /t/:tenant/zendesk/webhooks`.
 * Each delivery is verified (zendeskSignature: signature and timestamp) before anything is parsed, checked against
 * its schema (zendeskWebhookBody), applied once (the event id is recorded in the same transaction as the change),
 * and answered with what it did. Ticket events and trigger bodies change cases (ticket-events.ts); organisation
 * events change the tenant's organisations (organization-events.ts). Errors other than zod's go to the worker's onError.
 *
 * @example app.route('/', zendeskRoutes())
 */
export function zendeskRoutes(opts: ZendeskRoutesOptions = {}) {
  const app = new Hono<ZendeskBodyEnv>();
  // A tenant's own Zendesk account, or the worker's for the default tenant; never another tenant's.
  const apiFor = (config: WorkerConfig, tenantId: string, settings: Record<string, unknown>) =>
    zendeskApiFor(config, tenantId, settings, opts.zendeskApi);
  const now = opts.now ?? Date.now;

  const handler = async (c: Context<ZendeskBodyEnv>) => {
    const { config, webhook } = c.var;
    const { tenantId, settings, signature } = c.var.zendesk;
    const store = c.var.stores.cases;
    const at = new Date(now()).toISOString();
    const api = apiFor(config, tenantId, settings);
    if (webhook.kind === 'organization-event') {
      const answer = await applyOrganizationEvent({
        customers: c.var.stores.customers,
        tenantId,
        event: webhook.event,
        source: SOURCE,
        at,
        api,
        apiMissing: zendeskApiMissing(config, tenantId),
      });
      return c.json(answer.body, answer.status);
    }

    // The delivery id of a trigger is not signed: the verified signature is marked with it, in the same transaction,
    // so the same signed bytes under another id are a duplicate (Zendesk's own retries are signed afresh).
    const signatureMark = `sig:${signature}`;
    const { eventId, ticketId, apply, created } = ticketDelivery(webhook, tenantId, at, {
      invocationId: c.req.header('x-zendesk-webhook-invocation-id'),
      signatureMark,
    });
    const alsoMark = eventId === signatureMark ? [] : [signatureMark];
    const marks = [eventId, ...alsoMark];
    const saveOptions = (change: { eventType: string }) => ({
      source: SOURCE,
      eventId,
      alsoMark,
      eventType: change.eventType,
      payload: { eventId, eventType: change.eventType },
      at,
    });

    // Read, apply, save (saveWithRetry runs it again when the case changed in between).
    const attempt = async (): Promise<Response | SaveResult> => {
      const { processed, stored: existing } = await store.loadForEvent(tenantId, SOURCE, eventId, ticketId);
      if (processed) return c.json({ status: 'duplicate', eventId });
      let change = apply(existing?.case ?? null);
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
        const metric = metricParsed?.success ? metricParsed.data : null;
        const base = normaliseZendeskTicket(ticketParsed.data, { metric, tenantId });
        const { status: _status, ...patch } = change.patch;
        change = { kind: 'save', eventType: change.eventType, case: CaseSchema.parse({ ...base, ...patch }) };
      }
      return store.saveCase(
        tenantId,
        change.case,
        saveOptions(change),
        // A fetched ticket was not in the store: nothing to subtract. Otherwise the version read above.
        { stored: existing && existing.case.id === change.case.id ? existing : null },
      );
    };

    let result: Response | SaveResult | undefined;
    // A new ticket is written in one round trip, assuming it is new; if it is stored already (a backfill came
    // first), nothing was written and the general path below reads it and applies the event.
    const fresh = created?.();
    if (fresh?.kind === 'save') {
      const written = await store.createCase(tenantId, fresh.case, saveOptions(fresh));
      if (written.outcome === 'duplicate') return c.json({ status: 'duplicate', eventId });
      if (written.outcome === 'created') result = written;
    }
    result ??= await saveWithRetry(attempt);
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
    if (api && written)
      // After the answer too: a group or brand whose name is not stored yet is fetched, and never fails the delivery.
      c.executionCtx.waitUntil(
        refreshUnknownNames({
          api,
          names: c.var.stores.names,
          tenantId,
          ids: { group: stored.case.group, brand: stored.case.brand },
          at,
        }).catch((e: Error) => console.error(`zendesk names refresh failed: ${e.name}`)),
      );
    return c.json({
      status: outcome,
      eventId,
      caseId: stored.case.id,
      completeness: latest
        ? { score: latest.score, complete: latest.complete, missing: latest.missing }
        : null,
    });
  };

  // A change the case model refuses (a ticket event whose fields do not make a case) is the sender's: 400 with its
  // paths. Caught here because hono hands only Error instances to onError, and zod 4's ZodError is not one.
  const guarded = async (c: Context<ZendeskBodyEnv>) => {
    try {
      return await handler(c);
    } catch (e) {
      if (e instanceof ZodError) throw invalidInput(e, 'webhook');
      throw e;
    }
  };
  const verified = [zendeskSignature({ now }), zendeskWebhookBody()] as const;
  app.post('/zendesk/webhooks', ...verified, guarded);
  app.post('/t/:tenant/zendesk/webhooks', ...verified, guarded);
  return app;
}
