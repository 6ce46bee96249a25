import { getMetricDefinition, type MetricId } from '../metrics/catalogue-lookup.js';
import { type MetricResult, metricResult } from '../metrics/metric-result.js';
import { type ActivityWindow, type CustomerActivity, emptyActivity } from './customer-activity.js';
import { type CustomerFacts, customerFacts, signalInUse } from './customer-facts.js';
import type { CustomerMapping } from './customer-mapping-schema.js';
import type { Customer } from './customer-schema.js';
import { type CustomerHealth, customerHealth } from './health-score.js';
import { nextGenParts } from './nextgen-metrics.js';

/**
 * How each success and relationship-health metric is computed, and from which data (Zendesk source in brackets).
 * "Active" customers are those not marked churned. The metric table of docs/metrics.md is printed from this.
 */
export const COMPUTED_FROM_CUSTOMERS = {
  onboard_rate:
    'new customers (customer since in the window: mapped date field, else organization.created_at) marked onboarded ÷ new customers [organisation tag `onboarded` or the mapped field]',
  adoption_rate:
    'active customers marked as having reached adoption milestones ÷ active customers [tag `adoption_milestone` or the mapped field]',
  success_rate:
    'customers marked as having reached success milestones ÷ customers with a success plan (every active customer when no success-plan signal is mapped) [tag `success_milestone`]',
  availability:
    'active customers with no case carrying an outage tag (`customerMapping.outageTags`) created in the window ÷ active customers; not measured until outage tags are configured',
  engagement_quality:
    'cases solved in the window that were not reopened and not rated bad ÷ cases solved in the window whose reopen count is known [ticket_metrics.reopens, satisfaction_rating]',
  retention:
    'active customers committed to renew ÷ active customers [tag `renewal_committed` or the mapped field]',
  churn:
    'with `churnedAtField`: customers marked churned whose churn date falls in the window ÷ customers at the window start (customer before it, not churned before it); without: customers marked churned ÷ all customers (a snapshot of the marks) [tag `churned`]',
  health_score:
    'mean health score (0–100) of active customers with a score; each score is the weighted mean of the measured indicators (see Customer health)',
  health_at_risk:
    'active customers whose health score is below `health.atRiskBelow` (50) ÷ active customers with a score',
  recurring_revenue:
    'Σ min(ARR now, ARR a year ago) ÷ Σ ARR a year ago, over customers with ARR a year ago (churned ones count 0 now) [organization_fields.annual_recurring_revenue, previous_annual_recurring_revenue]',
  net_recurring_revenue:
    'Σ ARR now (new customers included, churned ones 0) ÷ Σ ARR a year ago: the study counts new sales, expansion and losses [same fields]',
  customer_growth:
    'customers whose customer-since date falls in the window (new logos), minus none: churn is reported apart',
} as const satisfies Partial<Record<MetricId, string>>;

export interface CustomerReport {
  window: ActivityWindow;
  counts: { customers: number; active: number; new: number; churned: number; scored: number; atRisk: number };
  metrics: Record<string, MetricResult>;
  customers: CustomerHealth[];
}

type Part = Partial<MetricResult>;
const count = (xs: readonly CustomerFacts[], pred: (f: CustomerFacts) => boolean) => xs.filter(pred).length;
const ratio = (num: number, den: number, reason: string): Part =>
  den === 0 ? { reason } : { value: num / den, numerator: num, denominator: den };

/**
 * Churn over a window, as the `churn` metric defines it: when churn dates are mapped, customers marked churned whose
 * churn date falls in the window ÷ customers at its start (customer before it, not churned before it); without them,
 * customers marked churned ÷ all customers (a snapshot of the marks). The demand forecast takes it over a year.
 *
 * @example churnShare(facts, { from: '2025-11-01', to: '2026-10-31' }) // { numerator: 2, denominator: 40, dated: true }
 */
export function churnShare(
  facts: readonly CustomerFacts[],
  window: ActivityWindow,
): { numerator: number; denominator: number; dated: boolean } {
  const dated = facts.some((f) => f.churnedAt !== null);
  if (!dated) return { numerator: count(facts, (f) => f.churned === true), denominator: facts.length, dated };
  const atStart = facts.filter(
    (f) =>
      (f.since === null || f.since < window.from) && (f.churnedAt === null || f.churnedAt >= window.from),
  );
  return {
    numerator: count(atStart, (f) => f.churned === true && f.churnedAt !== null && f.churnedAt <= window.to),
    denominator: atStart.length,
    dated,
  };
}

/**
 * The success and relationship-health metrics (seed 002's eight, plus churn, at-risk share and recurring revenue)
 * and the NextGen support metrics (seed 003) over a tenant's customers and their case activity in a window, and each customer's health with its reasons.
 * A metric whose signal no customer carries is `not_measured` with what to map, never 0.
 *
 * @example
 * const r = customerReport(customers, activity, mapping, { from: '2026-09-01', to: '2026-11-30' }, { jira: true });
 * r.metrics.health_at_risk.value // 0.125
 */
