import type { CustomerFacts } from './customer-facts.js';
import type { CustomerMapping } from './customer-mapping-schema.js';

/** Cases created in one calendar month (`YYYY-MM`), all customers and those in their first year. */
export interface MonthlyDemand {
  month: string;
  cases: number;
  /** Cases from customers whose customer-since date is less than 12 months before the case. */
  casesFromNewCustomers: number;
}

/** The study's industry average cases per new customer (seed 000, "Cases per New User"). */
export const INDUSTRY_CASES_PER_NEW_CUSTOMER = 4.4;
const WEEKS_PER_MONTH = 52 / 12;

export interface DemandForecast {
  /** The month forecast, `YYYY-MM`. */
  month: string;
  /** The last full month of history it is based on. */
  basedOn: string;
  /** Mean cases per month over the last (up to) 3 full months. */
  base: number;
  newCustomers: {
    perMonth: number;
    source: 'planned' | 'last 3 months';
    /** Expected cases a new customer raises in its first 12 months. */
    casesPerNewCustomer: number;
    casesPerNewCustomerSource: 'measured' | 'industry average';
    cases: number;
  };
  /** base × adoption expansion ÷ 12. */
  expansion: { yearlyRate: number; cases: number };
  /** base × churn ÷ 12 (churn: yearly, as the churn metric counts it over the last 12 full months; 0 when not measured). */
  churn: { yearlyRate: number | null; cases: number };
  /** Cases a month that shipped bug fixes are expected to prevent. */
  prevention: { cases: number };
  forecast: number;
  /** (forecast − cases in the base month) ÷ cases in the base month: the study's support demand forecast rate. */
  change: number | null;
}

export interface DemandInputs {
  /** Full months, ascending, gaps filled with zeros. */
  months: readonly MonthlyDemand[];
  customers: readonly CustomerFacts[];
  /** Cases per month the released bug fixes prevent (see `preventionPerMonth`). */
  preventedPerMonth: number;
  /** Share of customers that churned (yearly), null when not measured. */
  churnRate: number | null;
}

/** `YYYY-MM` plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * Cases a month that shipped fixes prevent: for each fix released in the last 3 months before `asOf` (whose
 * pre-fix demand is still in the forecast's base), its weekly case rate before the release × weeks per month.
 *
 * @example preventionPerMonth([{ releasedAt: '2026-10-10T00:00:00Z', baselineRate: 1.5 }], '2026-11') // 6.5
 */
export function preventionPerMonth(
  fixes: readonly { releasedAt: string; baselineRate: number }[],
  asOf: string,
): number {
  const from = addMonths(asOf, -3);
  return fixes
    .filter((f) => f.releasedAt.slice(0, 7) >= from && f.releasedAt.slice(0, 7) < asOf)
    .reduce((s, f) => s + f.baselineRate * WEEKS_PER_MONTH, 0);
}

/**
 * Cases per new customer in its first year, from history: cases from first-year customers ÷ first-year
 * customer-months over the last 12 months, × 12. Null when no customer was in its first year.
 */
export function casesPerNewCustomer(
  months: readonly MonthlyDemand[],
  customers: readonly CustomerFacts[],
): number | null {
  const recent = months.slice(-12);
  let cases = 0;
  let exposure = 0;
  for (const m of recent) {
    cases += m.casesFromNewCustomers;
    exposure += customers.filter((c) => {
      if (c.since === null) return false;
      const since = c.since.slice(0, 7);
      return since <= m.month && since > addMonths(m.month, -12);
    }).length;
  }
  return exposure === 0 ? null : (cases / exposure) * 12;
}

/**
 * The support demand forecast for the month after the history (seed 000: expansion from new logos and adoption,
 * contraction from churn and prevention):
 *
 * forecast = base + new customers × (cases per new customer ÷ 12) + base × adoption ÷ 12 − base × churn ÷ 12 − prevented
 *
 * where base is the mean of the last 3 full months, new customers per month are planned (config) or the mean of the
 * last 3 months, and cases per new customer are measured (else the industry 4.4). Floored at 0.
 *
 * @example demandForecast(inputs, mapping.forecast).forecast // 212.4
 */
export function demandForecast(
  inputs: DemandInputs,
  config: CustomerMapping['forecast'],
): DemandForecast | null {
  const { months } = inputs;
  const last = months.at(-1);
  if (!last) return null;
  const window = months.slice(-3);
  const base = window.reduce((s, m) => s + m.cases, 0) / window.length;
  const newPerMonth =
    config.plannedNewCustomersPerMonth ??
    window.reduce(
      (s, m) =>
        s + inputs.customers.filter((c) => c.since !== null && c.since.slice(0, 7) === m.month).length,
      0,
    ) / window.length;
  const measured = casesPerNewCustomer(months, inputs.customers);
  const perNew = measured ?? INDUSTRY_CASES_PER_NEW_CUSTOMER;
  const newCases = newPerMonth * (perNew / 12);
  const expansion = (base * config.adoptionExpansion) / 12;
  const churnCases = (base * (inputs.churnRate ?? 0)) / 12;
  const forecast = Math.max(0, base + newCases + expansion - churnCases - inputs.preventedPerMonth);
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    month: addMonths(last.month, 1),
    basedOn: last.month,
    base: r(base),
    newCustomers: {
      perMonth: r(newPerMonth),
      source: config.plannedNewCustomersPerMonth !== undefined ? 'planned' : 'last 3 months',
      casesPerNewCustomer: r(perNew),
      casesPerNewCustomerSource: measured === null ? 'industry average' : 'measured',
      cases: r(newCases),
    },
    expansion: { yearlyRate: config.adoptionExpansion, cases: r(expansion) },
    churn: { yearlyRate: inputs.churnRate, cases: r(churnCases) },
    prevention: { cases: r(inputs.preventedPerMonth) },
    forecast: r(forecast),
    change: last.cases > 0 ? (forecast - last.cases) / last.cases : null,
  };
}

