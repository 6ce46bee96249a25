import type { Case } from '../case/case-schema.js';
import type { ClosurePolicy } from '../closure/closure-policy-schema.js';
import type { Rubric } from '../completeness/rubric-schema.js';
import { Samples } from './accumulators.js';
import { METRIC_CATALOGUE } from './catalogue.js';
import {
  addCounters,
  addCreatedCounters,
  addSolvedCounters,
  type Counters,
  caseIssueType,
  emptyCounters,
  histogramPercentiles,
  isSolved,
} from './counters.js';
import { dayOf } from './day.js';
import { measuredElsewhere } from './measured-elsewhere.js';
import { type BreakdownEntry, type MetricResult, metricResult } from './metric-result.js';

// In their own files, so that what success/* needs of them does not import the catalogue's computation (a cycle).
export { dayOf } from './day.js';
export { type BreakdownEntry, type MetricResult, metricResult } from './metric-result.js';

/** Dimensions a metric can be broken down by. */
export type GroupBy = 'channel' | 'group' | 'brand' | 'priority' | 'issueType';

export interface ComputeMetricsOptions {
  /** First day of the window, `YYYY-MM-DD` (UTC, inclusive). Omitted: from the earliest case. */
  from?: string;
  /** Last day of the window, `YYYY-MM-DD` (UTC, inclusive). Omitted: up to the latest case. */
  to?: string;
  groupBy?: GroupBy;
  /** Rubric for cases whose completeness was not scored at creation. */
  rubric?: Rubric;
  closurePolicy?: ClosurePolicy;
}

export interface MetricsReport {
  window: { from: string | null; to: string | null };
  /** Cases read, created in the window, solved in the window. */
  counts: { read: number; created: number; solved: number };
  metrics: Record<string, MetricResult>;
}

/**
 * How each metric computed from cases is defined here, and from which case fields (Zendesk source in
 * brackets). The metric table of docs/metrics.md is printed from this (packages/core/scripts/metric-table.ts).
 */
export const COMPUTED_FROM = {
  case_completeness:
    'cases created in the window whose first message scores `complete` ÷ cases created in the window; `completeness` stored at creation, else scored from `subject` + `description`',
  interactions_per_case: 'mean `publicAgentReplies` [ticket_metrics.replies] of cases solved in the window',
  first_contact_resolution:
    'solved cases with exactly one public agent reply and `reopens` = 0 ÷ solved cases with ≥ 1 public agent reply [ticket_metrics.replies, reopens]',
  escalation_rate: 'solved cases with `groupStations` ≥ 2 ÷ solved cases [ticket_metrics.group_stations]',
  collaboration_rate: 'solved cases with ≥ 1 `collaborators` ÷ solved cases [ticket.follower_ids]',
  time_to_resolution:
    'mean of `resolutionHours` [ticket_metrics.full_resolution_time_in_minutes.calendar ÷ 60], else solvedAt − createdAt, over solved cases; median and p90 beside it',
  total_effort_to_resolve: 'mean `agentEffortMinutes` ÷ 60 of solved cases (a time-tracking field)',
  case_record_completion:
    'solved cases whose closed record holds reason, issue type, solution, new vs known and a knowledge action (`checkClosureRecord`) ÷ solved cases whose helpdesk has a place (field, tag or closure record) for each of them',
  new_vs_known:
    'share of solved cases marked `new` among those marked new or known [field new_vs_known, tags new_issue/known_issue]',
  knowledge_action:
    'solved cases with an article linked, updated or created ÷ solved cases that can record it [help-center links in agent comments of audits, a knowledge_action field, or kb_* tags]',
  cases_by_channel: 'share of cases created in the window per `channel` [ticket.via.channel]',
  issues_by_type:
    'share of cases created in the window per issue type: the one an agent recorded (closure record, or the issue type field or tag of the closed-record policy), else the `issueType` field [ticket.type question → how_to, problem → bug], else inferred from the text',
  support_access_point:
    'share of cases created in the window per access point (web form, API and in-product together; other channels as they are)',
  csat: 'good ÷ (good + bad) ratings of solved cases [ticket.satisfaction_rating.score]',
  reopen_rate: 'solved cases with `reopens` ≥ 1 ÷ solved cases [ticket_metrics.reopens]',
  bug_impact: 'cases created in the window that are bugs or link a Jira issue ÷ cases created in the window',
  proficiency_impact:
    'cases created in the window that are how-to or install/config ÷ cases created in the window (the issue type an agent recorded, else the helpdesk type field, else inferred from the text): the demand better skills could prevent',
} as const;

