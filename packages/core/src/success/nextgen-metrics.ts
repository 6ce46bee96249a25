import type { MetricId } from '../metrics/catalogue-lookup.js';
import type { MetricResult } from '../metrics/metric-result.js';
import type { ActivityWindow, CustomerActivity } from './customer-activity.js';
import type { CustomerFacts } from './customer-facts.js';
import type { CustomerMapping } from './customer-mapping-schema.js';

/** How each NextGen support metric (seed 003) is computed, from which data, and what a team must add for the rest. */
export const COMPUTED_FROM_NEXTGEN = {
  customer_engagement:
    "share of cases created in the window per recurring-revenue tier of the customer (`customerMapping.revenueTiers` over organization_fields.annual_recurring_revenue; 'unknown' without ARR), with each tier's share of agent effort beside it",
  support_reach:
    'knowledge items (articles linked, updated or created) on cases solved in the window [help-center links in agent comments, knowledge_action field, kb_* tags]; self-help views are not held: add Guide article views to count digital reach',
  answers_delivered:
    'not measured: needs Help Center (Guide) article views and read-through per shared answer, which cases do not hold',
  answers_accepted:
    'assisted answers only: solved cases where an article was linked that were not reopened ÷ solved cases where an article was linked; add article votes ("did this answer your question?") for self-help answers',
  effectiveness:
    'customers helped in the window (≥ 1 solved case) that are marked as having reached adoption or success milestones ÷ customers helped; milestone dates are not held, so "subsequently" is not checked',
  support_costs:
    'agent effort hours on cases solved in the window (cases without a time-tracking value are costed at the mean of those with one) × `customerMapping.costs.hourlyCost` + monthlyOverhead × months in the window; per solved case in the breakdown',
  delivery_efficiency:
    'positive outcomes (cases solved, not reopened, not rated bad) per 1,000 of support cost',
} as const satisfies Partial<Record<MetricId, string>>;

type Part = Partial<MetricResult>;

/** Which revenue tier a recurring revenue falls in (tiers highest first); 'unknown' without revenue. */
export function revenueTier(revenue: number | null, tiers: CustomerMapping['revenueTiers']): string {
  if (revenue === null) return 'unknown';
  const sorted = [...tiers].sort((a, b) => b.from - a.from);
  return sorted.find((t) => revenue >= t.from)?.name ?? 'unknown';
}

/**
 * The NextGen support metrics from customers and their case activity: what can be computed from the data held,
 * and `not_measured` with the input a team must add for the rest.
 *
 * @example nextGenParts(facts, activity, mapping, window, { adopted: true, successReached: false }).effectiveness
 */
export function nextGenParts(
  facts: readonly CustomerFacts[],
  activity: ReadonlyMap<string, CustomerActivity>,
  mapping: CustomerMapping,
  window: ActivityWindow,
  use: { adopted: boolean; successReached: boolean },
): Partial<Record<MetricId, Part>> {
  const parts: Partial<Record<MetricId, Part>> = {};
  const byId = new Map(facts.map((f) => [f.id, f]));
  const tierCases = new Map<string, number>();
  const tierEffort = new Map<string, number>();
  let created = 0;
  let effortTotal = 0;
  let solved = 0;
  let effortMinutes = 0;
  let effortKnown = 0;
  let positive = 0;
  let knowledgeItems = 0;
  let knowledgeKnown = 0;
  let shared = 0;
  let accepted = 0;
  for (const a of activity.values()) {
    const tier = revenueTier(byId.get(a.orgId)?.recurringRevenue ?? null, mapping.revenueTiers);
    tierCases.set(tier, (tierCases.get(tier) ?? 0) + a.created);
    tierEffort.set(tier, (tierEffort.get(tier) ?? 0) + a.effortMinutes);
    created += a.created;
    effortTotal += a.effortMinutes;
    solved += a.solved;
    effortMinutes += a.effortMinutes;
    effortKnown += a.effortKnown;
    positive += a.positive;
    knowledgeItems += a.knowledgeItems;
    knowledgeKnown += a.knowledgeKnown;
    shared += a.answersShared;
    accepted += a.answersAccepted;
  }
  if (created === 0)
    parts.customer_engagement = { reason: 'no data: no cases of known customers in the window' };
  else {
    const distribution: Record<string, number> = {};
    const breakdown: NonNullable<MetricResult['breakdown']> = {};
    for (const [tier, n] of [...tierCases].sort((x, y) => y[1] - x[1])) {
      distribution[tier] = n / created;
      const e = tierEffort.get(tier) ?? 0;
      breakdown[`${tier}: effort`] = {
        value: effortTotal > 0 ? e / effortTotal : null,
        numerator: e / 60,
        denominator: effortTotal / 60,
      };
    }
    parts.customer_engagement = { denominator: created, distribution, breakdown };
  }
  parts.support_reach =
    knowledgeKnown === 0
      ? {
          reason: 'no data: no solved case records knowledge use (links in comments, knowledge_action field)',
        }
      : { value: knowledgeItems, numerator: knowledgeItems, denominator: knowledgeKnown };
  parts.answers_delivered = {
    reason:
      'not measured: needs Help Center (Guide) article views per shared answer; add an article-analytics import to measure it',
  };
  parts.answers_accepted =
    shared === 0
      ? { reason: 'no data: no solved case with a linked article (add article votes for self-help answers)' }
      : { value: accepted / shared, numerator: accepted, denominator: shared };
  if (!use.adopted && !use.successReached)
    parts.effectiveness = {
      reason: 'no data: map adoption or success milestones (customerMapping.adopted / successReached)',
    };
  else {
    const helped = [...activity.values()].filter((a) => a.solved > 0 && byId.get(a.orgId)?.churned !== true);
    const reached = helped.filter((a) => {
      const f = byId.get(a.orgId);
      return (use.adopted && f?.adopted === true) || (use.successReached && f?.successReached === true);
    });
    parts.effectiveness =
      helped.length === 0
        ? { reason: 'no data: no customer had a case solved in the window' }
        : { value: reached.length / helped.length, numerator: reached.length, denominator: helped.length };
  }
  const costs = mapping.costs;
  if (!costs) {
    const reason = 'not measured: set customerMapping.costs.hourlyCost (and monthlyOverhead) to cost support';
    parts.support_costs = { reason };
    parts.delivery_efficiency = { reason };
  } else if (effortKnown === 0) {
    const reason = 'no data: no solved case records agent effort (a time-tracking field)';
    parts.support_costs = { reason };
    parts.delivery_efficiency = { reason };
  } else {
    const days = Math.round((Date.parse(window.to) - Date.parse(window.from)) / 86_400_000) + 1;
    const hours = ((effortMinutes / effortKnown) * solved) / 60;
    const cost = hours * costs.hourlyCost + costs.monthlyOverhead * (days / 30.44);
    parts.support_costs = {
      value: cost,
      numerator: cost,
      denominator: null,
      breakdown: {
        'per solved case': { value: solved > 0 ? cost / solved : null, numerator: cost, denominator: solved },
      },
    };
    parts.delivery_efficiency =
      cost === 0
        ? { reason: 'no data: support cost is 0' }
        : { value: (positive / cost) * 1000, numerator: positive, denominator: cost / 1000 };
  }
  return parts;
}
