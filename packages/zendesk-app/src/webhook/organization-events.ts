import {
  type FieldValue,
  normaliseZendeskOrganization,
  ZendeskOrganizationSchema,
  zendeskFieldValue,
} from '@support-metrics/core';
import {
  apiError,
  type CustomerStore,
  type OrganizationWrite,
  type StoredOrganization,
} from '@support-metrics/platform';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError, type ZodType } from 'zod';
import { upstreamUnavailable, zendeskFailed } from '../zendesk-api/zendesk-account.js';
import type { ZendeskApi } from '../zendesk-api/zendesk-api.js';
import {
  OrganizationCustomFieldChangedSchema,
  OrganizationEventDetailSchema,
  OrganizationTagsChangedSchema,
} from './organization-event-schema.js';
import type { EventWebhook } from './webhook-payload-schema.js';

/** The type prefix of Zendesk's organization events (`zen:event-type:organization.created`, …). */
export const ORGANIZATION_EVENT_PREFIX = 'zen:event-type:organization.';

/** What an organization event means for the store: a write, the organisation to fetch first, or nothing. */
export type OrganizationChange =
  | { kind: 'write'; eventType: string; customerId: string; write: OrganizationWrite }
  | { kind: 'fetch'; eventType: string; customerId: string; reason: string }
  | { kind: 'ignore'; eventType: string; customerId: string; reason: string };

/** Parses a part of the event; issues are reported under its name (`detail.id`, `event.added`). */
function parsePart<T>(schema: ZodType<T>, value: unknown, part: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ZodError(r.error.issues.map((i) => ({ ...i, path: [part, ...i.path] })));
  return r.data;
}

/** A field's new value as `organization_fields` holds it: a lookup (`{ id, … }`) by its id. */
function fieldValueOf(v: unknown): FieldValue {
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'id' in v)
    return zendeskFieldValue(String((v as { id: unknown }).id));
  return zendeskFieldValue(v);
}

/**
 * The organisation an event is about (`detail.id`). Throws ZodError (path `detail.…`) for a detail that does not parse.
 *
 * @example organizationIdOf(event) // '6607619104125'
 */
export function organizationIdOf(event: EventWebhook): string {
  return parsePart(OrganizationEventDetailSchema, event.detail, 'detail').id;
}

/**
 * What a Zendesk organization event does to the stored organisation (`stored`, or null when never stored):
 * `organization.deleted` deletes it; `organization.created` stores it from its detail (name, created_at);
 * `tags_changed` adds and removes the tags it names; `custom_field_changed` sets the field it names by key; every
 * other `organization.*` event refreshes what its detail carries. Each change carries the organisation's
 * `updated_at` (else the event time), so a late delivery never rolls a newer snapshot back. A change to an
 * organisation never stored — or to a field named by id only — needs the organisation fetched from Zendesk.
 * Throws ZodError for a detail or event that does not parse.
 */
export function organizationChange(
  event: EventWebhook,
  stored: StoredOrganization | null,
): OrganizationChange {
  const eventType = event.type.replace('zen:event-type:', '');
  const detail = parsePart(OrganizationEventDetailSchema, event.detail, 'detail');
  const customerId = detail.id;
  const at = detail.updated_at ?? event.time;
  if (eventType === 'organization.deleted')
    return {
      kind: 'write',
      eventType,
      customerId,
      write: { kind: 'delete', id: customerId, sourceUpdatedAt: at },
    };

  const patch: Extract<OrganizationWrite, { kind: 'patch' }> = {
    kind: 'patch',
    id: customerId,
    create: eventType === 'organization.created',
    sourceUpdatedAt: at,
  };
  if (typeof detail.name === 'string') patch.name = detail.name;
  if (detail.created_at) patch.createdAt = detail.created_at;
  if (detail.tags) patch.tags = detail.tags;
  if (detail.organization_fields)
    patch.fields = {
      all: Object.fromEntries(
        Object.entries(detail.organization_fields).map(([k, v]) => [k, zendeskFieldValue(v)]),
      ),
    };
  let unkeyedField: string | null = null;
  if (eventType === 'organization.tags_changed' && !detail.tags) {
    const e = parsePart(OrganizationTagsChangedSchema, event.event ?? {}, 'event');
    patch.tags = e.current ?? { added: e.added?.tags ?? [], removed: e.removed?.tags ?? [] };
  }
  if (eventType === 'organization.custom_field_changed' && !detail.organization_fields) {
    const e = parsePart(OrganizationCustomFieldChangedSchema, event.event ?? {}, 'event');
    const { key, id, title } = e.custom_field;
    if (key) patch.fields = { changed: { [key]: fieldValueOf(e.current) } };
    else unkeyedField = `field ${id ?? '?'}${title ? ` ("${title}")` : ''}`;
  }

  if (stored?.deleted)
    return { kind: 'ignore', eventType, customerId, reason: `organisation ${customerId} is deleted` };
  if (stored?.sourceUpdatedAt && at < stored.sourceUpdatedAt)
    return {
      kind: 'ignore',
      eventType,
      customerId,
      reason: `stale: the organisation changed after ${at}`,
    };
  if (!stored && !patch.create)
    return { kind: 'fetch', eventType, customerId, reason: `organisation ${customerId} is not in the store` };
  if (unkeyedField)
    return {
      kind: 'fetch',
      eventType,
      customerId,
      reason: `the event names ${unkeyedField} by id, and organisation fields are stored by key`,
    };
  return { kind: 'write', eventType, customerId, write: patch };
}

