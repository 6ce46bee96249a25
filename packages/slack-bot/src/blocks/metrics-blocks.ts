import type { KnownBlock } from '@slack/types';
import {
  getMetricDefinition,
  type MetricDefinition,
  type MetricId,
  type MetricResult,
} from '@support-metrics/core';
import type { DimensionNames } from '@support-metrics/platform';
import type { CommandFilters, DayWindow } from '../commands/parse-command.js';
import { dimensionIdOf, dimensionLabel } from './dimension-labels.js';
import { benchmarkText, changeText, formatValue, sparkline, statusIcon } from './format.js';
import { button, context, divider, escapeMrkdwn, field, header, section } from './mrkdwn.js';

/** The headline KPIs of `/support-metrics` and the daily post: the study's key transactional metrics. */
export const HEADLINE_KPIS = [
  'case_completeness',
  'first_contact_resolution',
  'escalation_rate',
  'collaboration_rate',
  'time_to_resolution',
  'case_record_completion',
  'knowledge_action',
  'csat',
] as const satisfies readonly MetricId[];

export interface Message {
  /** Notification and accessibility text (Slack shows it where blocks cannot be shown). */
  text: string;
  blocks: KnownBlock[];
}

/** The filters echoed back, a group or brand by its synced name when the value is its id or its name. */
export function filtersText(f: CommandFilters, names?: DimensionNames): string {
  const parts = Object.entries(f).map(([k, v]) => {
    const value = String(v);
    if (k !== 'group' && k !== 'brand') return `${k}:${escapeMrkdwn(value)}`;
    const id = dimensionIdOf(names, k, value);
    const name = names?.[k].get(id);
    return `${k}:${escapeMrkdwn(name ?? value)}`;
  });
  return parts.length ? parts.join(' ') : 'all cases';
}

/** One KPI line: icon, name, value, the study's figures and the change vs before. */
function kpiLine(
  def: MetricDefinition,
  now: MetricResult | undefined,
  before: MetricResult | undefined,
): string {
  if (!now) return `❔ *${def.name}*: not measured`;
  const value = formatValue(def.unit, now.value);
  const why = now.value === null && now.reason ? ` _(needs ${escapeMrkdwn(now.reason)})_` : '';
  return `${statusIcon(now)} *${def.name}*: ${value}${why} — ${benchmarkText(def, now)} · ${changeText(def, now.value, before?.value ?? null)}`;
}

export interface KpiView {
  window: DayWindow;
  previous: DayWindow;
  filters: CommandFilters;
  /** The group and brand names, to echo the filters by name. */
  names?: DimensionNames;
  counts: { created: number; solved: number };
  current: Record<string, MetricResult>;
  before: Record<string, MetricResult>;
  /** The command text, carried by the Share button so that the shared copy is the same view. */
  commandText: string;
  /** Set on the copy shared to the channel: who shared it (no Share button then). */
  sharedBy?: string;
}

/**
 * `/support-metrics`: the headline KPIs of a window against the study's benchmarks and targets, with the change
 * vs the previous period and a Share button.
 */
export function kpiMessage(v: KpiView): Message {
  const lines = HEADLINE_KPIS.map((id) => kpiLine(getMetricDefinition(id), v.current[id], v.before[id]));
  const blocks: KnownBlock[] = [
    header(`Support metrics · ${v.window.label}`),
    context(
      `${v.window.from} – ${v.window.to} (UTC) · ${filtersText(v.filters, v.names)} · ${v.counts.created} cases created, ${v.counts.solved} solved · change vs ${v.previous.from} – ${v.previous.to}`,
    ),
    section(lines.join('\n')),
    context('✅ at or above target · ➖ between industry average and target · 🔻 below industry average'),
  ];
  if (v.sharedBy)
    blocks.push(context(`Shared by <@${v.sharedBy}> · \`/support-metrics ${escapeMrkdwn(v.commandText)}\``));
  else
    blocks.push({
      type: 'actions',
      elements: [button('Share to channel', 'share_metrics', v.commandText, 'primary')],
    } as KnownBlock);
  const text = `Support metrics, ${v.window.label}: ${HEADLINE_KPIS.map((id) => `${getMetricDefinition(id).name} ${formatValue(getMetricDefinition(id).unit, v.current[id]?.value)}`).join(', ')}`;
  return { text, blocks };
}

export interface MetricView {
  def: MetricDefinition;
  computedFrom: string | undefined;
  window: DayWindow;
  filters: CommandFilters;
  /** The group and brand names, to show the breakdown and the filters by name. */
  names?: DimensionNames;
  result: MetricResult | undefined;
  before: MetricResult | undefined;
  /** Weekly values, oldest first, ending with the window's last week. */
  trend: { label: string; value: number | null }[];
  byChannel: Record<string, { value: number | null }>;
  byGroup: Record<string, { value: number | null }>;
  commandText: string;
  sharedBy?: string;
}

