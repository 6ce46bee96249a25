import { z } from 'zod';

const Id = z.union([z.string(), z.number()]).transform(String);
// Absent stays undefined (the field is left as it is); Zendesk's "no value" ("0", "", null) becomes null.
const OptionalId = z
  .union([z.string(), z.number()])
  .nullable()
  .optional()
  .transform((v) =>
    v === undefined ? undefined : v === null || v === '' || v === '0' || v === 0 ? null : String(v),
  );

/** `detail` of a Zendesk ticket event: ids arrive as strings, enum values in any case ("Open", "OPEN"). */
export const TicketEventDetailSchema = z.looseObject({
  id: Id,
  subject: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
  priority: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
  created_at: z.iso.datetime({ offset: true }).optional(),
  updated_at: z.iso.datetime({ offset: true }).optional(),
  requester_id: OptionalId,
  assignee_id: OptionalId,
  organization_id: OptionalId,
  group_id: OptionalId,
  brand_id: OptionalId,
  form_id: OptionalId,
  tags: z.array(z.string()).nullable().optional(),
  via: z
    .looseObject({ channel: z.union([z.string(), z.number()]).nullable().optional() })
    .nullable()
    .optional(),
});

/**
 * A Zendesk event webhook (`zen:event-type:…`): the shared envelope of every event type.
 * https://developer.zendesk.com/api-reference/webhooks/event-types/webhook-event-types/
 */
export const EventWebhookSchema = z.looseObject({
  type: z.string().startsWith('zen:event-type:'),
  id: z.string().min(1),
  account_id: z.number().optional(),
  time: z.iso.datetime({ offset: true }),
  subject: z.string().optional(),
  detail: z.record(z.string(), z.unknown()),
  event: z.record(z.string(), z.unknown()).optional(),
});
export type EventWebhook = z.infer<typeof EventWebhookSchema>;

/**
 * A trigger or automation webhook with the JSON body we document (README "Zendesk trigger"): `{ "ticket": {…} }`
 * with placeholders, or a minimal body naming the ticket (`ticketID` / `ticket_id`) plus changed fields.
 */
export const TriggerTicketSchema = z.looseObject({
  id: Id,
  subject: z.string().optional(),
  description: z.string().optional(),
  status: z.string().optional(),
  priority: z.string().optional(),
  type: z.string().optional(),
  channel: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  requester_id: OptionalId,
  requester_name: z.string().optional(),
  assignee_id: OptionalId,
  assignee_name: z.string().optional(),
  assignee_email: z.string().optional(),
  organization_id: OptionalId,
  group_id: OptionalId,
  brand_id: OptionalId,
  tags: z.union([z.string(), z.array(z.string())]).optional(),
});
export const TriggerWebhookSchema = z.union([
  z
    .looseObject({ ticket: TriggerTicketSchema })
    .transform((b) => ({ kind: 'ticket' as const, ticket: b.ticket })),
  z
    .looseObject({
      ticketID: Id.optional(),
      ticket_id: Id.optional(),
      priority: z.string().optional(),
      tags: z.string().optional(),
      groupID: Id.optional(),
      type: z.string().optional(),
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
