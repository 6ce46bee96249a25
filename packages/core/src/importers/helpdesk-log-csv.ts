import { CaseSchema } from '../case/case-schema.js';
import { csvObjects } from './csv.js';
import { describeIssues, type ImportItem } from './import-result.js';

/** "2010-01-13 08:40:25+00:00" → ISO. */
function timestamp(value: string | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(value?.trim() ?? '');
  if (!m) return null;
  const at = Date.parse(`${m[1]}T${m[2]}${m[3] ?? 'Z'}`);
  return Number.isNaN(at) ? null : new Date(at).toISOString().replace('.000Z', 'Z');
}

function toCase(events: { row: number; record: Record<string, string> }[], tenantId: string): ImportItem {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) throw new Error('empty case');
  const id = first.record['case:concept:name'] ?? '';
  const times = events.map((e) => timestamp(e.record['time:timestamp']));
  const createdAt = times[0];
  if (!createdAt || times.some((t) => t === null))
    return {
      ok: false,
      row: first.row,
      reason: `${id}: a timestamp is not in the form YYYY-MM-DD HH:MM:SS+00:00`,
    };
  const activities = events.map((e) => e.record['concept:name'] ?? e.record.Activity ?? '');
  const resolves = activities.filter((a) => a === 'Resolve ticket').length;
  const closedAt = activities.lastIndexOf('Closed');
  const lastResolve = activities.lastIndexOf('Resolve ticket');
  const solvedIndex = lastResolve >= 0 ? lastResolve : closedAt;
  const parsed = CaseSchema.safeParse({
    id,
    tenantId,
    helpdesk: 'helpdesk-log',
    createdAt,
    solvedAt: solvedIndex >= 0 ? times[solvedIndex] : null,
    status: closedAt >= 0 ? 'closed' : lastResolve >= 0 ? 'solved' : 'open',
    // Resolved, then worked on and resolved again: each further resolution is a reopen.
    reopens: Math.max(0, resolves - 1),
  });
  return parsed.success
    ? { ok: true, row: first.row, case: parsed.data }
    : { ok: false, row: first.row, reason: `${id}: ${describeIssues(parsed.error.issues)}` };
}

/**
 * Reads the "Helpdesk" process-mining event log (one row per activity, rows of a case together, XES
 * column names): a case is created at its first event and solved at its last "Resolve ticket".
 * It holds no text, channel or ratings, so those metrics stay not measured.
 *
 * @example [...importHelpdeskLogCsv(text)].length
 */
export function* importHelpdeskLogCsv(text: string, tenantId = 'default'): Generator<ImportItem> {
  let current: { row: number; record: Record<string, string> }[] = [];
  for (const item of csvObjects(text)) {
    const id = item.record['case:concept:name'];
    if (!id) {
      yield { ok: false, row: item.row, reason: 'no case:concept:name' };
      continue;
    }
    if (current.length > 0 && current[0]?.record['case:concept:name'] !== id) {
      yield toCase(current, tenantId);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) yield toCase(current, tenantId);
}