export function customerReport(
  customers: Iterable<Customer>,
  activity: ReadonlyMap<string, CustomerActivity>,
  mapping: CustomerMapping,
  window: ActivityWindow,
  opts: { jira: boolean },
): CustomerReport {
  const facts: CustomerFacts[] = [];
  for (const c of customers) facts.push(customerFacts(c, mapping));
  const use = {
    onboarded: signalInUse(facts, 'onboarded', mapping.onboarded),
    adopted: signalInUse(facts, 'adopted', mapping.adopted),
    hasSuccessPlan: signalInUse(facts, 'hasSuccessPlan', mapping.successPlan),
    successReached: signalInUse(facts, 'successReached', mapping.successReached),
    renewalCommitted: signalInUse(facts, 'renewalCommitted', mapping.renewalCommitted),
    churned: signalInUse(facts, 'churned', mapping.churned),
  };
  const active = facts.filter((f) => f.churned !== true);
  const churned = facts.length - active.length;
  const isNew = (f: CustomerFacts) => f.since !== null && f.since >= window.from && f.since <= window.to;
  const newOnes = facts.filter(isNew);
  const known = (xs: CustomerFacts[], key: 'onboarded' | 'adopted' | 'successReached' | 'renewalCommitted') =>
    xs.filter((f) => f[key] !== null);
  const unmapped = (what: string, tag: string | undefined) =>
    `no data: no customer carries ${tag ? `the tag \`${tag}\`` : 'a value in the mapped field'}; map ${what} in the tenant's customerMapping`;

  const health = facts.map((f) =>
    customerHealth(f, activity.get(f.id) ?? emptyActivity(f.id), mapping.health, {
      adopted: use.adopted,
      successReached: use.successReached,
      renewalCommitted: use.renewalCommitted,
      jira: opts.jira,
    }),
  );
  const scored = health.filter((h) => h.score !== null);
  const atRisk = scored.filter((h) => h.band === 'at_risk');

  const parts: Partial<Record<MetricId, Part>> = {};
  // Share of a population with a signal true, among those whose value is known; "not measured" when not in use.
  const signalRate = (
    key: 'onboarded' | 'adopted' | 'successReached' | 'renewalCommitted',
    pool: CustomerFacts[],
    empty: string,
  ): Part => {
    if (!use[key]) return { reason: unmapped(`\`${key}\``, mapping[key].tag) };
    const knownPool = known(pool, key);
    return ratio(
      count(knownPool, (f) => f[key] === true),
      knownPool.length,
      empty,
    );
  };
  parts.onboard_rate = signalRate(
    'onboarded',
    newOnes,
    'no data: no new customers in the window (customer since)',
  );
  parts.adoption_rate = signalRate('adopted', active, 'no data: no active customers');
  const planPool = use.hasSuccessPlan ? active.filter((f) => f.hasSuccessPlan === true) : active;
  parts.success_rate = signalRate(
    'successReached',
    planPool,
    'no data: no active customers with a success plan',
  );
  parts.availability =
    mapping.outageTags.length === 0
      ? { reason: 'no data: set customerMapping.outageTags (case tags meaning an outage or downtime)' }
      : ratio(
          count(active, (f) => (activity.get(f.id)?.outageCases ?? 0) === 0),
          active.length,
          'no data: no active customers',
        );
  let positive = 0;
  let reopenKnown = 0;
  for (const a of activity.values()) {
    positive += a.positive;
    reopenKnown += a.reopenKnown;
  }
  parts.engagement_quality = ratio(
    positive,
    reopenKnown,
    'no data: needs solved cases of customers with reopen counts (ticket_metrics.reopens)',
  );
  parts.retention = signalRate('renewalCommitted', active, 'no data: no active customers');
  const lost = churnShare(facts, window);
  parts.churn = !use.churned
    ? { reason: unmapped('`churned`', mapping.churned.tag) }
    : ratio(
        lost.numerator,
        lost.denominator,
        lost.dated ? 'no data: no customers at the start of the window' : 'no data: no customers',
      );
  parts.health_score =
    scored.length === 0
      ? { reason: 'no data: no active customer has enough measured health indicators' }
      : {
          value: scored.reduce((s, h) => s + (h.score ?? 0), 0) / scored.length,
          numerator: null,
          denominator: scored.length,
        };
  parts.health_at_risk = ratio(
    atRisk.length,
    scored.length,
    'no data: no active customer has enough measured health indicators',
  );
  let prevSum = 0;
  let keptSum = 0;
  let nowSum = 0;
  for (const f of facts) {
    const now = f.churned === true ? 0 : (f.recurringRevenue ?? 0);
    nowSum += now;
    if (f.previousRecurringRevenue !== null && f.previousRecurringRevenue > 0) {
      prevSum += f.previousRecurringRevenue;
      keptSum += Math.min(now, f.previousRecurringRevenue);
    }
  }
  const noPrev = `no data: no customer has recurring revenue a year ago (field \`${mapping.previousRecurringRevenueField}\`)`;
  parts.recurring_revenue = ratio(keptSum, prevSum, noPrev);
  parts.net_recurring_revenue = ratio(nowSum, prevSum, noPrev);
  parts.customer_growth =
    facts.length === 0
      ? { reason: 'no data: no customers (organisations) stored' }
      : { value: newOnes.length, numerator: newOnes.length, denominator: null };

  Object.assign(parts, nextGenParts(facts, activity, mapping, window, use));
  const metrics: Record<string, MetricResult> = {};
  for (const [id, part] of Object.entries(parts))
    metrics[id] = metricResult(getMetricDefinition(id as MetricId), part);
  const order = { at_risk: 0, watch: 1, not_measured: 2, healthy: 3, churned: 4 } as const;
  health.sort(
    (x, y) =>
      order[x.band] - order[y.band] || (x.score ?? 101) - (y.score ?? 101) || x.orgId.localeCompare(y.orgId),
  );
  return {
    window,
    counts: {
      customers: facts.length,
      active: active.length,
      new: newOnes.length,
      churned,
      scored: scored.length,
      atRisk: atRisk.length,
    },
    metrics,
    customers: health,
  };
}
