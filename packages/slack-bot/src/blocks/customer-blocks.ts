import type { KnownBlock } from '@slack/types';
import {
  type CustomerReport,
  type DemandForecast,
  type ForecastTrack,
  getMetricDefinition,
  type MetricId,
  type MetricResult,
} from '@support-metrics/core';
import { benchmarkText, formatValue, statusIcon } from './format.js';
import type { Message } from './metrics-blocks.js';
import { context, divider, escapeMrkdwn, field, header, LIMITS, section, truncate } from './mrkdwn.js';

/** Seed 002's eight success metrics, then churn and recurring revenue, in the order the study gives them. */
export const SUCCESS_METRICS = [
  'onboard_rate',
  'adoption_rate',
  'success_rate',
  'availability',
  'engagement_quality',
  'retention',
  'health_score',
  'net_recurring_revenue',
  'churn',
  'recurring_revenue',
] as const satisfies readonly MetricId[];

/** Seed 003's seven NextGen support metrics. */
export const NEXTGEN_METRICS = [
  'customer_engagement',
  'support_reach',
  'answers_delivered',
  'answers_accepted',
  'effectiveness',
  'support_costs',
  'delivery_efficiency',
] as const satisfies readonly MetricId[];

/** One metric as a field: icon, name, value, the study's figures, or why it is not measured. */
function metricField(id: MetricId, r: MetricResult | undefined): ReturnType<typeof field> {
  const def = getMetricDefinition(id);
  if (!r || r.status === 'not_measured') {
    // A reason may say "not measured" itself; it is said once.
    const reason = (r?.reason ?? 'no data').replace(/^not measured[:\s—-]+/i, '');
    return field(`❔ *${def.name}*\nnot measured — ${escapeMrkdwn(truncate(reason, 300))}`);
  }
  const value = r.distribution
    ? Object.entries(r.distribution)
        .slice(0, 4)
        .map(([k, v]) => `${escapeMrkdwn(k)} ${formatValue('ratio', v)}`)
        .join(' · ')
    : def.id === 'health_score'
      ? `${formatValue('score', r.value)} / 100`
      : formatValue(def.unit, r.value);
  return field(`${statusIcon(r)} *${def.name}*\n${value} · ${benchmarkText(def, r)}`);
}

