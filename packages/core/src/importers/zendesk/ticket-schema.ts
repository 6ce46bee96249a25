import { z } from 'zod';

const Id = z.union([z.number(), z.string()]).transform(String);
const NullableId = Id.nullable().optional().default(null);

/**
 * A Zendesk ticket as `GET /api/v2/tickets/{id}` and the incremental export return it. Only the fields
 * we read are declared; unknown fields pass through untouched.
 */
export const ZendeskTicketSchema = z.looseObject({
  id: Id,
  subject: z.string().nullable().optional().default(null),
  description: z.string().nullable().optional().default(null),
  via: z
    .looseObject({ channel: z.union([z.string(), z.number()]).nullable().optional() })
    .nullable()
    .optional(),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }).nullable().optional(),
  type: z.enum(['problem', 'incident', 'question', 'task']).nullable().optional().default(null),
  status: z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed', 'deleted']),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).nullable().optional().default(null),
  requester_id: NullableId,
  assignee_id: NullableId,
  organization_id: NullableId,
  group_id: NullableId,
  brand_id: NullableId,
  ticket_form_id: NullableId,
  tags: z.array(z.string()).optional().default([]),
  custom_fields: z
    .array(z.looseObject({ id: Id, value: z.unknown() }))
    .nullable()
    .optional()
    .default([]),
  follower_ids: z.array(Id).nullable().optional(),
  collaborator_ids: z.array(Id).nullable().optional(),
  satisfaction_rating: z.looseObject({ score: z.string().optional() }).nullable().optional().default(null),
});
export type ZendeskTicket = z.infer<typeof ZendeskTicketSchema>;
export type ZendeskTicketInput = z.input<typeof ZendeskTicketSchema>;

const Minutes = z
  .looseObject({ calendar: z.number().nullable().optional(), business: z.number().nullable().optional() })
  .nullable()
  .optional();

/** A Zendesk ticket metric object (`GET /api/v2/ticket_metrics`). */
export const ZendeskTicketMetricSchema = z.looseObject({
  ticket_id: Id,
  replies: z.number().int().nonnegative().nullable().optional(),
  reopens: z.number().int().nonnegative().nullable().optional(),
  group_stations: z.number().int().nonnegative().nullable().optional(),
  assignee_stations: z.number().int().nonnegative().nullable().optional(),
  solved_at: z.iso.datetime({ offset: true }).nullable().optional(),
  full_resolution_time_in_minutes: Minutes,
  agent_wait_time_in_minutes: Minutes,
});
export type ZendeskTicketMetric = z.infer<typeof ZendeskTicketMetricSchema>;

const AuditEventSchema = z.looseObject({
  type: z.string(),
  author_id: Id.optional(),
  body: z.string().optional(),
  html_body: z.string().optional(),
  plain_body: z.string().optional(),
  public: z.boolean().optional(),
  attachments: z
    .array(
      z.looseObject({
        file_name: z.string(),
        content_type: z.string().optional(),
        size: z.number().optional(),
      }),
    )
    .optional(),
  field_name: z.string().optional(),
  value: z.unknown().optional(),
});

/** A Zendesk ticket audit (`GET /api/v2/ticket_audits`): who changed what, with comments. */
export const ZendeskAuditSchema = z.looseObject({
  id: Id,
  ticket_id: Id,
  created_at: z.iso.datetime({ offset: true }),
  author_id: Id.optional(),
  events: z.array(AuditEventSchema),
});
export type ZendeskAudit = z.infer<typeof ZendeskAuditSchema>;

/** A ticket field definition, used to name custom fields by their title. */
export const ZendeskTicketFieldSchema = z.looseObject({
  id: Id,
  title: z.string(),
  key: z.string().optional(),
});

/** A sideloaded user (`include=users`): who an assignee is. */
export const ZendeskUserSchema = z.looseObject({
  id: Id,
  name: z.string().nullable().optional().default(null),
  email: z.string().nullable().optional().default(null),
});
export type ZendeskUser = z.infer<typeof ZendeskUserSchema>;

/** An organisation (sideloaded with `include=organizations`, or from the organizations API), with its custom `organization_fields`. */
export const ZendeskOrganizationSchema = z.looseObject({
  id: Id,
  name: z.string().nullable().optional().default(null),
  organization_fields: z.record(z.string(), z.unknown()).nullable().optional().default(null),
  tags: z.array(z.string()).nullable().optional().default(null),
  created_at: z.iso.datetime({ offset: true }).nullable().optional().default(null),
  updated_at: z.iso.datetime({ offset: true }).nullable().optional().default(null),
  deleted_at: z.iso.datetime({ offset: true }).nullable().optional().default(null),
});
export type ZendeskOrganization = z.infer<typeof ZendeskOrganizationSchema>;
