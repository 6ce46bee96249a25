import type { Case, Channel, FieldValue } from '../../case/case-schema.js';
import { CaseSchema } from '../../case/case-schema.js';
import { firstMessageText } from '../../case/plain-text.js';
import { ticketTypeOf } from '../../case/ticket-type.js';
import type {
  ZendeskAudit,
  ZendeskOrganization,
  ZendeskTicket,
  ZendeskTicketMetric,
  ZendeskUser,
} from './ticket-schema.js';

/** Extra context for normalising a ticket: its metrics and audits, and how to name and read custom fields. */
export interface ZendeskContext {
  metric?: ZendeskTicketMetric | null;
  audits?: readonly ZendeskAudit[] | null;
  /** Custom field id → name (from ticket_fields), so that rubrics can refer to fields by name. */
  fieldNames?: ReadonlyMap<string, string>;
  tenantId?: string;
  /** Sideloaded users (`include=users`): the assignee's name and email. */
  users?: ReadonlyMap<string, ZendeskUser>;
  /** Sideloaded organisations (`include=organizations`): name and recurring revenue. */
  organizations?: ReadonlyMap<string, ZendeskOrganization>;
  /**
   * The organisation field holding annual recurring revenue (a number field of `organization_fields`);
   * default `annual_recurring_revenue`. Revenue stays null (not measured) when the field is absent.
   */
  revenueField?: string;
}

const CHANNELS: Record<string, Channel> = {
  email: 'email',
  web: 'web',
  web_form: 'web',
  web_widget: 'web',
  help_center: 'web',
  chat: 'chat',
  native_messaging: 'messaging',
  messaging: 'messaging',
  whatsapp: 'messaging',
  sms: 'messaging',
  voice: 'phone',
  phone: 'phone',
  twitter: 'social',
  facebook: 'social',
  instagram_dm: 'social',
  api: 'api',
  mobile_sdk: 'api',
};

/** Our channel for a Zendesk `via.channel` value (`web_form` → web, `voice` → phone, …); null when absent. */
export function zendeskChannel(name: string | number | null | undefined): Channel | null {
  if (name === null || name === undefined || name === '') return null;
  return CHANNELS[String(name).toLowerCase()] ?? 'other';
}

const KNOWLEDGE_URL = /https?:\/\/[^\s"'<>]+\/hc\/[^\s"'<>]*articles\/(\d+)/g;

function fieldValue(value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(String);
  return JSON.stringify(value);
}

/**
 * Turns a Zendesk ticket (plus its ticket_metrics and audits, when known) into a case.
 * The first customer message comes from the first public comment of the audits when present
 * (with its attachments), else from the ticket's `description`. Counters that the metrics object
 * does not provide stay null ("not measured").
 *
 * @example normaliseZendeskTicket(ticket, { metric }).publicAgentReplies // 2
 */
/** An organisation as cases hold it: its name, and its recurring revenue from the configured field. */
function organizationOf(
  id: string,
  org: ZendeskOrganization | undefined,
  revenueField = 'annual_recurring_revenue',
) {
  const raw = org?.organization_fields?.[revenueField];
  const revenue =
    typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return {
    id,
    name: org?.name ?? null,
    recurringRevenue: Number.isFinite(revenue) && revenue >= 0 ? revenue : null,
  };
}

export function normaliseZendeskTicket(ticket: ZendeskTicket, ctx: ZendeskContext = {}): Case {
  const { metric, audits, fieldNames, users, organizations } = ctx;
  // The customer's first message is the comment of the audit that created the ticket. Without that audit
  // (a partial audit list), the ticket's own description is the safe choice: the earliest comment we
  // happen to hold may be an agent's reply.
  const sorted = (audits ?? []).slice().sort((a, b) => a.created_at.localeCompare(b.created_at));
  const creation = sorted.find((a) => a.events.some((e) => e.type === 'Create'));
  const first = creation?.events.find((e) => e.type === 'Comment');
  const body = first ? (first.html_body ?? first.body ?? first.plain_body ?? '') : (ticket.description ?? '');
  const laterComments = sorted.flatMap((a) => a.events.filter((e) => e.type === 'Comment' && e !== first));

  const customFields: Record<string, FieldValue> = {};
  // Empty fields are kept (as null): that the helpdesk has a field at all tells "not recorded" from "cannot be recorded".
  for (const f of ticket.custom_fields ?? [])
    customFields[fieldNames?.get(f.id) ?? f.id] = fieldValue(f.value);

  let knowledgeLinks: Case['knowledgeLinks'] = null;
  if (audits && audits.length > 0) {
    knowledgeLinks = [];
    const seen = new Set<string>();
    for (const c of laterComments) {
      for (const m of (c.body ?? c.html_body ?? '').matchAll(KNOWLEDGE_URL)) {
        const article = m[1] ?? '';
        if (!seen.has(article)) knowledgeLinks.push({ article, action: 'linked' });
        seen.add(article);
      }
    }
  }

  const solved = ticket.status === 'solved' || ticket.status === 'closed';
  const calendar = metric?.full_resolution_time_in_minutes?.calendar;
  const satisfaction = ticket.satisfaction_rating?.score;

  return CaseSchema.parse({
    id: ticket.id,
    tenantId: ctx.tenantId ?? 'default',
    helpdesk: 'zendesk',
    subject: ticket.subject ?? '',
    description: firstMessageText(body),
    channel: zendeskChannel(ticket.via?.channel),
    createdAt: ticket.created_at,
    solvedAt: solved ? (metric?.solved_at ?? null) : null,
    status: ticket.status === 'deleted' ? 'closed' : ticket.status,
    priority: ticket.priority,
    requester: ticket.requester_id ? { id: ticket.requester_id } : null,
    assignee: ticket.assignee_id
      ? {
          id: ticket.assignee_id,
          name: users?.get(ticket.assignee_id)?.name ?? null,
          email: users?.get(ticket.assignee_id)?.email ?? null,
        }
      : null,
    organization: ticket.organization_id
      ? organizationOf(ticket.organization_id, organizations?.get(ticket.organization_id), ctx.revenueField)
      : null,
    group: ticket.group_id,
    brand: ticket.brand_id,
    formId: ticket.ticket_form_id,
    ticketType: ticketTypeOf(ticket.type),
    customFields,
    tags: ticket.tags,
    attachments: (first?.attachments ?? []).map((a) => ({
      name: a.file_name,
      contentType: a.content_type ?? null,
      size: a.size ?? null,
    })),
    publicAgentReplies: metric?.replies ?? null,
    reopens: metric?.reopens ?? null,
    groupStations: metric?.group_stations ?? null,
    collaborators: ticket.follower_ids ?? null,
    satisfaction:
      satisfaction === 'good' ||
      satisfaction === 'bad' ||
      satisfaction === 'offered' ||
      satisfaction === 'unoffered'
        ? satisfaction
        : null,
    resolutionHours: solved && typeof calendar === 'number' ? calendar / 60 : null,
    knowledgeLinks,
    sourceUpdatedAt: ticket.updated_at ?? null,
  });
}
