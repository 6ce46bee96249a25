import { CaseSchema, type Channel } from '../case/case-schema.js';
import { csvObjects } from './csv.js';
import { describeIssues, type ImportItem } from './import-result.js';

const PRIORITIES: Record<string, 'urgent' | 'high' | 'normal' | 'low'> = {
  '1': 'urgent',
  '2': 'high',
  '3': 'normal',
  '4': 'low',
};
const CHANNELS: Record<string, Channel> = {
  Phone: 'phone',
  Email: 'email',
  'Self service': 'web',
  IVR: 'phone',
};

/** "29-02-2016 01:16" → ISO UTC; "?" or blank → null. */
function timestamp(value: string | undefined): string | null | 'invalid' {
  const v = value?.trim();
  if (!v || v === '?') return null;
  const m = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/.exec(v);
  return m ? `${m[3]}-${m[2]}-${m[1]}T${m[4]}:${m[5]}:00Z` : 'invalid';
}

const known = (v: string | undefined) => (v && v !== '?' ? v : null);

function toCase(rows: { row: number; record: Record<string, string> }[], tenantId: string): ImportItem {
  const last = rows[rows.length - 1];
  if (!last) throw new Error('empty incident');
  const r = last.record;
  const openedAt = timestamp(r.opened_at);
  const resolvedAt = timestamp(r.resolved_at);
  if (openedAt === 'invalid' || resolvedAt === 'invalid')
    return {
      ok: false,
      row: last.row,
      reason: `${r.number}: a timestamp is not in the form DD-MM-YYYY HH:MM`,
    };
  const state = r.incident_state ?? '';
  const solved = state === 'Resolved' || state === 'Closed';
  const reassignments = Number(r.reassignment_count);
  const reopens = Number(r.reopen_count);
  const parsed = CaseSchema.safeParse({
    id: r.number,
    tenantId,
    helpdesk: 'servicenow',
    channel: CHANNELS[r.contact_type ?? ''] ?? 'other',
    createdAt: openedAt,
    solvedAt: solved ? resolvedAt : null,
    status:
      state === 'Closed'
        ? 'closed'
        : state === 'Resolved'
          ? 'solved'
          : state === 'New'
            ? 'new'
            : state.startsWith('Awaiting')
              ? 'pending'
              : 'open',
    priority: PRIORITIES[(r.priority ?? '').slice(0, 1)] ?? null,
    requester: known(r.caller_id) ? { id: r.caller_id } : null,
    group: known(r.assignment_group),
    customFields: {
      category: known(r.category),
      subcategory: known(r.subcategory),
      symptom: known(r.u_symptom),
    },
    // Reassignments move the incident between groups: n reassignments = n + 1 groups passed through.
    groupStations: Number.isInteger(reassignments) && reassignments >= 0 ? reassignments + 1 : null,
    reopens: Number.isInteger(reopens) && reopens >= 0 ? reopens : null,
    knowledgeLinks:
      r.knowledge === 'TRUE'
        ? [{ article: 'knowledge', action: 'linked' }]
        : r.knowledge === 'FALSE'
          ? []
          : null,
  });
  return parsed.success
    ? { ok: true, row: last.row, case: parsed.data }
    : { ok: false, row: last.row, reason: `${r.number}: ${describeIssues(parsed.error.issues)}` };
}

/**
 * Reads a ServiceNow incident event log (one row per update of an incident, rows of one incident
 * together, as the UCI "incident management process" log): the last row holds the incident's final state.
 * An incident whose rows are not contiguous is reported and skipped rather than counted twice.
 *
 * @example [...importServiceNowCsv(text)].filter((i) => i.ok).length // incidents read
 */
export function* importServiceNowCsv(text: string, tenantId = 'default'): Generator<ImportItem> {
  const done = new Set<string>();
  let current: { row: number; record: Record<string, string> }[] = [];
  for (const item of csvObjects(text)) {
    const number = item.record.number ?? '';
    const open = current[0]?.record.number;
    if (open !== undefined && number !== open) {
      done.add(open);
      yield toCase(current, tenantId);
      current = [];
    }
    if (!number) {
      yield { ok: false, row: item.row, reason: 'no incident number' };
      continue;
    }
    if (done.has(number)) {
      yield {
        ok: false,
        row: item.row,
        reason: `${number}: rows of this incident are not together; row skipped`,
      };
      continue;
    }
    current.push(item);
  }
  if (current.length > 0) yield toCase(current, tenantId);
}
