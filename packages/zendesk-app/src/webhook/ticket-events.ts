import {
  type Case,
  type CaseInput,
  CaseSchema,
  firstMessageText,
  ticketTypeOf,
  zendeskChannel,
} from '@support-metrics/core';
import { ZodError, z } from 'zod';
import { type EventWebhook, TicketEventDetailSchema, type TriggerWebhook } from './webhook-payload-schema.js';

/** What a webhook means for the store: a case to save, a ticket to fetch first, or nothing. */
export type TicketChange =
  | { kind: 'save'; case: Case; eventType: string }
  | { kind: 'fetch'; ticketId: string; eventType: string; patch: Partial<CaseInput> }
  | { kind: 'ignore'; reason: string };

const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const isSolvedStatus = (s: string | null | undefined) => s === 'solved' || s === 'closed';

function oneOf<T extends string>(values: readonly T[], v: unknown): T | undefined {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
  return (values as readonly string[]).includes(s) ? (s as T) : undefined;
}

/** A status value of `event.current` / `event.previous`: a string, or `{ status }`. */
function statusOf(v: unknown) {
  if (typeof v === 'object' && v !== null && 'status' in v)
    return oneOf(STATUSES, (v as { status: unknown }).status);
  return oneOf(STATUSES, v);
}

/** The case fields a ticket's detail (or trigger body) sets; absent fields are left as they are. */
function patchFromTicket(d: {
  subject?: string | null;
  description?: string | null;
  status?: string | null;
  priority?: string | null;
  type?: string | null;
  channel?: string | number | null;
  requester_id?: string | null;
  assignee_id?: string | null;
  organization_id?: string | null;
  group_id?: string | null;
  brand_id?: string | null;
  form_id?: string | null;
  tags?: string[] | string | null;
}): Partial<CaseInput> {
  const patch: Partial<CaseInput> = {};
  if (typeof d.subject === 'string') patch.subject = d.subject;
  if (typeof d.description === 'string') patch.description = firstMessageText(d.description);
  const status = oneOf(STATUSES, d.status);
  if (status) patch.status = status;
  const priority = oneOf(PRIORITIES, d.priority);
  if (priority) patch.priority = priority;
  // Zendesk's ticket type, kept as it is (the scorer reads it as a weak prior for the issue type).
  const ticketType = ticketTypeOf(d.type);
  if (ticketType) patch.ticketType = ticketType;
  if (d.channel !== undefined && d.channel !== null) patch.channel = zendeskChannel(d.channel);
  if (d.requester_id !== undefined) patch.requester = d.requester_id ? { id: d.requester_id } : null;
  if (d.assignee_id !== undefined) patch.assignee = d.assignee_id ? { id: d.assignee_id } : null;
  if (d.organization_id !== undefined)
    patch.organization = d.organization_id ? { id: d.organization_id } : null;
  if (d.group_id !== undefined) patch.group = d.group_id;
  if (d.brand_id !== undefined) patch.brand = d.brand_id;
  if (d.form_id !== undefined) patch.formId = d.form_id;
  if (Array.isArray(d.tags)) patch.tags = d.tags;
  else if (typeof d.tags === 'string') patch.tags = d.tags.split(/\s+/).filter(Boolean);
  return patch;
}

/**
 * Applies a status change: solving sets the solved time (when the helpdesk has not given one); leaving
 * solved for an open state is a reopen, counted, and clears the solved time.
 */
function withStatus(c: Case, status: Case['status'] | undefined, at: string): Case {
  if (!status || status === c.status) return c;
  if (isSolvedStatus(status) && !isSolvedStatus(c.status))
    return { ...c, status, solvedAt: c.solvedAt ?? at };
  if (!isSolvedStatus(status) && isSolvedStatus(c.status))
    return { ...c, status, solvedAt: null, resolutionHours: null, reopens: (c.reopens ?? 0) + 1 };
  return { ...c, status };
}

function merge(base: Case, patch: Partial<CaseInput>, at: string): Case {
  const { status, ...rest } = patch;
  return withStatus(CaseSchema.parse({ ...base, ...rest }), status, at);
}

/** A case seen from its creation on: the counters webhooks maintain start at zero (they are measured). */
function newCase(tenantId: string, id: string, createdAt: string, patch: Partial<CaseInput>): Case {
  const { status, ...rest } = patch;
  return withStatus(
    CaseSchema.parse({
      id,
      tenantId,
      helpdesk: 'zendesk',
      createdAt,
      publicAgentReplies: 0,
      reopens: 0,
      groupStations: patch.group ? 1 : 0,
      collaborators: [],
      ...rest,
    }),
    status,
    createdAt,
  );
}

const CommentEventSchema = z.looseObject({
  comment: z.looseObject({
    is_public: z.boolean().optional(),
    author: z.looseObject({ is_staff: z.boolean().optional() }).optional(),
  }),
});

/**
 * What a Zendesk ticket event does to the stored case (`existing`, or null when unknown):
 * `ticket.created` makes the case; other ticket events update it — status changes (solve, reopen),
 * public agent comments (replies), group changes (group stations) — and every event refreshes the fields its
 * detail carries. An update to a ticket we have never seen needs the ticket fetched first. Non-ticket events
 * are ignored. Throws ZodError for a detail that does not parse.
 */