/** The value a case has for a breakdown dimension. */
export function groupKeyOf(c: Case, by: GroupBy, closurePolicy?: ClosurePolicy): string {
  if (by === 'issueType') return caseIssueType(c, closurePolicy) ?? '(unknown)';
  return c[by] ?? '(none)';
}

/**
 * Computes every metric of the catalogue over cases in one pass. Creation-based metrics (completeness,
 * channels, issue types) count cases created in the window; resolution-based ones (FCR, escalation,
 * time to resolution, …) count cases solved in the window. A metric whose data the cases do not hold is
 * `not_measured`, with the reason. Memory does not grow with the number of cases, except for the
 * resolution times kept for the exact median and p90.
 *
 * @example
 * const report = computeMetrics(cases, { from: '2026-10-01', to: '2026-10-31', groupBy: 'channel' });
 * report.metrics.first_contact_resolution.value // 0.61
 */
export function computeMetrics(cases: Iterable<Case>, options: ComputeMetricsOptions = {}): MetricsReport {
  const { from, to, groupBy } = options;
  const inWindow = (day: string) => (from === undefined || day >= from) && (to === undefined || day <= to);
  const totals = emptyCounters();
  const groups = new Map<string, Counters>();
  const samples = new Samples();
  let read = 0;
  let minDay: string | null = null;
  let maxDay: string | null = null;

  for (const c of cases) {
    read++;
    // With a breakdown, each case adds to its group only; the totals are the sum of the groups at the end.
    let target = totals;
    if (groupBy) {
      const key = groupKeyOf(c, groupBy, options.closurePolicy);
      let group = groups.get(key);
      if (!group) {
        group = emptyCounters();
        groups.set(key, group);
      }
      target = group;
    }
    const createdDay = dayOf(c.createdAt);
    if (minDay === null || createdDay < minDay) minDay = createdDay;
    if (maxDay === null || createdDay > maxDay) maxDay = createdDay;
    if (inWindow(createdDay)) addCreatedCounters(target, c, options);
    if (!isSolved(c)) continue;
    const solvedDay = dayOf(c.solvedAt);
    if (solvedDay > maxDay) maxDay = solvedDay;
    if (!inWindow(solvedDay)) continue;
    const hours = addSolvedCounters(target, c, options);
    if (hours !== null) samples.push(hours);
  }
  for (const g of groups.values()) addCounters(totals, g);

  const [median = null, p90 = null] = samples.percentiles([0.5, 0.9]);
  return {
    window: { from: from ?? minDay, to: to ?? maxDay },
    counts: { read, created: totals.created, solved: totals.solved },
    metrics: metricsFromCounters(totals, {
      groups: groupBy ? groups : undefined,
      percentiles: { median, p90 },
    }),
  };
}

type Partial_ = Partial<MetricResult>;
type Formula = (t: Counters) => { num: number; den: number } | { reason: string };

const CHANNELS = ['email', 'web', 'chat', 'phone', 'social', 'api', 'messaging', 'other'] as const;
const TYPES = ['how_to', 'bug', 'install_config', 'other'] as const;

// Numerator ÷ denominator of every rate or mean metric, from counters (definitions in COMPUTED_FROM).
const RATIOS: Record<string, Formula> = {
  case_completeness: (t) =>
    need(
      t.completeness_num,
      t.completeness_den,
      'cases with a subject or description (or a stored completeness score)',
    ),
  interactions_per_case: (t) =>
    need(t.replies_sum, t.replies_den, 'public agent reply counts (Zendesk ticket_metrics.replies)'),
  first_contact_resolution: (t) =>
    need(t.fcr_num, t.fcr_den, 'public agent reply counts and reopen counts of solved cases'),
  escalation_rate: (t) =>
    need(t.escalation_num, t.escalation_den, 'group stations (groups a case passed through)'),
  collaboration_rate: (t) =>
    need(t.collab_num, t.collab_den, 'collaborators (agent followers or swarm members)'),
  time_to_resolution: (t) => need(t.ttr_hours_sum, t.ttr_den, 'solved cases with created and solved times'),
  total_effort_to_resolve: (t) =>
    need(t.effort_hours_sum, t.effort_den, 'agent effort (a time-tracking field)'),
  case_record_completion: (t) =>
    need(
      t.record_num,
      t.record_den,
      'solved cases whose helpdesk has a place for every closure item (configure the closure policy)',
    ),
  knowledge_action: (t) =>
    need(
      t.knowledge_num,
      t.knowledge_den,
      'knowledge links (audits) or a knowledge-action field on solved cases',
    ),
  csat: (t) => need(t.csat_good, t.csat_good + t.csat_bad, 'satisfaction ratings (good/bad) on solved cases'),
  reopen_rate: (t) => need(t.reopen_num, t.reopen_den, 'reopen counts of solved cases'),
  bug_impact: (t) => need(t.bug_impact_num, t.bug_impact_den, 'issue types or Jira links of cases'),
  proficiency_impact: (t) =>
    need(
      t.type_how_to + t.type_install_config,
      t.type_how_to + t.type_bug + t.type_install_config + t.type_other,
      'an issue type field or case text',
    ),
};

