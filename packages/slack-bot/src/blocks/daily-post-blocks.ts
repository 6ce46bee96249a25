import type { KnownBlock } from '@slack/types';
import { type CompletenessOutcomes, getMetricDefinition, type MetricResult } from '@support-metrics/core';
import type { RankedBug as BugImpactRow } from '@support-metrics/platform';
import type { ChartImage } from '../charts/chart-service.js';
import { bugLine } from './bugs-blocks.js';
import { chartBlock } from './chart-blocks.js';
import { outcomeLine } from './completeness-blocks.js';
import { benchmarkText, formatValue, sparkline, statusIcon } from './format.js';
import { HEADLINE_KPIS, type Message } from './metrics-blocks.js';
import { button, context, divider, escapeMrkdwn, header, section, truncate } from './mrkdwn.js';
import { ageText } from './swarm-blocks.js';

export interface AgingEntry {
  caseId: string;
  subject: string;
  ageHours: number;
  thresholdHours: number;
  cohort: string;
  /** Suggested experts, already formatted ("<@U1> solved 7 similar cases in 90 days"). */
  experts: string[];
}

/** Up to `max` aging cases, each with a Start swarm button. */
function agingBlocks(aging: AgingEntry[], max: number): KnownBlock[] {
  return aging.slice(0, max).map(
    (a) =>
      ({
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncate(
            `*#${escapeMrkdwn(a.caseId)}* ${escapeMrkdwn(truncate(a.subject || '(no subject)', 90))}\nopen ${ageText(a.ageHours)}, past the 75th percentile of ${escapeMrkdwn(a.cohort)} (${ageText(a.thresholdHours)})${a.experts.length ? `\nExperts: ${a.experts.join(' · ')}` : ''}`,
            3000,
          ),
        },
        accessory: button('Start swarm', 'start_swarm', a.caseId),
      }) as KnownBlock,
  );
}

export interface DailyPost {
  day: string;
  metrics: Record<string, MetricResult>;
  /** The last 7 days' values of each headline KPI, oldest first (the sparkline). */
  trend: Record<string, (number | null)[]>;
  counts: { created: number; solved: number };
  incompleteReasons: { item: string; cases: number }[];
  created: number;
  /** Complete against incomplete cases of the last 30 days (one line: what incompleteness cost). */
  outcomes?: CompletenessOutcomes;
  aging: AgingEntry[];
  /** Trend charts to show under the KPIs (signed image URLs; none when the worker's address is not configured). */
  charts?: ChartImage[];
  bugs: BugImpactRow[];
  jiraBaseUrl: string | null;
}

/**
 * The daily metrics post: yesterday's KPIs against the study with a 7-day sparkline, why new cases were
 * incomplete, aging cases that need a swarm, and the bugs with the most new linked cases.
 */
export function dailyPostMessage(p: DailyPost): Message {
  const kpis = HEADLINE_KPIS.map((id) => {
    const def = getMetricDefinition(id);
    const r = p.metrics[id];
    return `${r ? statusIcon(r) : '❔'} *${def.name}*: ${formatValue(def.unit, r?.value)} \`${sparkline(p.trend[id] ?? [])}\` ${r ? benchmarkText(def, r) : ''}`;
  });
  const reasons = p.incompleteReasons.length
    ? p.incompleteReasons
        .map((r) => `• ${escapeMrkdwn(r.item)}: ${r.cases} case${r.cases === 1 ? '' : 's'}`)
        .join('\n')
    : '_Every new case was complete, or none arrived._';
  const blocks: KnownBlock[] = [
    header(`Support metrics for ${p.day}`),
    context(
      `${p.counts.created} cases created, ${p.counts.solved} solved · sparkline: the last 7 days · ✅ target met ➖ above industry average 🔻 below`,
    ),
    section(kpis.join('\n')),
    ...(p.charts ?? []).map(chartBlock),
    divider(),
    section(
      `*Why new cases were incomplete* (${p.created} new)\n${reasons}${p.outcomes ? `\n_Last 30 days:_ ${outcomeLine(p.outcomes)}` : ''}`,
    ),
    divider(),
    section(
      p.aging.length
        ? `*Aging cases that need a swarm* (${p.aging.length})`
        : '*Aging cases*: none past their cohort’s 75th percentile.',
    ),
    ...agingBlocks(p.aging, 8),
  ];
  if (p.bugs.length) {
    blocks.push(
      divider(),
      section(
        `*Bugs with the most new cases*\n${p.bugs.map((b, i) => `${bugLine(b, i + 1, p.jiraBaseUrl)}, ${b.newCases} new`).join('\n')}`,
      ),
    );
  }
  return { text: `Support metrics for ${p.day}`, blocks };
}

/** An aging alert: cases newly past their cohort's threshold, with experts and a Start swarm button each. */
export function agingAlertMessage(aging: AgingEntry[]): Message {
  const blocks: KnownBlock[] = [
    section(
      `:hourglass: *${aging.length} case${aging.length === 1 ? '' : 's'} aging past the usual resolution time* — a swarm may help.`,
    ),
    ...agingBlocks(aging, 20),
  ];
  if (aging.length > 20) blocks.push(context(`and ${aging.length - 20} more`));
  return { text: `${aging.length} aging case${aging.length === 1 ? '' : 's'} need a swarm`, blocks };
}
