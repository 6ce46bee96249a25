import { ZodError, z } from 'zod';
import { describeIssues, ImportError, type ImportItem } from '../import-result.js';
import { normaliseZendeskTicket } from './normalise-ticket.js';
import {
  type ZendeskAudit,
  ZendeskAuditSchema,
  type ZendeskOrganization,
  ZendeskOrganizationSchema,
  ZendeskTicketFieldSchema,
  type ZendeskTicketMetric,
  ZendeskTicketMetricSchema,
  ZendeskTicketSchema,
  type ZendeskUser,
  ZendeskUserSchema,
} from './ticket-schema.js';

/**
 * The export file: arrays holding objects exactly as `GET /api/v2/incremental/tickets/cursor.json`,
 * `GET /api/v2/ticket_metrics.json` and `GET /api/v2/ticket_audits.json` return them. Audits and
 * ticket fields are optional.
 */
export const ZendeskExportSchema = z.looseObject({
  tickets: z.array(z.unknown()),
  ticket_metrics: z.array(z.unknown()).optional().default([]),
  ticket_audits: z.array(z.unknown()).optional().default([]),
  ticket_fields: z.array(z.unknown()).optional().default([]),
  /** Sideloads of the incremental export (`include=users,organizations`): assignees' names, organisations' revenue. */
  users: z.array(z.unknown()).optional().default([]),
  organizations: z.array(z.unknown()).optional().default([]),
});

/**
 * Reads a Zendesk export into cases, one ticket at a time. A ticket that does not parse is reported
 * with its position (`row` = 1-based index in `tickets`) and skipped; so is a malformed metric or audit.
 *
 * @example for (const item of importZendeskExport(JSON.parse(text))) if (item.ok) cases.push(item.case);
 */
export function* importZendeskExport(data: unknown, tenantId = 'default'): Generator<ImportItem> {
  const parsed = ZendeskExportSchema.safeParse(data);
  if (!parsed.success) throw new ImportError(`not a Zendesk export: ${describeIssues(parsed.error.issues)}`);
  const { tickets, ticket_metrics, ticket_audits, ticket_fields } = parsed.data;
  const users = new Map<string, ZendeskUser>();
  for (const u of parsed.data.users) {
    const r = ZendeskUserSchema.safeParse(u);
    if (r.success) users.set(r.data.id, r.data);
  }
  const organizations = new Map<string, ZendeskOrganization>();
  for (const o of parsed.data.organizations) {
    const r = ZendeskOrganizationSchema.safeParse(o);
    if (r.success) organizations.set(r.data.id, r.data);
  }

  // A malformed metric or audit is reported like a bad ticket (its ticket then counts without it).
  const metrics = new Map<string, ZendeskTicketMetric>();
  for (const [k, m] of ticket_metrics.entries()) {
    const r = ZendeskTicketMetricSchema.safeParse(m);
    if (r.success) metrics.set(r.data.ticket_id, r.data);
    else yield { ok: false, row: k + 1, reason: `ticket_metrics[${k}]: ${describeIssues(r.error.issues)}` };
  }
  const audits = new Map<string, ZendeskAudit[]>();
  for (const [k, a] of ticket_audits.entries()) {
    const r = ZendeskAuditSchema.safeParse(a);
    if (!r.success) {
      yield { ok: false, row: k + 1, reason: `ticket_audits[${k}]: ${describeIssues(r.error.issues)}` };
      continue;
    }
    const list = audits.get(r.data.ticket_id);
    if (list) list.push(r.data);
    else audits.set(r.data.ticket_id, [r.data]);
  }
  const fieldNames = new Map<string, string>();
  for (const f of ticket_fields) {
    const r = ZendeskTicketFieldSchema.safeParse(f);
    if (r.success) fieldNames.set(r.data.id, r.data.key ?? r.data.title);
  }

  // The incremental export repeats a ticket each time it changes: keep its latest version only.
  const latest = new Map<string, number>();
  const versions = tickets.map((raw) => ZendeskTicketSchema.safeParse(raw));
  versions.forEach((t, k) => {
    if (!t.success) return;
    const seen = latest.get(t.data.id);
    const prev = seen === undefined ? undefined : versions[seen];
    if (!prev?.success || (t.data.updated_at ?? '') >= (prev.data.updated_at ?? '')) latest.set(t.data.id, k);
  });

  let row = 0;
  for (const t of versions) {
    row++;
    if (!t.success) {
      yield { ok: false, row, reason: describeIssues(t.error.issues) };
      continue;
    }
    if (latest.get(t.data.id) !== row - 1) continue; // an older version of a ticket that comes again later
    if (t.data.status === 'deleted') {
      yield { ok: false, row, reason: 'ticket is deleted' };
      continue;
    }
    // A solved ticket without metrics is still a case (it counts for creation-based metrics),
    // but without a solved_at it counts for no resolution-based one.
    const metric = metrics.get(t.data.id) ?? null;
    try {
      yield {
        ok: true,
        row,
        case: normaliseZendeskTicket(t.data, {
          metric,
          audits: audits.get(t.data.id) ?? null,
          fieldNames,
          tenantId,
          users,
          organizations,
        }),
      };
    } catch (e) {
      if (!(e instanceof ZodError)) throw e;
      yield { ok: false, row, reason: describeIssues(e.issues) };
    }
  }
}
