import type { Case } from '../case/case-schema.js';
import { checkClosureRecord } from '../closure/check-closure-record.js';
import type { ClosurePolicy } from '../closure/closure-policy-schema.js';
import { inferIssueType } from '../completeness/issue-type.js';
import type { Rubric } from '../completeness/rubric-schema.js';
import { scoreCompleteness } from '../completeness/score.js';
import { Distribution, Samples, Tally } from './accumulators.js';
import { METRIC_CATALOGUE } from './catalogue.js';
import type { MetricUnit } from './metric-definition.js';
import { type MetricStatus, metricStatus } from './status.js';

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

export interface BreakdownEntry {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface MetricResult {
  id: string;
  name: string;
  unit: MetricUnit;
  /** Rates are fractions 0–1, times are hours; null when not measured (never 0 for missing data). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: MetricStatus;
  benchmark: number | null;
  target: number | null;
  /** For time metrics: the median and 90th percentile beside the mean. */
  median?: number | null;
  p90?: number | null;
  /** For distributions: each category's share of the total. */
  distribution?: Record<string, number>;
  breakdown?: Record<string, BreakdownEntry>;
  /** Why a metric is not measured: the data it needs. */
  reason?: string;
}

export interface MetricsReport {
  window: { from: string | null; to: string | null };
  /** Cases read, created in the window, solved in the window. */
  counts: { read: number; created: number; solved: number };
  metrics: Record<string, MetricResult>;
}

const HOUR_MS = 3_600_000;

/**
 * How each metric computed from cases is defined here, and from which case fields (Zendesk source in
 * brackets). The README's metric table is printed from this (packages/core/scripts/metric-table.ts).
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
    'solved cases whose closed record holds reason, issue type, solution, new vs known and a knowledge action (`checkClosureRecord`) ÷ solved cases; measured once any solved case records closure fields',
  new_vs_known:
    'share of solved cases marked `new` among those marked new or known [field new_vs_known, tags new_issue/known_issue]',
  knowledge_action:
    'solved cases with an article linked, updated or created ÷ solved cases [help-center links in agent comments of audits, or a knowledge_action field]; measured once any solved case records knowledge',
  cases_by_channel: 'share of cases created in the window per `channel` [ticket.via.channel]',
  issues_by_type:
    'share of cases created in the window per issue type: `issueType` field [ticket.type question → how_to, problem → bug], else inferred from the text',
  support_access_point:
    'share of cases created in the window per access point (web form, API and in-product together; other channels as they are)',
  csat: 'good ÷ (good + bad) ratings of solved cases [ticket.satisfaction_rating.score]',
  reopen_rate: 'solved cases with `reopens` ≥ 1 ÷ solved cases [ticket_metrics.reopens]',
  bug_impact: 'cases created in the window that are bugs or link a Jira issue ÷ cases created in the window',
} as const;

function dayOf(ts: string): string {
  return ts.endsWith('Z') ? ts.slice(0, 10) : new Date(ts).toISOString().slice(0, 10);
}

function groupKey(c: Case, by: GroupBy | undefined, issueType: () => string): string | null {
  if (!by) return null;
  if (by === 'issueType') return issueType();
  return c[by] ?? '(none)';
}

/**
 * Computes every metric of the catalogue over cases in one pass. Creation-based metrics (completeness,
 * channels, issue types) count cases created in the window; resolution-based ones (FCR, escalation,
 * time to resolution, …) count cases solved in the window. A metric whose data the cases do not hold is
 * `not_measured`, with the reason. Memory does not grow with the number of cases, except for the
 * resolution times kept for the median and p90.
 *
 * @example
 * const report = computeMetrics(cases, { from: '2026-10-01', to: '2026-10-31', groupBy: 'channel' });
 * report.metrics.first_contact_resolution.value // 0.61
 */
export function computeMetrics(cases: Iterable<Case>, options: ComputeMetricsOptions = {}): MetricsReport {
  const { from, to, groupBy, rubric, closurePolicy } = options;
  const inWindow = (day: string) => (from === undefined || day >= from) && (to === undefined || day <= to);

  // Creation-based
  const completeness = new Tally();
  const bugImpact = new Tally();
  const channels = new Distribution();
  const accessPoints = new Distribution();
  const types = new Distribution();
  // Resolution-based
  const fcr = new Tally();
  const escalation = new Tally();
  const collaboration = new Tally();
  const reopen = new Tally();
  const csat = new Tally();
  const record = new Tally();
  const knowledge = new Tally();
  const newVsKnown = new Distribution();
  const interactions = new Tally(); // num = replies summed, den = cases
  const effort = new Tally(); // num = hours summed
  const resolution = new Tally(); // num = hours summed
  const resolutionSamples = new Samples();
  let recordData = false;
  let knowledgeData = false;

  let read = 0;
  let created = 0;
  let solved = 0;
  let minDay: string | null = null;
  let maxDay: string | null = null;

  for (const c of cases) {
    read++;
    let inferredType: string | undefined;
    const issueType = () => {
      inferredType ??=
        c.issueType ?? (c.subject || c.description ? inferIssueType(c).issueType : '(unknown)');
      return inferredType;
    };
    const key = groupKey(c, groupBy, issueType);

    const createdDay = dayOf(c.createdAt);
    if (minDay === null || createdDay < minDay) minDay = createdDay;
    if (maxDay === null || createdDay > maxDay) maxDay = createdDay;
    if (inWindow(createdDay)) {
      created++;
      if (c.completeness) completeness.add(key, c.completeness.complete);
      else if (c.subject || c.description) completeness.add(key, scoreCompleteness(c, rubric).complete);
      if (c.channel) {
        channels.add(c.channel);
        accessPoints.add(c.channel === 'web' || c.channel === 'api' ? 'web / in-product' : c.channel);
      }
      const type = issueType();
      if (type !== '(unknown)') types.add(type);
      if (type !== '(unknown)' || c.jiraLinks.length > 0)
        bugImpact.add(key, type === 'bug' || c.jiraLinks.length > 0);
    }

    const isSolved = (c.status === 'solved' || c.status === 'closed') && c.solvedAt !== null;
    if (!isSolved || c.solvedAt === null) continue;
    const solvedDay = dayOf(c.solvedAt);
    if (solvedDay > (maxDay ?? solvedDay)) maxDay = solvedDay;
    if (!inWindow(solvedDay)) continue;
    solved++;

    const replies = c.publicAgentReplies;
    if (replies !== null) interactions.add(key, true, replies);
    if (replies !== null && replies >= 1 && c.reopens !== null)
      fcr.add(key, replies === 1 && c.reopens === 0);
    if (c.reopens !== null) reopen.add(key, c.reopens >= 1);
    if (c.groupStations !== null) escalation.add(key, c.groupStations >= 2);
    if (c.collaborators !== null) collaboration.add(key, c.collaborators.length >= 1);
    if (c.satisfaction === 'good' || c.satisfaction === 'bad') csat.add(key, c.satisfaction === 'good');
    if (c.agentEffortMinutes !== null) effort.add(key, true, c.agentEffortMinutes / 60);

    const hours = c.resolutionHours ?? (Date.parse(c.solvedAt) - Date.parse(c.createdAt)) / HOUR_MS;
    if (Number.isFinite(hours) && hours >= 0) {
      resolution.add(key, true, hours);
      resolutionSamples.push(hours);
    }

    const check = checkClosureRecord(c, closurePolicy);
    const { reason, solution, new_vs_known, knowledge_action } = check.values;
    if (
      c.closure !== null ||
      reason !== null ||
      solution !== null ||
      new_vs_known !== null ||
      knowledge_action !== null
    )
      recordData = true;
    record.add(key, check.complete);
    if (new_vs_known === 'new' || new_vs_known === 'known') newVsKnown.add(new_vs_known);
    // Once any solved case records knowledge (links from audits, or a knowledge-action field), an empty
    // record on another case means no action was taken there.
    if (c.knowledgeLinks !== null || knowledge_action !== null) knowledgeData = true;
    knowledge.add(key, knowledge_action !== null);
  }

  const metrics: Record<string, MetricResult> = {};
  const [median = null, p90 = null] = resolutionSamples.percentiles([0.5, 0.9]);
  const computed: Record<keyof typeof COMPUTED_FROM, () => Partial<MetricResult>> = {
    case_completeness: () =>
      ratio(completeness, 'cases with a subject or description (or a stored completeness score)'),
    interactions_per_case: () =>
      mean(interactions, 'public agent reply counts (Zendesk ticket_metrics.replies)'),
    first_contact_resolution: () => ratio(fcr, 'public agent reply counts and reopen counts of solved cases'),
    escalation_rate: () => ratio(escalation, 'group stations (groups a case passed through)'),
    collaboration_rate: () => ratio(collaboration, 'collaborators (agent followers or swarm members)'),
    time_to_resolution: () => ({
      ...mean(resolution, 'solved cases with created and solved times'),
      median,
      p90,
    }),
    total_effort_to_resolve: () => mean(effort, 'agent effort (a time-tracking field)'),
    case_record_completion: () =>
      recordData ? ratio(record, '') : { reason: 'no closure fields found: configure the closure policy' },
    new_vs_known: () =>
      newVsKnown.total === 0
        ? {
            reason: 'no new/known marking on solved cases (field new_vs_known or tags new_issue/known_issue)',
          }
        : {
            value: (newVsKnown.counts.get('new') ?? 0) / newVsKnown.total,
            numerator: newVsKnown.counts.get('new') ?? 0,
            denominator: newVsKnown.total,
            distribution: newVsKnown.shares(),
          },
    knowledge_action: () =>
      knowledgeData
        ? ratio(knowledge, '')
        : { reason: 'no knowledge links or knowledge-action field on solved cases' },
    cases_by_channel: () => distribution(channels, 'the channel of each case'),
    issues_by_type: () => distribution(types, 'an issue type field or case text'),
    support_access_point: () => distribution(accessPoints, 'the channel of each case'),
    csat: () => ratio(csat, 'satisfaction ratings (good/bad) on solved cases'),
    reopen_rate: () => ratio(reopen, 'reopen counts of solved cases'),
    bug_impact: () => ratio(bugImpact, 'issue types or Jira links of cases'),
  };

  for (const def of METRIC_CATALOGUE) {
    const partial = (computed as Record<string, () => Partial<MetricResult>>)[def.id]?.() ?? {
      reason: `not computed from helpdesk cases (needs ${def.needs.join(', ')})`,
    };
    const value = partial.value ?? null;
    const measured = value !== null || partial.distribution !== undefined;
    metrics[def.id] = {
      id: def.id,
      name: def.name,
      unit: def.unit,
      value,
      numerator: partial.numerator ?? null,
      denominator: partial.denominator ?? null,
      status: measured ? (value === null ? 'no_benchmark' : metricStatus(def, value)) : 'not_measured',
      benchmark: 'benchmark' in def ? def.benchmark : null,
      target: 'target' in def ? def.target : null,
      ...(partial.median !== undefined ? { median: partial.median, p90: partial.p90 ?? null } : {}),
      ...(partial.distribution ? { distribution: partial.distribution } : {}),
      ...(partial.breakdown && groupBy ? { breakdown: partial.breakdown } : {}),
      ...(measured ? {} : { reason: partial.reason ?? 'not measured' }),
    };
  }
  return {
    window: { from: from ?? minDay, to: to ?? maxDay },
    counts: { read, created, solved },
    metrics,
  };
}

function breakdownOf(t: Tally): Record<string, BreakdownEntry> {
  const out: Record<string, BreakdownEntry> = {};
  for (const [k, g] of t.groups) out[k] = { value: g.num / g.den, numerator: g.num, denominator: g.den };
  return out;
}

/** A rate (hits ÷ cases) or a mean (sum ÷ cases): both are numerator ÷ denominator of a tally. */
function ratio(t: Tally, needs: string): Partial<MetricResult> {
  if (t.den === 0) return { reason: `no data: needs ${needs}` };
  return { value: t.num / t.den, numerator: t.num, denominator: t.den, breakdown: breakdownOf(t) };
}
const mean = ratio;

function distribution(d: Distribution, needs: string): Partial<MetricResult> {
  if (d.total === 0) return { reason: `no data: needs ${needs}` };
  return { value: null, numerator: null, denominator: d.total, distribution: d.shares() };
}