export function applyTicketEvent(existing: Case | null, event: EventWebhook, tenantId: string): TicketChange {
  const eventType = event.type.replace('zen:event-type:', '');
  if (!eventType.startsWith('ticket.')) return { kind: 'ignore', reason: `${eventType} events are not used` };
  const parsed = TicketEventDetailSchema.safeParse(event.detail);
  if (!parsed.success)
    throw new ZodError(parsed.error.issues.map((i) => ({ ...i, path: ['detail', ...i.path] })));
  const detail = parsed.data;
  const patch = patchFromTicket({ ...detail, channel: detail.via?.channel ?? null });
  const snapshotAt = detail.updated_at ?? event.time;
  if (!existing) {
    if (eventType !== 'ticket.created') return { kind: 'fetch', ticketId: detail.id, eventType, patch };
    const created = newCase(tenantId, detail.id, detail.created_at ?? event.time, patch);
    return { kind: 'save', eventType, case: { ...created, sourceUpdatedAt: snapshotAt } };
  }
  // A delivery late or out of order (a retry, a created event after the ticket was fetched) carries an older
  // snapshot: its fields and its status change are stale. Only what the event itself adds still counts.
  const stale = existing.sourceUpdatedAt !== null && snapshotAt < existing.sourceUpdatedAt;
  let next = stale ? existing : merge(existing, patch, event.time);
  const current = event.event?.current;
  if (eventType === 'ticket.status_changed' && !stale) next = withStatus(next, statusOf(current), event.time);
  if (eventType === 'ticket.comment_added') {
    const { comment } = CommentEventSchema.parse(event.event ?? {});
    if (comment.is_public && comment.author?.is_staff)
      next = { ...next, publicAgentReplies: (next.publicAgentReplies ?? 0) + 1 };
  }
  if (eventType === 'ticket.group_assignment_changed' && existing.group !== next.group && next.group)
    next = { ...next, groupStations: (existing.groupStations ?? (existing.group ? 1 : 0)) + 1 };
  if (stale && next === existing)
    return { kind: 'ignore', reason: `stale: the ticket changed after ${snapshotAt}` };
  return {
    kind: 'save',
    eventType,
    case: { ...next, sourceUpdatedAt: stale ? existing.sourceUpdatedAt : snapshotAt },
  };
}

/**
 * What a trigger webhook does: `{ "ticket": {…} }` creates or updates the case from the placeholders it
 * carries; a minimal body (`ticketID` with a few changed fields) updates a known case, or asks for the
 * ticket to be fetched.
 */
export function applyTriggerWebhook(
  existing: Case | null,
  body: TriggerWebhook,
  tenantId: string,
  at: string,
): TicketChange {
  if (body.kind === 'ticket') {
    const t = body.ticket;
    const patch = patchFromTicket({ ...t, channel: t.channel ?? null });
    if (t.requester_name && patch.requester) patch.requester = { ...patch.requester, name: t.requester_name };
    if (patch.assignee && (t.assignee_name || t.assignee_email))
      patch.assignee = { ...patch.assignee, name: t.assignee_name ?? null, email: t.assignee_email ?? null };
    const snapshotAt =
      t.updated_at && !Number.isNaN(Date.parse(t.updated_at)) ? new Date(t.updated_at).toISOString() : null;
    // Zendesk renders {{ticket.updated_at_with_timestamp}} to the minute ("2026-12-02T03:41Z"): the ticket changed
    // somewhen in that minute, so the body is stale only when all of that minute is before the stored snapshot (an
    // event of the same save, a reply at 03:41:07, must not make the solve's closed record stale). Compared as times,
    // not as strings of different precision.
    const toMinute = t.updated_at !== undefined && /T\d{2}:\d{2}(?:Z|[+-]\d{2}:?\d{2})$/.test(t.updated_at);
    const latest = snapshotAt ? Date.parse(snapshotAt) + (toMinute ? 59_999 : 0) : null;
    const stored = existing?.sourceUpdatedAt ? Date.parse(existing.sourceUpdatedAt) : null;
    if (existing && latest !== null && stored !== null && latest < stored)
      return { kind: 'ignore', reason: `stale: the ticket changed after ${snapshotAt}` };
    if (existing)
      return {
        kind: 'save',
        eventType: 'trigger',
        case: {
          ...merge(existing, patch, at),
          // Never back in time: a body at minute precision does not move the stored snapshot before an event's.
          sourceUpdatedAt:
            snapshotAt && (stored === null || Date.parse(snapshotAt) > stored)
              ? snapshotAt
              : existing.sourceUpdatedAt,
        },
      };
    const created =
      t.created_at && !Number.isNaN(Date.parse(t.created_at)) ? new Date(t.created_at).toISOString() : null;
    if (!created) return { kind: 'fetch', ticketId: t.id, eventType: 'trigger', patch };
    return { kind: 'save', eventType: 'trigger', case: newCase(tenantId, t.id, created, patch) };
  }
  const ticketId = body.ticketId;
  const patch = patchFromTicket({
    priority: body.priority ?? null,
    tags: body.tags ?? null,
    type: body.type ?? null,
  });
  if (body.groupId !== undefined) patch.group = body.groupId;
  if (!existing) return { kind: 'fetch', ticketId, eventType: 'trigger', patch };
  return { kind: 'save', eventType: 'trigger', case: merge(existing, patch, at) };
}
