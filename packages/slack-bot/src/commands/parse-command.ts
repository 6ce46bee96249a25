import {
  addDays,
  CalendarDateSchema,
  findMetric,
  lastDays,
  type MetricDefinition,
  previousWindow as previousDays,
  windowDays,
} from '@support-metrics/core';

/** A window of UTC days, both ends inclusive. */
export interface DayWindow {
  from: string;
  to: string;
  /** How the user named it: "last 7 days", "yesterday", "2026-10-01 – 2026-10-31". */
  label: string;
}

/** What a window token asks for, resolved against today by `resolveWindow`. */
export type WindowSpec =
  | { kind: 'today' }
  | { kind: 'yesterday' }
  | { kind: 'days'; days: number }
  | { kind: 'quarter' }
  | { kind: 'range'; from: string; to: string };

/** Filters of the rollups: `group:Tier2`, `channel:email`, `brand:Acme`. */
export interface CommandFilters {
  channel?: string;
  group?: string;
  brand?: string;
}

export type BugSort = 'cases' | 'customers' | 'revenue';

/** What `/support-metrics …` asks for. */
export type Command =
  | { kind: 'kpis'; window: WindowSpec; filters: CommandFilters }
  | { kind: 'metric'; metric: MetricDefinition; window: WindowSpec; filters: CommandFilters }
  | { kind: 'bugs'; sort: BugSort }
  /** Customer health and the success metrics; NextGen outcomes; the demand forecast; the maturity self-assessment. */
  | { kind: 'health' }
  | { kind: 'outcomes' }
  | { kind: 'forecast' }
  | { kind: 'maturity' }
  | { kind: 'swarm'; caseId: string }
  | { kind: 'subscribe'; channelId: string | null; time: string; timeZone: string | null }
  | { kind: 'unsubscribe'; channelId: string | null }
  | { kind: 'help' }
  /** Input we do not understand: answered with the usage and what went wrong, never an error. */
  | { kind: 'usage'; problem: string };

const DEFAULT_WINDOW: WindowSpec = { kind: 'days', days: 7 };

/** A window token: today, yesterday, 7d, 30d, 90d (any 1–366 d), quarter, or 2026-10-01..2026-10-31. */
export function parseWindow(token: string): WindowSpec | string | null {
  const t = token.toLowerCase();
  if (t === 'today') return { kind: 'today' };
  if (t === 'yesterday') return { kind: 'yesterday' };
  if (t === 'quarter') return { kind: 'quarter' };
  const days = /^(\d{1,3})d$/.exec(t);
  if (days) {
    const n = Number(days[1]);
    return n >= 1 && n <= 366 ? { kind: 'days', days: n } : 'a window is 1d to 366d';
  }
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (range) {
    const from = CalendarDateSchema.safeParse(range[1]);
    const to = CalendarDateSchema.safeParse(range[2]);
    if (!from.success || !to.success) return `${token} is not a range of real dates`;
    if (from.data > to.data) return `${token} ends before it starts`;
    return { kind: 'range', from: from.data, to: to.data };
  }
  return null;
}

