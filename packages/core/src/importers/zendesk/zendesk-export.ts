import { z } from 'zod';
import { describeIssues, ImportError, type ImportItem } from '../import-result.js';
import { normaliseZendeskTicket } from './normalise-ticket.js';
import {
  type ZendeskAudit,
  ZendeskAuditSchema,
  ZendeskTicketFieldSchema,
  type ZendeskTicketMetric,
  ZendeskTicketMetricSchema,
  ZendeskTicketSchema,
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

  const metrics = new Map<string, ZendeskTicketMetric>();
  ticket_metrics.forEach((m) => {
    const r = ZendeskTicketMetricSchema.safeParse(m);
    if (r.success) metrics.set(r.data.ticket_id, r.data);
  });
  const audits = new Map<string, ZendeskAudit[]>();
  for (const a of ticket_audits) {
    const r = ZendeskAuditSchema.safeParse(a);
    if (!r.success) continue;
    const list = audits.get(r.data.ticket_id);
    if (list) list.push(r.data);
    else audits.set(r.data.ticket_id, [r.data]);
  }
  const fieldNames = new Map<string, string>();
  for (const f of ticket_fields) {
    const r = ZendeskTicketFieldSchema.safeParse(f);
    if (r.success) fieldNames.set(r.data.id, r.data.key ?? r.data.title);
  }

  let row = 0;
  for (const raw of tickets) {
    row++;
    const t = ZendeskTicketSchema.safeParse(raw);
    if (!t.success) {
      yield { ok: false, row, reason: describeIssues(t.error.issues) };
      continue;
    }
    if (t.data.status === 'deleted') {
      yield { ok: false, row, reason: 'ticket is deleted' };
      continue;
    }
    // A solved ticket without metrics is still a case (it counts for creation-based metrics),
    // but without a solved_at it counts for no resolution-based one.
    const metric = metrics.get(t.data.id) ?? null;
    yield {
      ok: true,
      row,
      case: normaliseZendeskTicket(t.data, {
        metric,
        audits: audits.get(t.data.id) ?? null,
        fieldNames,
        tenantId,
      }),
    };
  }
}