/** One month of the forecast-vs-actual track. */
export interface ForecastTrack {
  month: string;
  forecast: number;
  /** Where the forecast comes from: stored when the month began, or recomputed from the history before it. */
  source: 'stored' | 'backtest';
  actual: number | null;
  /** (actual − forecast) ÷ forecast; null until the month is over or when nothing was forecast. */
  error: number | null;
}

/**
 * Forecast against actual, month by month: stored forecasts where the store kept one, else a backtest that reruns
 * `demandForecast` on the history before that month (customers known since then; prevention as stored, else 0).
 * The current (incomplete) month has no actual yet.
 *
 * @example forecastTrack(inputs, config, stored, '2026-11').at(-1)?.error
 */
export function forecastTrack(
  inputs: DemandInputs,
  config: CustomerMapping['forecast'],
  stored: ReadonlyMap<string, number>,
  currentMonth: string,
  monthsBack = 12,
): ForecastTrack[] {
  const out: ForecastTrack[] = [];
  const { months } = inputs;
  for (let i = Math.max(1, months.length - monthsBack); i <= months.length; i++) {
    const month = i < months.length ? (months[i]?.month as string) : addMonths(months.at(-1)?.month ?? '', 1);
    if (month > currentMonth) break;
    let forecast = stored.get(month);
    let source: ForecastTrack['source'] = 'stored';
    if (forecast === undefined) {
      const before = months.slice(0, i);
      const f = demandForecast(
        {
          months: before,
          customers: inputs.customers.filter((c) => c.since === null || c.since.slice(0, 7) < month),
          preventedPerMonth: 0,
          churnRate: inputs.churnRate,
        },
        config,
      );
      if (!f) continue;
      forecast = f.forecast;
      source = 'backtest';
    }
    const actual = month < currentMonth ? (months[i]?.cases ?? null) : null;
    out.push({
      month,
      forecast,
      source,
      actual,
      error: actual === null || forecast === 0 ? null : (actual - forecast) / forecast,
    });
  }
  return out;
}

/** How the demand metrics are computed from the forecast (README metric table). */
export const COMPUTED_FROM_FORECAST = {
  cases_per_new_user:
    'per customer (organisation), not per user: cases from customers in their first 12 months ÷ their customer-months over the last 12 months, × 12 [organisation created_at or the mapped customer-since field]',
  demand_expansion:
    '(forecast cases from new customers + base × `customerMapping.forecast.adoptionExpansion` ÷ 12) ÷ base (mean cases per month of the last 3 full months)',
  demand_contraction:
    '−(base × churn ÷ 12 + cases a month prevented by bug fixes released in the last 3 months) ÷ base; prevention = weekly linked-case rate before each fix × 52/12 (Jira bridge)',
  support_demand_forecast:
    '(forecast − cases last full month) ÷ cases last full month, forecast = base + new + adoption − churn − prevention (see Demand forecast)',
} as const;

/**
 * The catalogue's demand metrics from a forecast; `cases_per_new_user` is not measured while no customer has been
 * in its first year (the forecast then uses the industry 4.4, and says so).
 */
export function forecastMetricParts(
  f: DemandForecast | null,
): Record<
  keyof typeof COMPUTED_FROM_FORECAST,
  { value?: number; numerator?: number; denominator?: number; reason?: string }
> {
  const none = { reason: 'no data: no full month of cases yet' };
  if (!f)
    return {
      cases_per_new_user: none,
      demand_expansion: none,
      demand_contraction: none,
      support_demand_forecast: none,
    };
  const share = (n: number) =>
    f.base > 0
      ? { value: n / f.base, numerator: n, denominator: f.base }
      : { reason: 'no data: no cases in the last 3 full months' };
  return {
    cases_per_new_user:
      f.newCustomers.casesPerNewCustomerSource === 'measured'
        ? { value: f.newCustomers.casesPerNewCustomer }
        : {
            reason:
              'no data: no customer was in its first 12 months in the history (the forecast uses the industry 4.4)',
          },
    demand_expansion: share(f.newCustomers.cases + f.expansion.cases),
    demand_contraction: share(-(f.churn.cases + f.prevention.cases)),
    support_demand_forecast:
      f.change === null ? { reason: 'no data: no cases in the last full month' } : { value: f.change },
  };
}