/** The days a window covers, ending today (UTC) unless it names its own. */
export function resolveWindow(spec: WindowSpec, today: string): DayWindow {
  switch (spec.kind) {
    case 'today':
      return { from: today, to: today, label: 'today' };
    case 'yesterday': {
      const d = addDays(today, -1);
      return { from: d, to: d, label: 'yesterday' };
    }
    case 'days':
      return { ...lastDays(today, spec.days), label: `last ${spec.days} days` };
    case 'quarter': {
      const month = Number(today.slice(5, 7));
      const first = `${today.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
      return { from: first, to: today, label: 'this quarter' };
    }
    case 'range':
      return { from: spec.from, to: spec.to, label: `${spec.from} – ${spec.to}` };
  }
}

/** The window of the same length just before (for "change vs the previous period"). */
export function previousWindow(w: DayWindow): DayWindow {
  return { ...previousDays(w), label: `previous ${windowDays(w)} days` };
}

/** A case id as people type it: 1234, #1234, or a Zendesk ticket URL. */
export function parseCaseId(token: string | undefined): string | null {
  if (!token) return null;
  const url = /\/tickets\/(\d+)/.exec(token);
  if (url?.[1]) return url[1];
  const plain = /^#?([A-Za-z0-9][\w-]{0,63})$/.exec(token);
  return plain?.[1] ?? null;
}

/** A channel as Slack escapes it in command text (`<#C123|general>`), or null. */
function parseChannel(token: string | undefined): string | null {
  const m = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token ?? '');
  return m?.[1] ?? null;
}

/** An IANA time zone this runtime knows (Europe/Berlin), as Intl does. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses the text after `/support-metrics`. Never throws: input it cannot read becomes `{ kind: 'usage' }`
 * with the reason, which the bot answers with the usage.
 *
 * @example parseCommand('fcr 30d group:Tier2') // { kind: 'metric', metric: FCR, window: 30 days, filters: { group: 'Tier2' } }
 */
export function parseCommand(text: string): Command {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const [head, ...rest] = tokens;
  const verb = head?.toLowerCase();
  if (verb === 'help' || verb === '?') return { kind: 'help' };
  if (verb === 'health' || verb === 'outcomes' || verb === 'forecast' || verb === 'maturity') {
    if (rest.length) return { kind: 'usage', problem: `${verb} takes nothing after it` };
    return { kind: verb };
  }
  if (verb === 'bugs') {
    const sort = (rest[0] ?? 'cases').toLowerCase();
    if (sort === 'cases' || sort === 'customers' || sort === 'revenue') return { kind: 'bugs', sort };
    return { kind: 'usage', problem: `bugs are ranked by cases, customers or revenue, not “${rest[0]}”` };
  }
  if (verb === 'swarm') {
    const caseId = parseCaseId(rest[0]);
    return caseId
      ? { kind: 'swarm', caseId }
      : { kind: 'usage', problem: 'name the case to swarm on, e.g. `/support-metrics swarm 1234`' };
  }
  if (verb === 'subscribe') {
    let i = 0;
    const channelId = parseChannel(rest[i]);
    if (channelId) i++;
    else if (rest[i]?.startsWith('#'))
      return { kind: 'usage', problem: `pick ${rest[i]} from Slack's channel list so that it is a link` };
    let time = '09:00';
    const hhmm = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(rest[i] ?? '');
    if (hhmm) {
      time = `${hhmm[1]?.padStart(2, '0')}:${hhmm[2]}`;
      i++;
    } else if (rest[i] && /^\d/.test(rest[i] ?? ''))
      return { kind: 'usage', problem: `“${rest[i]}” is not a time: use HH:MM, e.g. 09:00` };
    const zone = rest[i];
    if (zone && !isTimeZone(zone))
      return {
        kind: 'usage',
        problem: `“${zone}” is not a time zone: use an IANA name such as Europe/Berlin`,
      };
    if (rest.length > i + (zone ? 1 : 0))
      return { kind: 'usage', problem: 'subscribe takes a channel, a time and a time zone' };
    return { kind: 'subscribe', channelId, time, timeZone: zone ?? null };
  }
  if (verb === 'unsubscribe') return { kind: 'unsubscribe', channelId: parseChannel(rest[0]) };

  let window: WindowSpec | undefined;
  let metric: MetricDefinition | undefined;
  const filters: CommandFilters = {};
  for (const token of tokens) {
    const filter = /^(group|channel|brand):(.+)$/i.exec(token);
    if (filter) {
      const key = filter[1]?.toLowerCase() as keyof CommandFilters;
      filters[key] = filter[2] as string;
      continue;
    }
    const w = parseWindow(token);
    if (typeof w === 'string') return { kind: 'usage', problem: w };
    if (w) {
      if (window) return { kind: 'usage', problem: 'give one window at most' };
      window = w;
      continue;
    }
    const m = findMetric(token);
    if (m && !metric) {
      metric = m;
      continue;
    }
    return { kind: 'usage', problem: `I don't know “${token}”` };
  }
  return metric
    ? { kind: 'metric', metric, window: window ?? DEFAULT_WINDOW, filters }
    : { kind: 'kpis', window: window ?? DEFAULT_WINDOW, filters };
}