function need(num: number, den: number, what: string): { num: number; den: number } | { reason: string } {
  return den === 0 ? { reason: `no data: needs ${what}` } : { num, den };
}

function shares(counts: [string, number][], what: string): Partial_ {
  const total = counts.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return { reason: `no data: needs ${what}` };
  const distribution: Record<string, number> = {};
  for (const [k, n] of counts.filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]))
    distribution[k] = n / total;
  return { value: null, numerator: null, denominator: total, distribution };
}

const DISTRIBUTIONS: Record<string, (t: Counters) => Partial_> = {
  cases_by_channel: (t) =>
    shares(
      CHANNELS.map((ch) => [ch, t[`channel_${ch}`]]),
      'the channel of each case',
    ),
  support_access_point: (t) =>
    shares(
      [
        ['web / in-product', t.channel_web + t.channel_api],
        ...CHANNELS.filter((ch) => ch !== 'web' && ch !== 'api').map((ch): [string, number] => [
          ch,
          t[`channel_${ch}`],
        ]),
      ],
      'the channel of each case',
    ),
  issues_by_type: (t) =>
    shares(
      TYPES.map((k) => [k, t[`type_${k}`]]),
      'an issue type field or case text',
    ),
  new_vs_known: (t) => {
    const d = shares(
      [
        ['new', t.new_count],
        ['known', t.known_count],
      ],
      '',
    );
    if (d.denominator === undefined)
      return {
        reason: 'no new/known marking on solved cases (field new_vs_known or tags new_issue/known_issue)',
      };
    return { ...d, value: t.new_count / (t.new_count + t.known_count), numerator: t.new_count };
  },
};

/** The reason of a metric without a value when no case was created or solved in the window (and filter). */
export const NO_CASES = 'no data: no case was created or solved in this window (and filter)';

/**
 * Builds every catalogue metric from summed counters — the one place where values, statuses and
 * "not measured" are decided, whether the counters come from cases in memory or from the store's rollups.
 * Percentiles are exact when given, else estimated from the counters' histogram.
 */
export function metricsFromCounters(
  totals: Counters,
  opts: {
    groups?: ReadonlyMap<string, Counters>;
    percentiles?: { median: number | null; p90: number | null };
  } = {},
): Record<string, MetricResult> {
  const [hMedian = null, hP90 = null] = histogramPercentiles(totals, [0.5, 0.9]);
  const { median, p90 } = opts.percentiles ?? { median: hMedian, p90: hP90 };
  const metrics: Record<string, MetricResult> = {};
  const empty = totals.created === 0 && totals.solved === 0;
  for (const def of METRIC_CATALOGUE) {
    let partial: Partial_;
    const ratio = RATIOS[def.id];
    const dist = DISTRIBUTIONS[def.id];
    if (ratio) {
      const r = ratio(totals);
      if ('reason' in r) partial = { reason: r.reason };
      else {
        partial = { value: r.num / r.den, numerator: r.num, denominator: r.den };
        if (opts.groups) {
          const breakdown: Record<string, BreakdownEntry> = {};
          for (const [key, g] of opts.groups) {
            const gr = ratio(g);
            if (!('reason' in gr))
              breakdown[key] = { value: gr.num / gr.den, numerator: gr.num, denominator: gr.den };
          }
          partial.breakdown = breakdown;
        }
        if (def.id === 'time_to_resolution') Object.assign(partial, { median, p90 });
      }
    } else if (dist) partial = dist(totals);
    else {
      const elsewhere = measuredElsewhere(def.id);
      partial = {
        reason: elsewhere
          ? `measured ${elsewhere.what}, not over the cases of a window: see ${elsewhere.where.replaceAll('`', '')}`
          : `not computed from helpdesk cases (needs ${def.needs.join(', ')})`,
      };
    }

    // No case at all in the window (and filter) is what to say then, not what a case would need.
    if (empty && (ratio || dist) && partial.reason !== undefined) partial = { reason: NO_CASES };
    metrics[def.id] = metricResult(def, partial);
  }
  return metrics;
}
