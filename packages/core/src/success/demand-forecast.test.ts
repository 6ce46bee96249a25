import { describe, expect, it } from 'vitest';
import { customerFacts } from './customer-facts.js';
import { DEFAULT_CUSTOMER_MAPPING } from './customer-mapping-schema.js';
import { CustomerSchema } from './customer-schema.js';
import {
  addMonths,
  casesPerNewCustomer,
  demandForecast,
  forecastMetricParts,
  forecastTrack,
  INDUSTRY_CASES_PER_NEW_CUSTOMER,
  preventionPerMonth,
} from './demand-forecast.js';

const facts = [
  ['A', '2026-09-15T00:00:00Z'],
  ['B', '2025-01-01T00:00:00Z'],
  ['C', '2024-05-01T00:00:00Z'],
  ['D', '2026-10-01T00:00:00Z'],
].map(([id, createdAt]) => customerFacts(CustomerSchema.parse({ id, createdAt }), DEFAULT_CUSTOMER_MAPPING));
const months = [
  { month: '2026-08', cases: 100, casesFromNewCustomers: 0 },
  { month: '2026-09', cases: 120, casesFromNewCustomers: 10 },
  { month: '2026-10', cases: 110, casesFromNewCustomers: 20 },
];
const config = { adoptionExpansion: 0.12 };
const inputs = { months, customers: facts, preventedPerMonth: 5, churnRate: 0.25 };

describe('demand forecast (hand-computed)', () => {
  it('adds months across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('measures cases per new customer from first-year customer-months: 30 cases ÷ 3 months × 12 = 120', () => {
    // Sep: A is in its first year (1 customer-month); Oct: A and D (2).
    expect(casesPerNewCustomer(months, facts)).toBe(120);
    expect(casesPerNewCustomer(months.slice(0, 1), facts)).toBeNull();
  });

  it('prevention: weekly rate before the fix × 52/12, for fixes of the 3 months before', () => {
    expect(preventionPerMonth([{ releasedAt: '2026-10-10T00:00:00Z', baselineRate: 1.5 }], '2026-11')).toBe(
      6.5,
    );
    expect(preventionPerMonth([{ releasedAt: '2026-07-10T00:00:00Z', baselineRate: 1.5 }], '2026-11')).toBe(
      0,
    );
  });

  it('forecast = base 110 + new 2/3 × 120/12 + 110 × 12%/12 − 110 × 25%/12 − 5 prevented', () => {
    const f = demandForecast(inputs, config);
    expect(f).toMatchObject({
      month: '2026-11',
      basedOn: '2026-10',
      base: 110,
      newCustomers: {
        perMonth: 0.7,
        source: 'last 3 months',
        casesPerNewCustomer: 120,
        casesPerNewCustomerSource: 'measured',
        cases: 6.7,
      },
      expansion: { yearlyRate: 0.12, cases: 1.1 },
      churn: { yearlyRate: 0.25, cases: 2.3 },
      prevention: { cases: 5 },
      forecast: 110.5,
    });
    expect(f?.change).toBeCloseTo((110 + 20 / 3 + 1.1 - (110 * 0.25) / 12 - 5 - 110) / 110, 10);
  });

  it('uses planned new customers and the industry 4.4 when history has none', () => {
    const f = demandForecast(
      { months: months.slice(0, 1), customers: [], preventedPerMonth: 0, churnRate: null },
      { adoptionExpansion: 0, plannedNewCustomersPerMonth: 6 },
    );
    expect(f?.newCustomers).toMatchObject({
      source: 'planned',
      casesPerNewCustomer: INDUSTRY_CASES_PER_NEW_CUSTOMER,
      casesPerNewCustomerSource: 'industry average',
      cases: 2.2,
    });
    expect(f?.forecast).toBe(102.2);
    expect(demandForecast({ ...inputs, months: [] }, config)).toBeNull();
  });

  it('tracks forecast vs actual: stored where kept, else a backtest on the history before; no actual for the current month', () => {
    const track = forecastTrack(inputs, config, new Map([['2026-10', 105]]), '2026-11');
    // Sep backtest from Aug only: 100 + 0 new + 1 − 2.08 = 98.9
    expect(track).toEqual([
      { month: '2026-09', forecast: 98.9, source: 'backtest', actual: 120, error: (120 - 98.9) / 98.9 },
      { month: '2026-10', forecast: 105, source: 'stored', actual: 110, error: 5 / 105 },
      { month: '2026-11', forecast: 115.5, source: 'backtest', actual: null, error: null },
    ]);
  });

  it('gives the catalogue demand metrics from the forecast', () => {
    const parts = forecastMetricParts(demandForecast(inputs, config));
    expect(parts.cases_per_new_user).toEqual({ value: 120 });
    expect(parts.demand_expansion.value).toBeCloseTo((6.7 + 1.1) / 110, 10);
    expect(parts.demand_contraction.value).toBeCloseTo(-(2.3 + 5) / 110, 10);
    expect(forecastMetricParts(null).support_demand_forecast.reason).toContain('no full month');
    const early = forecastMetricParts(demandForecast({ ...inputs, months: months.slice(0, 1) }, config));
    expect(early.cases_per_new_user.reason).toContain('industry 4.4');
  });
});
