import {
  BOUNDS,
  BoundedDescription,
  BoundedTags,
  BoundedText,
  NumericId,
  NumericIdInput,
} from '@support-metrics/platform';
import { z } from 'zod';

// Zendesk's ids are integers (up to 20 digits), sent as numbers or strings: bounded (platform's bounded-fields), so
// that a signed but hostile body (a 900 KB group_id) is a 400 with its path, never stored or rolled up.
const RawId = NumericIdInput;
const Id = NumericId;
/** Names, subjects and enum values: capped (a subject is at most a few hundred characters in Zendesk). */
const Text = BoundedText;
const Tags = BoundedTags;
// Absent stays undefined (the field is left as it is); Zendesk's "no value" ("0", "", null) becomes null. A trigger
// renders a placeholder with no value as "" ({{ticket.organization.id}} of a ticket without one), so "" is taken.
const OptionalId = z
  .union([RawId, z.literal('')])
  .nullable()
  .optional()
  .transform((v) =>
    v === undefined ? undefined : v === null || v === '' || v === '0' || v === 0 ? null : String(v),
  );

/** `detail` of a Zendesk ticket event: ids arrive as strings, enum values in any case ("Open", "OPEN"). */
export const TicketEventDetailSchema = z.looseObject({
  id: Id,
  subject: Text.nullable().optional(),
  description: BoundedDescription.nullable().optional(),
  status: Text.nullable().optional(),
  priority: Text.nullable().optional(),
  type: Text.nullable().optional(),
  created_at: z.iso.datetime({ offset: true }).optional(),
  updated_at: z.iso.datetime({ offset: true }).optional(),
  requester_id: OptionalId,
  assignee_id: OptionalId,
  organization_id: OptionalId,
  group_id: OptionalId,
  brand_id: OptionalId,
  form_id: OptionalId,
  tags: Tags.nullable().optional(),
  via: z
    .looseObject({
      channel: z
        .union([z.string().max(255), z.number()])
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
});

/**
 * A Zendesk event webhook (`zen:event-type:…`): the shared envelope of every event type.
 * https://developer.zendesk.com/api-reference/webhooks/event-types/webhook-event-types/
 */
export const EventWebhookSchema = z.looseObject({
  type: z.string().startsWith('zen:event-type:').max(BOUNDS.id),
  id: z.string().min(1).max(BOUNDS.id),
  account_id: z.number().optional(),
  time: z.iso.datetime({ offset: true }),
  subject: Text.optional(),
  detail: z.record(z.string(), z.unknown()),
  event: z.record(z.string(), z.unknown()).optional(),
});
export type EventWebhook = z.infer<typeof EventWebhookSchema>;

/**
 * A trigger or automation webhook with the JSON body we document (docs/zendesk.md, "Webhooks"): `{ "ticket": {…} }`
 * with placeholders, or a minimal body naming the ticket (`ticketID` / `ticket_id`) plus changed fields.
 */
export const TriggerTicketSchema = z.looseObject({
  id: Id,
  subject: Text.optional(),
  description: BoundedDescription.optional(),
  status: Text.optional(),
  priority: Text.optional(),
  type: Text.optional(),
  channel: Text.optional(),
  created_at: Text.optional(),
  updated_at: Text.optional(),
  requester_id: OptionalId,
  requester_name: Text.optional(),
  assignee_id: OptionalId,
  assignee_name: Text.optional(),
  assignee_email: Text.optional(),
  organization_id: OptionalId,
  group_id: OptionalId,
  brand_id: OptionalId,
  tags: z.union([z.string().max(BOUNDS.description), Tags]).optional(),
});
export const TriggerWebhookSchema = z.union([
  z
    .looseObject({ ticket: TriggerTicketSchema })
    .transform((b) => ({ kind: 'ticket' as const, ticket: b.ticket })),
  z
    .looseObject({
      ticketID: Id.optional(),
      ticket_id: Id.optional(),
      priority: Text.optional(),
      tags: z.string().max(BOUNDS.description).optional(),
      groupID: Id.optional(),
      type: Text.optional(),
    })
    .refine((b) => b.ticketID !== undefined || b.ticket_id !== undefined, {
      message: 'a trigger body names the ticket: {"ticket": {"id": …}} or "ticketID"',
      path: ['ticket'],
    })
    .transform((b) => ({
      kind: 'minimal' as const,
      ticketId: b.ticketID ?? b.ticket_id ?? '',
      priority: b.priority,
      tags: b.tags,
      groupId: b.groupID,
      type: b.type,
    })),
]);
export type TriggerWebhook = z.infer<typeof TriggerWebhookSchema>;
