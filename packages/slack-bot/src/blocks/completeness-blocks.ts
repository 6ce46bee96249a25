import type { KnownBlock } from '@slack/types';
import {
  type CompletenessOutcomes,
  DEFAULT_RUBRIC,
  MIN_GROUP,
  type OutcomeComparison,
} from '@support-metrics/core';
import { context, section } from './mrkdwn.js';

// The rubric's own labels name the items (one home for them).
const ITEM_LABELS: Record<string, string> = DEFAULT_RUBRIC.text.en?.labels ?? {};

const n1 = (v: number) => v.toFixed(1);
const pct = (v: number) => `${Math.round(v * 100)}%`;
const ci = (c: OutcomeComparison, f: (v: number) => string) =>
  c.ci95 ? ` (95% CI ${f(c.ci95[0])} to ${f(c.ci95[1])})` : '';
const signed = (v: number, f: (v: number) => string) => `${v >= 0 ? '+' : '−'}${f(Math.abs(v))}`;

function notMeasured(o: CompletenessOutcomes): string {
  return `not measured yet: it needs at least ${MIN_GROUP} solved cases scored at creation both complete and incomplete (now ${o.cases.complete} complete, ${o.cases.incomplete} incomplete)`;
}

/**
 * One line for the daily post: how many more replies incomplete cases needed, with its interval and counts.
 *
 * @example outcomeLine(o) // 'Incomplete cases needed 1.4 more replies than complete ones (95% CI 0.9 to 1.9; 120 vs 340 cases)'
 */
export function outcomeLine(o: CompletenessOutcomes): string {
  const i = o.outcomes.interactions_per_case;
  if (i.difference === null) return `What incompleteness costs: ${notMeasured(o)}.`;
  const more = i.difference >= 0 ? 'more' : 'fewer';
  const interval = i.ci95 ? `95% CI ${n1(i.ci95[0])} to ${n1(i.ci95[1])}; ` : '';
  return `Incomplete cases needed ${n1(Math.abs(i.difference))} ${more} replies than complete ones (${interval}${i.n.a} vs ${i.n.b} cases).`;
}

/** What incompleteness cost the team: each outcome compared, and per missing item (for `/support-metrics completeness`). */
export function outcomeBlocks(o: CompletenessOutcomes, windowLabel: string): KnownBlock[] {
  const { interactions_per_case: i, fcr, time_to_resolution_hours: ttr, reopen_rate: reopen } = o.outcomes;
  const line = (name: string, c: OutcomeComparison, f: (v: number) => string, unit: string) =>
    c.difference === null || c.a === null || c.b === null
      ? `• ${name}: not measured (${c.n.a} incomplete, ${c.n.b} complete with the data)`
      : `• ${name}: ${f(c.a)}${unit} incomplete vs ${f(c.b)}${unit} complete, ${signed(c.difference, f)}${unit}${ci(c, f)}`;
  const lines =
    o.cases.complete < MIN_GROUP || o.cases.incomplete < MIN_GROUP
      ? [`_${notMeasured(o)}._`]
      : [
          line('Interactions per case', i, n1, ''),
          line('First contact resolution', fcr, pct, ''),
          line('Time to resolution', ttr, n1, ' h'),
          line('Reopen rate', reopen, pct, ''),
        ];
  const items = o.byMissingItem
    .filter((m) => m.interactions.difference !== null)
    .slice(0, 5)
    .map(
      (m) =>
        `• Missing: ${ITEM_LABELS[m.item] ?? m.item} (${m.missing} cases): ${signed(m.interactions.difference ?? 0, n1)} replies${ci(m.interactions, n1)}`,
    );
  return [
    section(
      `*What incompleteness cost, ${windowLabel}* (${o.cases.incomplete} incomplete, ${o.cases.complete} complete solved cases scored at creation)\n${lines.join('\n')}`,
    ),
    ...(items.length
      ? [section(`*Per item missing at creation* (against the cases that had it)\n${items.join('\n')}`)]
      : []),
    context(o.method),
  ];
}
