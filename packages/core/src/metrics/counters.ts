import type { Case } from '../case/case-schema.js';
import { checkClosureRecord, recordedIssueType } from '../closure/check-closure-record.js';
import type { ClosurePolicy } from '../closure/closure-policy-schema.js';
import { inferIssueType } from '../completeness/issue-type.js';
import type { Rubric } from '../completeness/rubric-schema.js';
import { scoreCase } from '../completeness/score-case.js';

/**
 * Upper bounds (hours) of the resolution-time histogram buckets; the last bucket is open-ended.
 * Rollups keep this histogram so that the store answers median and p90 without reading cases.
 */
export const RESOLUTION_BUCKETS = [
  0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720, 1440,
] as const;
const BUCKET_COUNT = RESOLUTION_BUCKETS.length + 1;

/** Sums that every metric computed from cases is made of. One case adds to them once. */
export const COUNTER_NAMES = [
  // Added on the day a case is created
  'created',
  'completeness_num',
  'completeness_den',
  'type_how_to',
  'type_bug',
  'type_install_config',
  'type_other',
  'bug_impact_num',
  'bug_impact_den',
  'channel_email',
  'channel_web',
  'channel_chat',
  'channel_phone',
  'channel_social',
  'channel_api',
  'channel_messaging',
  'channel_other',
  // Added on the day a case is solved
  'solved',
  'replies_sum',
  'replies_den',
  'fcr_num',
  'fcr_den',
  'reopen_num',
  'reopen_den',
  'escalation_num',
  'escalation_den',
  'collab_num',
  'collab_den',
  'csat_good',
  'csat_bad',
  'effort_hours_sum',
  'effort_den',
  'ttr_hours_sum',
  'ttr_den',
  'record_num',
  'record_den',
  'knowledge_num',
  'knowledge_den',
  'new_count',
  'known_count',
  // Resolution-time histogram, one counter per RESOLUTION_BUCKETS bucket (+ the open-ended last one)
  'ttr_b0',
  'ttr_b1',
  'ttr_b2',
  'ttr_b3',
  'ttr_b4',
  'ttr_b5',
  'ttr_b6',
  'ttr_b7',
  'ttr_b8',
  'ttr_b9',
  'ttr_b10',
  'ttr_b11',
  'ttr_b12',
  'ttr_b13',
  'ttr_b14',
  'ttr_b15',
  'ttr_b16',
  'ttr_b17',
  'ttr_b18',
  'ttr_b19',
  'ttr_b20',
  'ttr_b21',
  'ttr_b22',
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export type Counters = Record<CounterName, number>;

// Counter names by index and by value, built once: no string building per case on the hot path.
const BUCKET_KEYS = Array.from({ length: BUCKET_COUNT }, (_, i) => `ttr_b${i}` as CounterName);
const TYPE_KEYS = {
  how_to: 'type_how_to',
  bug: 'type_bug',
  install_config: 'type_install_config',
  other: 'type_other',
} as const;
const CHANNEL_KEYS = {
  email: 'channel_email',
  web: 'channel_web',
  chat: 'channel_chat',
  phone: 'channel_phone',
  social: 'channel_social',
  api: 'channel_api',
  messaging: 'channel_messaging',
  other: 'channel_other',
} as const;

/** Every counter at 0, built once: copying it is cheaper than building each (every case write makes a few). */
const ZERO: Counters = Object.freeze(Object.fromEntries(COUNTER_NAMES.map((n) => [n, 0])) as Counters);

/** A fresh set of counters, all zero. */
export function emptyCounters(): Counters {
  return { ...ZERO };
}

/** Adds `b` (times `sign`) into `a`. */
export function addCounters(a: Counters, b: Counters, sign = 1): void {
  for (const n of COUNTER_NAMES) a[n] += sign * b[n];
}

export interface CounterOptions {
  rubric?: Rubric;
  closurePolicy?: ClosurePolicy;
}

/**
 * The issue type a case counts under: the one an agent recorded (recordedIssueType), else the helpdesk's, else
 * inferred from its text; null without any.
 */
export function caseIssueType(c: Case, closurePolicy?: ClosurePolicy): Case['issueType'] {
  return (
    recordedIssueType(c, closurePolicy) ??
    c.issueType ??
    (c.subject || c.description ? inferIssueType(c).issueType : null)
  );
}

/**
 * What a case adds on its creation day: completeness at creation, issue type, channel, bug impact.
 * Completeness comes from the score stored at creation; a case never scored is scored from its text.
 */
export function addCreatedCounters(t: Counters, c: Case, opts: CounterOptions = {}): void {
  t.created += 1;
  const complete = c.completeness
    ? c.completeness.complete
    : c.subject || c.description
      ? scoreCase(c, opts).complete
      : null;
  if (complete !== null) {
    t.completeness_den += 1;
    if (complete) t.completeness_num += 1;
  }
  const type = caseIssueType(c, opts.closurePolicy);
  if (type) t[TYPE_KEYS[type]] += 1;
  if (type || c.jiraLinks.length > 0) {
    t.bug_impact_den += 1;
    if (type === 'bug' || c.jiraLinks.length > 0) t.bug_impact_num += 1;
  }
  if (c.channel) t[CHANNEL_KEYS[c.channel]] += 1;
}

/** Resolution time in hours: the helpdesk's figure, else solvedAt − createdAt; null when unknown or negative. */
export function resolutionHours(c: Pick<Case, 'solvedAt' | 'createdAt' | 'resolutionHours'>): number | null {
  if (c.solvedAt === null) return null;
  const hours = c.resolutionHours ?? (Date.parse(c.solvedAt) - Date.parse(c.createdAt)) / 3_600_000;
  return Number.isFinite(hours) && hours >= 0 ? hours : null;
}

/**
 * Whether a solved case was resolved at first contact: one public agent reply and never reopened; null when either is
 * not recorded (or no agent replied).
 */
export function firstContactResolved(c: Pick<Case, 'publicAgentReplies' | 'reopens'>): boolean | null {
  const replies = c.publicAgentReplies;
  if (replies === null || replies < 1 || c.reopens === null) return null;
  return replies === 1 && c.reopens === 0;
}

/** Whether a case was reopened after being solved; null when the helpdesk does not record it. */
export function reopened(c: Pick<Case, 'reopens'>): boolean | null {
  return c.reopens === null ? null : c.reopens >= 1;
}

/** The histogram bucket of a resolution time. */
export function resolutionBucket(hours: number): number {
  let i = 0;
  while (i < RESOLUTION_BUCKETS.length && hours >= (RESOLUTION_BUCKETS[i] ?? Number.POSITIVE_INFINITY)) i++;
  return i;
}

/** True when the case is solved (or closed) with a known solved time. */
export function isSolved(c: Case): c is Case & { solvedAt: string } {
  return (c.status === 'solved' || c.status === 'closed') && c.solvedAt !== null;
}

/**
 * What a solved case adds on its solved day: the resolution-based metrics (see COMPUTED_FROM).
 * Returns the resolution time it counted, for exact percentiles.
 */
export function addSolvedCounters(t: Counters, c: Case, opts: CounterOptions = {}): number | null {
  t.solved += 1;
  const replies = c.publicAgentReplies;
  if (replies !== null) {
    t.replies_sum += replies;
    t.replies_den += 1;
  }
  const fcr = firstContactResolved(c);
  if (fcr !== null) {
    t.fcr_den += 1;
    if (fcr) t.fcr_num += 1;
  }
  const wasReopened = reopened(c);
  if (wasReopened !== null) {
    t.reopen_den += 1;
    if (wasReopened) t.reopen_num += 1;
  }
  if (c.groupStations !== null) {
    t.escalation_den += 1;
    if (c.groupStations >= 2) t.escalation_num += 1;
  }
  if (c.collaborators !== null) {
    t.collab_den += 1;
    if (c.collaborators.length >= 1) t.collab_num += 1;
  }
  if (c.satisfaction === 'good') t.csat_good += 1;
  if (c.satisfaction === 'bad') t.csat_bad += 1;
  if (c.agentEffortMinutes !== null) {
    t.effort_hours_sum += c.agentEffortMinutes / 60;
    t.effort_den += 1;
  }
  const hours = resolutionHours(c);
  if (hours !== null) {
    t.ttr_hours_sum += hours;
    t.ttr_den += 1;
    t[BUCKET_KEYS[resolutionBucket(hours)] as CounterName] += 1;
  }
  // Only cases whose source can hold the item count: a helpdesk without such a field is "not measured", not 0.
  const check = checkClosureRecord(c, opts.closurePolicy);
  const { new_vs_known, knowledge_action } = check.values;
  if (check.unrecordable.length === 0) {
    t.record_den += 1;
    if (check.complete) t.record_num += 1;
  }
  if (!check.unrecordable.includes('knowledge_action')) {
    t.knowledge_den += 1;
    if (knowledge_action !== null) t.knowledge_num += 1;
  }
  if (new_vs_known === 'new') t.new_count += 1;
  if (new_vs_known === 'known') t.known_count += 1;
  return hours;
}

/**
 * Median and p90 from the histogram, interpolated linearly inside the bucket that holds the rank.
 * Approximate by construction (the store's answer); `computeMetrics` over cases is exact.
 */
export function histogramPercentiles(t: Counters, ps: readonly number[]): (number | null)[] {
  const counts = BUCKET_KEYS.map((k) => t[k]);
  const total = counts.reduce((s, n) => s + n, 0);
  if (total === 0) return ps.map(() => null);
  return ps.map((p) => {
    const rank = Math.max(1, Math.ceil(p * total));
    let seen = 0;
    for (let i = 0; i < counts.length; i++) {
      const n = counts[i] ?? 0;
      if (seen + n >= rank) {
        const lo = i === 0 ? 0 : (RESOLUTION_BUCKETS[i - 1] ?? 0);
        const hi = RESOLUTION_BUCKETS[i] ?? lo * 2;
        return lo + ((hi - lo) * (rank - seen)) / n;
      }
      seen += n;
    }
    return null;
  });
}