function breakdownText(
  unit: MetricDefinition['unit'],
  rows: Record<string, { value: number | null }>,
  label: (key: string) => string = (key) => key,
): string {
  const entries = Object.entries(rows)
    .filter(([, r]) => r.value !== null)
    .sort((a, b) => (b[1].value ?? 0) - (a[1].value ?? 0))
    .slice(0, 12);
  if (entries.length === 0) return '_not measured_';
  return entries.map(([k, r]) => `${escapeMrkdwn(label(k))}: ${formatValue(unit, r.value)}`).join('\n');
}

/** `/support-metrics fcr`: a metric's definition, how it is computed, value, trend, benchmark and breakdowns. */
export function metricMessage(v: MetricView): Message {
  const { def, result } = v;
  const value = result ? formatValue(def.unit, result.value) : 'not measured';
  const blocks: KnownBlock[] = [
    header(`${def.name} · ${v.window.label}`),
    section(
      `*${value}* ${result ? statusIcon(result) : '❔'}  ${result ? benchmarkText(def, result) : ''} · ${changeText(def, result?.value ?? null, v.before?.value ?? null)}${result?.value === null && result.reason ? `\n_Not measured: needs ${escapeMrkdwn(result.reason)}_` : ''}`,
    ),
    section(
      `${escapeMrkdwn(def.definition)}\n*Formula:* ${escapeMrkdwn(def.formula)}${v.computedFrom ? `\n*Here:* ${escapeMrkdwn(v.computedFrom)}` : ''}`,
    ),
  ];
  if (v.trend.length > 0)
    blocks.push(
      section(
        `*Trend (weekly):* \`${sparkline(v.trend.map((t) => t.value))}\`  ${v.trend.map((t) => `${t.label} ${formatValue(def.unit, t.value)}`).join(' · ')}`,
      ),
    );
  if (def.unit !== 'distribution')
    blocks.push({
      type: 'section',
      fields: [
        field(`*By channel*\n${breakdownText(def.unit, v.byChannel)}`),
        field(
          `*By group*\n${breakdownText(def.unit, v.byGroup, (id) => dimensionLabel(v.names, 'group', id))}`,
        ),
      ],
    } as KnownBlock);
  else if (result?.distribution)
    blocks.push(
      section(
        Object.entries(result.distribution)
          .map(([k, share]) => `${escapeMrkdwn(k)}: ${formatValue('ratio', share)}`)
          .join(' · '),
      ),
    );
  blocks.push(context(`${v.window.from} – ${v.window.to} (UTC) · ${filtersText(v.filters, v.names)}`));
  if (v.sharedBy) blocks.push(context(`Shared by <@${v.sharedBy}>`));
  else
    blocks.push({
      type: 'actions',
      elements: [button('Share to channel', 'share_metrics', v.commandText, 'primary')],
    } as KnownBlock);
  return { text: `${def.name}, ${v.window.label}: ${value}`, blocks };
}

export const USAGE = [
  '*`/support-metrics`* — the headline KPIs of the last 7 days against the study’s benchmarks',
  '`/support-metrics 30d` · `today` · `yesterday` · `90d` · `quarter` · `2026-10-01..2026-10-31` — another window',
  '`/support-metrics fcr` — one metric: definition, value, trend, benchmark, by channel and group (also `ttr`, `csat`, `escalation`, …)',
  '`/support-metrics completeness` — case completeness, and what incomplete cases cost your team: replies, FCR, time to resolution, reopens',
  '`/support-metrics group:Tier2 channel:email` — filter (also `brand:`)',
  '`/support-metrics bugs` — Jira bugs by support impact (`bugs customers`, `bugs revenue`)',
  '`/support-metrics health` — customers at risk and why, with the success metrics (onboard, adoption, retention, NRR, …)',
  '`/support-metrics outcomes` — NextGen support metrics: who is helped, knowledge reach, effectiveness, costs',
  '`/support-metrics forecast` — this month’s support demand forecast, and forecast vs actual',
  '`/support-metrics maturity` — the support maturity self-assessment (six stages), pre-filled from your data',
  '`/support-metrics swarm 1234` — bring experts together on case 1234 (ownership stays with the assignee)',
  '`/support-metrics subscribe #channel 09:00 Europe/Berlin` — the daily metrics post · `unsubscribe`',
].join('\n');

/** The usage, with what was wrong with the input when there was something. */
export function helpMessage(problem?: string): Message {
  const blocks: KnownBlock[] = [];
  if (problem) blocks.push(section(`:thinking_face: ${escapeMrkdwn(problem)}. Here is what I understand:`));
  blocks.push(section(USAGE));
  return {
    text: problem ? `${escapeMrkdwn(problem)}. Try /support-metrics help` : 'Support Metrics: usage',
    blocks,
  };
}

export { divider };