/** The answer to an organization event: its HTTP status and JSON body. */
export interface OrganizationEventAnswer {
  status: ContentfulStatusCode;
  body: { status: string; eventId: string; customerId?: string; reason?: string };
}

/**
 * Applies a Zendesk organization event to the tenant's organisations, once: the event id is recorded in the same
 * transaction as the change, so a redelivery changes nothing. An organisation the store needs but has not seen is
 * fetched from the Zendesk API when there is one (404 when Zendesk has none), else the event is answered `202 skipped`.
 *
 * @example const { status, body } = await applyOrganizationEvent({ customers: c.var.stores.customers, tenantId, event, source, at, api });
 */
export async function applyOrganizationEvent(o: {
  customers: CustomerStore;
  tenantId: string;
  event: EventWebhook;
  /** The processed-events source (`zendesk-webhook`). */
  source: string;
  at: string;
  api: ZendeskApi | null;
  /** What to do when `api` is null, for the answer (zendeskApiMissing). */
  apiMissing: string;
}): Promise<OrganizationEventAnswer> {
  const { tenantId, event, at } = o;
  const eventId = event.id;
  const customers = o.customers;
  const mark = { source: o.source, eventId };
  const { processed, stored } = await customers.organizationForEvent(
    tenantId,
    o.source,
    eventId,
    organizationIdOf(event),
  );
  const duplicate: OrganizationEventAnswer = { status: 200, body: { status: 'duplicate', eventId } };
  if (processed) return duplicate;

  const change = organizationChange(event, stored);
  const { customerId } = change;
  let write: OrganizationWrite;
  if (change.kind === 'ignore') {
    const outcome = await customers.writeOrganizations(tenantId, [], at, mark);
    if (outcome === 'duplicate') return duplicate;
    return { status: 200, body: { status: 'ignored', eventId, customerId, reason: change.reason } };
  }
  if (change.kind === 'fetch') {
    if (!o.api) {
      const outcome = await customers.writeOrganizations(tenantId, [], at, mark);
      if (outcome === 'duplicate') return duplicate;
      return {
        status: 202,
        body: {
          status: 'skipped',
          eventId,
          customerId,
          reason: `${change.reason}; ${o.apiMissing}`,
        },
      };
    }
    const fetched = await o.api.organization(customerId).catch(zendeskFailed(`organization ${customerId}`));
    if (!fetched) throw apiError(404, 'not_found', `Zendesk has no organization ${customerId}`);
    // Zendesk's answer not matching what we expect is our problem, not the sender's: 503 so Zendesk retries.
    const parsed = ZendeskOrganizationSchema.safeParse(fetched);
    if (!parsed.success)
      throw upstreamUnavailable(`Zendesk's answer for organization ${customerId} could not be read`);
    const org = parsed.data;
    write = org.deleted_at
      ? { kind: 'delete', id: org.id, sourceUpdatedAt: org.updated_at ?? org.deleted_at }
      : { kind: 'snapshot', customer: normaliseZendeskOrganization(org) };
  } else write = change.write;

  const outcome = await customers.writeOrganizations(tenantId, [write], at, mark);
  if (outcome === 'duplicate') return duplicate;
  if (outcome === 'stale')
    return {
      status: 200,
      body: { status: 'ignored', eventId, customerId, reason: 'stale: the stored organisation is newer' },
    };
  const status = write.kind === 'delete' ? 'deleted' : stored && !stored.deleted ? 'updated' : 'created';
  return { status: 200, body: { status, eventId, customerId } };
}
