import type { CustomerActivity } from './customer-activity.js';
import type { CustomerFacts } from './customer-facts.js';
import type { HealthConfig, HealthWeights } from './customer-mapping-schema.js';

export type HealthIndicatorId = keyof HealthWeights;

/** One input of the health score: its value 0–1 (1 = healthy) or null when not measured, and why. */
export interface HealthIndicator {
  id: HealthIndicatorId;
  kind: 'leading' | 'lagging';
  value: number | null;
  weight: number;
  detail: string;
}

export type HealthBand = 'healthy' | 'watch' | 'at_risk' | 'churned' | 'not_measured';

export interface CustomerHealth {
  orgId: string;
  name: string | null;
  /** 0–100, null when fewer than `minIndicators` indicators are measured (or the customer churned). */
  score: number | null;
  band: HealthBand;
  indicators: HealthIndicator[];
  /** What pulls the score down, worst first (empty for a healthy customer). */
  reasons: string[];
  recurringRevenue: number | null;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Revenue change as an indicator: 1 at or above last year's recurring revenue, 0 at 80% or less, linear between
 * (the study's average recurring revenue rate is 83%, so 80% is already a clear loss).
 */
export function revenueChangeValue(current: number, previous: number): number {
  const ratio = current / previous;
  return Math.max(0, Math.min(1, (ratio - 0.8) / 0.2));
}

/**
 * The health of one customer relationship: a weighted mean of leading indicators (adoption, success milestones,
 * satisfaction, open bug impact, completeness and reopen trends) and lagging ones (renewal commitment, recurring
 * revenue change), each 0–1, × 100. Indicators that are not measured drop out and the weights of the rest are
 * renormalised; below `minIndicators` measured the score is null. A churned customer has no score (band `churned`).
 *
 * @example customerHealth(facts, activity, config).band // 'at_risk'
 */
export function customerHealth(
  f: CustomerFacts,
  a: CustomerActivity | undefined,
  config: HealthConfig,
  inUse: { adopted: boolean; successReached: boolean; renewalCommitted: boolean; jira: boolean },
): CustomerHealth {
  const w = config.weights;
  const ind: HealthIndicator[] = [];
  const add = (id: HealthIndicatorId, kind: HealthIndicator['kind'], value: number | null, detail: string) =>
    ind.push({ id, kind, value, weight: w[id], detail });

  add(
    'adoption',
    'leading',
    inUse.adopted && f.adopted !== null ? (f.adopted ? 1 : 0) : null,
    f.adopted ? 'adoption milestones reached' : 'adoption milestones not reached',
  );
  add(
    'success',
    'leading',
    inUse.successReached && f.successReached !== null ? (f.successReached ? 1 : 0) : null,
    f.successReached ? 'success milestones reached' : 'success milestones not reached',
  );
  const rated = (a?.good ?? 0) + (a?.bad ?? 0);
  add(
    'satisfaction',
    'leading',
    rated > 0 ? (a?.good ?? 0) / rated : null,
    rated > 0 ? `CSAT ${pct((a?.good ?? 0) / rated)} (${rated} ratings)` : 'no CSAT ratings',
  );
  const bugs = a?.openBugCases ?? 0;
  add(
    'bugImpact',
    'leading',
    inUse.jira ? (bugs === 0 ? 1 : bugs === 1 ? 0.5 : 0) : null,
    !inUse.jira
      ? 'no Jira links'
      : bugs === 0
        ? 'no open cases waiting on a bug'
        : `${bugs} open case${bugs > 1 ? 's' : ''} waiting on an open bug`,
  );
  if (a && a.scored > 0) {
    const share = a.incomplete / a.scored;
    const trend =
      a.prevScored > 0
        ? ` (was ${pct(a.prevIncomplete / a.prevScored)} the period before)`
        : ' (no cases the period before)';
    add('completeness', 'leading', 1 - share, `${pct(share)} of new cases incomplete${trend}`);
  } else add('completeness', 'leading', null, 'no new cases scored');
  if (a && a.reopenKnown > 0) {
    const share = a.reopened / a.reopenKnown;
    const trend =
      a.prevReopenKnown > 0 ? ` (was ${pct(a.prevReopened / a.prevReopenKnown)} the period before)` : '';
    add('reopens', 'leading', 1 - share, `${pct(share)} of solved cases reopened${trend}`);
  } else add('reopens', 'leading', null, 'no solved cases');
  add(
    'renewal',
    'lagging',
    inUse.renewalCommitted && f.renewalCommitted !== null ? (f.renewalCommitted ? 1 : 0) : null,
    f.renewalCommitted ? 'committed to renew' : 'no renewal commitment',
  );
  if (f.recurringRevenue !== null && f.previousRecurringRevenue !== null && f.previousRecurringRevenue > 0) {
    const ratio = f.recurringRevenue / f.previousRecurringRevenue;
    add(
      'revenueChange',
      'lagging',
      revenueChangeValue(f.recurringRevenue, f.previousRecurringRevenue),
      `recurring revenue ${ratio >= 1 ? 'up' : 'down'} ${pct(Math.abs(ratio - 1))} on last year`,
    );
  } else add('revenueChange', 'lagging', null, 'no recurring revenue a year ago');

  const base = { orgId: f.id, name: f.name, indicators: ind, recurringRevenue: f.recurringRevenue };
  if (f.churned === true)
    return { ...base, score: null, band: 'churned', reasons: ['churned (did not renew)'] };
  const measured = ind.filter((i) => i.value !== null && i.weight > 0);
  const totalWeight = measured.reduce((s, i) => s + i.weight, 0);
  if (measured.length < config.minIndicators || totalWeight === 0)
    return {
      ...base,
      score: null,
      band: 'not_measured',
      reasons: [`only ${measured.length} indicator(s) measured; needs ${config.minIndicators}`],
    };
  const score = Math.round((100 * measured.reduce((s, i) => s + i.weight * (i.value ?? 0), 0)) / totalWeight);
  const band: HealthBand =
    score < config.atRiskBelow ? 'at_risk' : score < config.healthyFrom ? 'watch' : 'healthy';
  const reasons = measured
    .filter((i) => (i.value ?? 1) < 0.75)
    .sort((x, y) => y.weight * (1 - (y.value ?? 0)) - x.weight * (1 - (x.value ?? 0)))
    .map((i) => i.detail);
  return { ...base, score, band, reasons: band === 'healthy' && reasons.length === 0 ? [] : reasons };
}