/** Fields in sections of at most 10 (Slack's limit per section). */
function fieldSections(fields: ReturnType<typeof field>[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (let i = 0; i < fields.length; i += 10)
    out.push({ type: 'section', fields: fields.slice(i, i + 10) } as KnownBlock);
  return out;
}

const money = (n: number | null) =>
  n === null ? 'ARR unknown' : `ARR ${Math.round(n).toLocaleString('en-US')}`;

/**
 * `/support-metrics health`: the at-risk share against the study's ≤ 10%, the success metrics, and the at-risk
 * customers with their health score and what pulls it down.
 */
export function healthMessage(r: CustomerReport, opts: { limit?: number } = {}): Message {
  const limit = opts.limit ?? 10;
  const atRisk = r.metrics.health_at_risk;
  const share =
    atRisk && atRisk.value !== null
      ? `${statusIcon(atRisk)} *${formatValue('ratio', atRisk.value)} of customers at risk* (${r.counts.atRisk} of ${r.counts.scored} scored; the study's bar: ≤ 10%)`
      : `❔ At-risk share not measured — ${escapeMrkdwn(atRisk?.reason ?? 'no customers')}`;
  const blocks: KnownBlock[] = [
    header('Customer health'),
    section(share),
    context(
      `${r.window.from} – ${r.window.to} · ${r.counts.customers} customers, ${r.counts.active} active, ${r.counts.new} new, ${r.counts.churned} churned`,
    ),
    ...fieldSections(SUCCESS_METRICS.map((id) => metricField(id, r.metrics[id]))),
    divider(),
  ];
  const risky = r.customers.filter((h) => h.band === 'at_risk');
  if (risky.length === 0) blocks.push(section('No customer is at risk. :tada:'));
  for (const h of risky.slice(0, limit))
    blocks.push(
      section(
        `:warning: *${escapeMrkdwn(h.name ?? h.orgId)}* — health ${h.score}/100 · ${money(h.recurringRevenue)}\n${h.reasons
          .slice(0, 3)
          .map((x) => `• ${escapeMrkdwn(x)}`)
          .join('\n')}`,
      ),
    );
  if (risky.length > limit)
    blocks.push(context(`…and ${risky.length - limit} more: GET /api/customers?band=at_risk`));
  blocks.push(
    context(
      'Health = weighted mean of adoption, success milestones, CSAT, open bug impact, completeness and reopen trends (leading) and renewal and ARR change (lagging). `customerMapping` in the tenant settings says which organisation tags and fields hold them.',
    ),
  );
  return {
    text:
      atRisk?.value !== null && atRisk?.value !== undefined
        ? `${formatValue('ratio', atRisk.value)} of customers at risk`
        : 'Customer health',
    blocks: blocks.slice(0, LIMITS.blocks),
  };
}

/** `/support-metrics outcomes`: the NextGen support metrics, with what a team must add for those not measured. */
export function outcomesMessage(r: CustomerReport): Message {
  const blocks: KnownBlock[] = [
    header('Support outcomes (NextGen metrics)'),
    context(
      `${r.window.from} – ${r.window.to} · who is helped, what knowledge reached them, what it cost and achieved`,
    ),
    ...fieldSections(NEXTGEN_METRICS.map((id) => metricField(id, r.metrics[id]))),
  ];
  const engagement = r.metrics.customer_engagement;
  if (engagement?.breakdown) {
    const effort = Object.entries(engagement.breakdown)
      .filter(([, b]) => b.value !== null)
      .map(([k, b]) => `${escapeMrkdwn(k.replace(': effort', ''))} ${formatValue('ratio', b.value)}`)
      .join(' · ');
    if (effort) blocks.push(context(`Share of agent effort by revenue tier: ${effort}`));
  }
  return { text: 'Support outcomes (NextGen metrics)', blocks };
}

const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toLocaleString('en-US')}`;

/** `/support-metrics forecast`: this month's demand forecast, its parts, and forecast vs actual by month. */
export function forecastMessage(f: DemandForecast | null, track: readonly ForecastTrack[]): Message {
  if (!f)
    return {
      text: 'No demand forecast yet',
      blocks: [section('No demand forecast yet: it needs at least one full month of cases.')],
    };
  const change =
    f.change === null
      ? ''
      : ` (${f.change >= 0 ? '+' : '−'}${formatValue('ratio', Math.abs(f.change))} on ${f.basedOn}; industry +10.6%/yr)`;
  const blocks: KnownBlock[] = [
    header(`Support demand forecast ${f.month}`),
    section(`*${Math.round(f.forecast).toLocaleString('en-US')} cases expected*${change}`),
    section(
      [
        `Base (mean of the last 3 full months): ${f.base.toLocaleString('en-US')}`,
        `New customers: ${signed(f.newCustomers.cases)} (${f.newCustomers.perMonth}/month, ${f.newCustomers.source}; ${f.newCustomers.casesPerNewCustomer} cases per new customer in its first year, ${f.newCustomers.casesPerNewCustomerSource})`,
        `Adoption expansion: ${signed(f.expansion.cases)} (${formatValue('ratio', f.expansion.yearlyRate)}/yr)`,
        `Churn: ${signed(-f.churn.cases)} (${f.churn.yearlyRate === null ? 'not measured' : `${formatValue('ratio', f.churn.yearlyRate)}/yr`})`,
        `Prevented by shipped bug fixes: ${signed(-f.prevention.cases)}`,
      ]
        .map((l) => `• ${l}`)
        .join('\n'),
    ),
  ];
  const rows = track.slice(-6).map((t) => {
    const actual = t.actual === null ? 'month not over' : t.actual.toLocaleString('en-US');
    const err =
      t.error === null ? '' : ` (${t.error >= 0 ? '+' : '−'}${formatValue('ratio', Math.abs(t.error))})`;
    return `\`${t.month}\` forecast ${Math.round(t.forecast)} · actual ${actual}${err}${t.source === 'backtest' ? ' · backtest' : ''}`;
  });
  if (rows.length) blocks.push(divider(), section(`*Forecast vs actual*\n${rows.join('\n')}`));
  blocks.push(
    context(
      'A month’s forecast is stored when first made; months before that are backtests on the history before them.',
    ),
  );
  return { text: `Support demand forecast ${f.month}: ${Math.round(f.forecast)} cases`, blocks };
}
