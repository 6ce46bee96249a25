import {
  type ActivityWindow,
  addDays,
  addMonths,
  baselineBefore,
  type CustomerHealth,
  type CustomerReport,
  churnShare,
  customerFacts,
  customerReport,
  type DemandForecast,
  demandForecast,
  type ForecastTrack,
  forecastMetricParts,
  forecastTrack,
  getMetricDefinition,
  lastDays,
  type MaturityEvidence,
  type MetricId,
  type MetricResult,
  metricResult,
  preventionPerMonth,
  signalInUse,
} from '@support-metrics/core';
import type { Stores } from '../store/stores.js';

/** What every customer read needs: the stores, the tenant and the caller's clock. */
export interface CustomerContext {
  stores: Pick<Stores, 'tenants' | 'cases' | 'customers'>;
  tenantId: string;
  now: Date;
}

/** The default window of the success metrics: the last 90 days up to today (UTC). */
export function last90Days(now: Date): ActivityWindow {
  return lastDays(now.toISOString().slice(0, 10), 90);
}

/**
 * The success, health and NextGen metrics of a tenant's customers over a window, with each customer's health.
 *
 * @example const report = await customerReportOf({ stores: c.var.stores, tenantId: 'demo', now: new Date() });
 */
export async function customerReportOf(
  ctx: CustomerContext,
  window: ActivityWindow = last90Days(ctx.now),
): Promise<CustomerReport & { mappingProblems: string[] }> {
  const customers = ctx.stores.customers;
  const { customerMapping: mapping, problems } = await ctx.stores.tenants.tenantPolicies(ctx.tenantId);
  const [list, activity, jira] = await Promise.all([
    customers.customers(ctx.tenantId),
    customers.activity(ctx.tenantId, window, mapping.outageTags),
    customers.jiraInUse(ctx.tenantId),
  ]);
  const report = customerReport(list, activity, mapping, window, { jira });
  return { ...report, mappingProblems: problems.filter((p) => p.startsWith('customerMapping')) };
}

/**
 * One customer's health (the sidebar's requester organisation), null for an unknown one. The report is computed for
 * all customers because whether a signal is in use at all is a property of the whole customer base.
 */
export async function customerHealthOf(ctx: CustomerContext, orgId: string): Promise<CustomerHealth | null> {
  const report = await customerReportOf(ctx);
  return report.customers.find((h) => h.orgId === orgId) ?? null;
}

export interface DemandReport {
  /** The forecast of the current month (stored when first made), with its components. */
  forecast: DemandForecast | null;
  /** Forecast vs actual, month by month (the last 12). */
  track: ForecastTrack[];
  metrics: Record<string, MetricResult>;
  /** Whether this call stored the month's forecast (the first forecast of the month). */
  storedNow: boolean;
}

/**
 * The support demand forecast of the current month from the full months before it, and the monthly forecast vs
 * actual track. The current month's forecast is stored the first time it is made, so that the comparison at the end
 * of the month is with what was really expected.
 *
 * @example const { forecast, track } = await demandOf(ctx);
 */
export async function demandOf(ctx: CustomerContext): Promise<DemandReport> {
  const customers = ctx.stores.customers;
  const { customerMapping: mapping } = await ctx.stores.tenants.tenantPolicies(ctx.tenantId);
  const current = ctx.now.toISOString().slice(0, 7);
  const lastFull = addMonths(current, -1);
  const [list, months, stored, fixes] = await Promise.all([
    customers.customers(ctx.tenantId),
    customers.monthlyDemand(ctx.tenantId, addMonths(current, -24), lastFull, mapping.customerSinceField),
    customers.storedForecasts(ctx.tenantId),
    customers.releasedFixes(ctx.tenantId, `${addMonths(current, -3)}-01`),
  ]);
  // History starts at the first month with cases: leading empty months are before the helpdesk was connected.
  const first = months.findIndex((m) => m.cases > 0);
  const history = first < 0 ? [] : months.slice(first);
  const facts = list.map((c) => customerFacts(c, mapping));
  // Churn over the last 12 full months (the forecast's rate is yearly), as the churn metric counts it.
  const lost = churnShare(facts, {
    from: `${addMonths(current, -12)}-01`,
    to: addDays(`${current}-01`, -1),
  });
  const inputs = {
    months: history,
    customers: facts,
    preventedPerMonth: preventionPerMonth(
      fixes.map((f) => ({
        releasedAt: f.releasedAt,
        baselineRate: baselineBefore(f.created, f.releasedAt).rate,
      })),
      current,
    ),
    churnRate:
      signalInUse(facts, 'churned', mapping.churned) && lost.denominator > 0
        ? lost.numerator / lost.denominator
        : null,
  };
  const forecast = demandForecast(inputs, mapping.forecast);
  let storedNow = false;
  if (forecast && !stored.has(forecast.month)) {
    storedNow = await customers.storeForecast(
      ctx.tenantId,
      forecast.month,
      forecast.forecast,
      forecast,
      ctx.now.toISOString(),
    );
    // A concurrent request may have stored it first: compare with what is stored, not with this recomputation.
    const kept = storedNow ? null : (await customers.storedForecasts(ctx.tenantId)).get(forecast.month);
    stored.set(forecast.month, kept ?? forecast.forecast);
  }
  const metrics: Record<string, MetricResult> = {};
  for (const [id, part] of Object.entries(forecastMetricParts(forecast)))
    metrics[id] = metricResult(getMetricDefinition(id as MetricId), part);
  return {
    forecast,
    track: history.length ? forecastTrack(inputs, mapping.forecast, stored, current) : [],
    metrics,
    storedNow,
  };
}

/**
 * What the maturity self-assessment can pre-fill from the store and the metrics of the last 90 days.
 *
 * @example prefillMaturity(await maturityEvidenceOf(ctx, { slackConnected: true }))
 */
export async function maturityEvidenceOf(
  ctx: CustomerContext,
  connected: { slackConnected: boolean },
): Promise<MaturityEvidence> {
  const customers = ctx.stores.customers;
  const window = last90Days(ctx.now);
  const [e, metrics, report] = await Promise.all([
    customers.evidence(ctx.tenantId, `${window.from}T00:00:00Z`),
    ctx.stores.cases.metrics(ctx.tenantId, window),
    customerReportOf(ctx, window),
  ]);
  const value = (id: string) => metrics.metrics[id]?.value ?? null;
  return {
    casesLast90Days: e.cases,
    prioritySetShare: e.cases > 0 ? e.withPriority / e.cases : null,
    completeShare: e.scored > 0 ? e.complete / e.scored : null,
    recordCompletionShare: value('case_record_completion'),
    knowledgeActionShare: value('knowledge_action'),
    collaborationShare: value('collaboration_rate'),
    slackConnected: connected.slackConnected,
    jiraConnected: e.jiraLinked > 0 || (await customers.jiraInUse(ctx.tenantId)),
    swarmsLast90Days: e.swarms,
    jiraLinkedCasesLast90Days: e.jiraLinked,
    bugsWithImpactWrittenBack: e.impactWritten,
    customersWithHealthScore: report.counts.scored,
    groupsLast90Days: e.groups,
  };
}
