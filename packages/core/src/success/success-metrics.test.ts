import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../case/case-schema.js';
import { previousWindow } from '../metrics/window.js';
import { type CustomerActivity, customerActivity, emptyActivity } from './customer-activity.js';
import { customerFacts, numberField, signalOf } from './customer-facts.js';
import { CustomerMappingSchema, DEFAULT_CUSTOMER_MAPPING } from './customer-mapping-schema.js';
import { CustomerSchema } from './customer-schema.js';
import { revenueChangeValue } from './health-score.js';
import { customerReport } from './success-metrics.js';

const WINDOW = { from: '2026-09-01', to: '2026-11-30' };
const customers = [
  CustomerSchema.parse({
    id: 'A',
    name: 'Acme',
    tags: ['onboarded', 'adoption_milestone', 'success_milestone', 'renewal_committed'],
    fields: { annual_recurring_revenue: 120_000, previous_annual_recurring_revenue: 100_000 },
    createdAt: '2026-09-15T10:00:00Z',
  }),
  CustomerSchema.parse({
    id: 'B',
    name: 'Beta',
    tags: ['adoption_milestone'],
    fields: { annual_recurring_revenue: '30,000', previous_annual_recurring_revenue: 40_000 },
    createdAt: '2025-01-01T00:00:00Z',
  }),
  CustomerSchema.parse({
    id: 'C',
    tags: ['churned'],
    fields: { annual_recurring_revenue: 50_000, previous_annual_recurring_revenue: 50_000 },
    createdAt: '2024-05-01T00:00:00Z',
  }),
  CustomerSchema.parse({ id: 'D', createdAt: '2026-10-01T00:00:00Z' }),
];
const activity = new Map<string, CustomerActivity>([
  [
    'A',
    {
      ...emptyActivity('A'),
      created: 4,
      scored: 4,
      incomplete: 1,
      solved: 3,
      reopenKnown: 3,
      positive: 3,
      good: 2,
      effortMinutes: 180,
      effortKnown: 3,
      answersShared: 1,
      answersAccepted: 1,
      knowledgeItems: 2,
      knowledgeKnown: 3,
    },
  ],
  [
    'B',
    {
      ...emptyActivity('B'),
      created: 2,
      scored: 2,
      incomplete: 2,
      prevScored: 2,
      solved: 2,
      reopenKnown: 2,
      reopened: 1,
      bad: 1,
      outageCases: 1,
      openBugCases: 2,
      effortMinutes: 60,
      effortKnown: 1,
      knowledgeKnown: 2,
    },
  ],
]);
const mapping = CustomerMappingSchema.parse({ outageTags: ['outage'], costs: { hourlyCost: 50 } });
const report = customerReport(customers, activity, mapping, WINDOW, { jira: true });
const m = report.metrics;

describe('customer facts', () => {
  it('reads tags, fields with values, text numbers and the customer-since date', () => {
    const c = CustomerSchema.parse({
      id: 'x',
      tags: ['vip'],
      fields: { stage: 'adopted', live: false, arr: '12,500.5' },
    });
    expect(signalOf({ tag: 'vip' }, c)).toBe(true);
    expect(signalOf({ tag: 'other' }, c)).toBe(false);
    expect(signalOf({ field: 'stage', values: ['adopted', 'expanding'] }, c)).toBe(true);
    expect(signalOf({ field: 'live' }, c)).toBe(false);
    expect(signalOf({ field: 'missing' }, c)).toBeNull();
    expect(numberField(c, 'arr')).toBe(12_500.5);
    expect(numberField(c, 'stage')).toBeNull();
    const since = CustomerSchema.parse({
      id: 'y',
      fields: { start: '2026-03-04' },
      createdAt: '2020-01-01T00:00:00Z',
    });
    expect(customerFacts(since, CustomerMappingSchema.parse({ customerSinceField: 'start' })).since).toBe(
      '2026-03-04',
    );
    expect(customerFacts(since, DEFAULT_CUSTOMER_MAPPING).since).toBe('2020-01-01');
  });

  it('refuses a signal without tag or field, and unknown keys', () => {
    expect(CustomerMappingSchema.safeParse({ adopted: {} }).success).toBe(false);
    expect(CustomerMappingSchema.safeParse({ adoptd: { tag: 'x' } }).success).toBe(false);
  });
});

describe('success metrics (hand-computed: A new+healthy, B at risk, C churned, D new, nothing known)', () => {
  it('counts customers: 4, 3 active, 2 new (A, D), 1 churned', () => {
    expect(report.counts).toEqual({ customers: 4, active: 3, new: 2, churned: 1, scored: 3, atRisk: 2 });
  });

  it('computes the rates over the right populations', () => {
    expect(m.onboard_rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 }); // A of A, D
    expect(m.adoption_rate).toMatchObject({ numerator: 2, denominator: 3 }); // A, B of A, B, D
    expect(m.success_rate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(m.retention).toMatchObject({ numerator: 1, denominator: 3 });
    expect(m.churn).toMatchObject({ value: 0.25, status: 'worse_than_average' });
    expect(m.availability).toMatchObject({ numerator: 2, denominator: 3 }); // B had an outage case
    expect(m.engagement_quality).toMatchObject({ value: 0.6, numerator: 3, denominator: 5 });
    expect(m.customer_growth).toMatchObject({ value: 2 });
  });

  it('recurring revenue: GRR 130k ÷ 190k, NRR 150k ÷ 190k (churned C counts 0, D has no ARR)', () => {
    expect(m.recurring_revenue?.value).toBeCloseTo(130_000 / 190_000, 10);
    expect(m.net_recurring_revenue?.value).toBeCloseTo(150_000 / 190_000, 10);
    expect(m.net_recurring_revenue?.status).toBe('worse_than_average');
  });

  it('scores health with the weights: A 99 healthy, B 23 and D 17 at risk, C churned', () => {
    const by = Object.fromEntries(report.customers.map((h) => [h.orgId, h]));
    // A: 20 + 15 + 15 + 10 + 5×0.75 + 5 + 15 + 15 = 98.75 of 100
    expect(by.A).toMatchObject({ score: 99, band: 'healthy', reasons: [] });
    // B: adoption 20 + reopens 5×0.5 = 22.5 of 100 (revenue 75% of last year is ≤ 80% → 0)
    expect(by.B).toMatchObject({ score: 23, band: 'at_risk' });
    expect(by.B?.reasons).toEqual([
      'success milestones not reached',
      'CSAT 0% (1 ratings)',
      'no renewal commitment',
      'recurring revenue down 25% on last year',
      '2 open cases waiting on an open bug',
      '100% of new cases incomplete (was 0% the period before)',
      '50% of solved cases reopened',
    ]);
    // D: adoption 0, success 0, bug impact 1 (×10), renewal 0: 10 of 60
    expect(by.D).toMatchObject({ score: 17, band: 'at_risk' });
    expect(by.C).toMatchObject({ score: null, band: 'churned' });
    expect(report.customers.map((h) => h.orgId)).toEqual(['D', 'B', 'A', 'C']);
    expect(m.health_score?.value).toBeCloseTo((99 + 23 + 17) / 3, 10);
    expect(m.health_at_risk).toMatchObject({ numerator: 2, denominator: 3, status: 'target_missed' });
  });

  it('revenue change is 1 at or above last year, 0 at 80% or less, linear between', () => {
    expect(revenueChangeValue(110, 100)).toBe(1);
    expect(revenueChangeValue(90, 100)).toBeCloseTo(0.5, 10);
    expect(revenueChangeValue(70, 100)).toBe(0);
  });

  it('says not measured, with what to map, when no customer carries a signal — never 0%', () => {
    const bare = customerReport(
      [CustomerSchema.parse({ id: 'X' }), CustomerSchema.parse({ id: 'Y' })],
      new Map(),
      DEFAULT_CUSTOMER_MAPPING,
      WINDOW,
      { jira: false },
    );
    for (const id of ['onboard_rate', 'adoption_rate', 'success_rate', 'retention', 'churn', 'availability'])
      expect(bare.metrics[id]).toMatchObject({ value: null, status: 'not_measured' });
    expect(bare.metrics.adoption_rate?.reason).toContain('`adoption_milestone`');
    expect(bare.metrics.availability?.reason).toContain('outageTags');
    expect(bare.metrics.net_recurring_revenue?.status).toBe('not_measured');
    expect(bare.metrics.health_score?.status).toBe('not_measured');
    expect(bare.customers.every((h) => h.band === 'not_measured')).toBe(true);
  });
});

describe('churn within the window, with churn dates', () => {
  it('counts customers lost in the window ÷ customers at its start', () => {
    const c = (id: string, createdAt: string, churnedOn?: string) =>
      CustomerSchema.parse({
        id,
        createdAt,
        tags: churnedOn ? ['churned'] : [],
        fields: churnedOn ? { churn_date: churnedOn } : {},
      });
    const r = customerReport(
      [
        c('old1', '2024-01-01T00:00:00Z'),
        c('old2', '2024-01-01T00:00:00Z'),
        c('lost-in', '2024-01-01T00:00:00Z', '2026-10-15'), // churned in the window: counts
        c('lost-before', '2024-01-01T00:00:00Z', '2026-05-01'), // gone before it started: not at the start
        c('new', '2026-10-01T00:00:00Z'), // joined in the window: not at the start
      ],
      new Map(),
      CustomerMappingSchema.parse({ churnedAtField: 'churn_date' }),
      WINDOW,
      { jira: false },
    );
    // At the start: old1, old2, lost-in → 1 of 3.
    expect(r.metrics.churn).toMatchObject({ numerator: 1, denominator: 3 });
    // The first fixture has no churn dates: a snapshot, 1 marked of 4.
    expect(m.churn).toMatchObject({ value: 0.25 });
  });
});

describe('NextGen support metrics (same fixture)', () => {
  it('customer engagement: cases by revenue tier, with effort beside', () => {
    expect(m.customer_engagement?.distribution).toEqual({
      'strategic (≥ 100k)': 4 / 6,
      'growth (10k–100k)': 2 / 6,
    });
    expect(m.customer_engagement?.breakdown?.['strategic (≥ 100k): effort']?.value).toBe(0.75);
  });

  it('reach, accepted answers, effectiveness; answers delivered needs Guide data', () => {
    expect(m.support_reach).toMatchObject({ value: 2, denominator: 5 });
    expect(m.answers_accepted).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    expect(m.effectiveness).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    expect(m.answers_delivered).toMatchObject({ status: 'not_measured' });
    expect(m.answers_delivered?.reason).toContain('Help Center');
  });

  it('costs: 5 solved cases × mean 60 min = 5 h × 50 = 250; 3 positive outcomes per 250 → 12 per 1,000', () => {
    expect(m.support_costs?.value).toBeCloseTo(250, 10);
    expect(m.support_costs?.breakdown?.['per solved case']?.value).toBeCloseTo(50, 10);
    expect(m.delivery_efficiency?.value).toBeCloseTo(12, 10);
    const noCost = customerReport(customers, activity, DEFAULT_CUSTOMER_MAPPING, WINDOW, { jira: true });
    expect(noCost.metrics.support_costs?.reason).toContain('hourlyCost');
    expect(noCost.metrics.delivery_efficiency?.status).toBe('not_measured');
  });
});

describe('customerActivity from cases', () => {
  const c = (over: Record<string, unknown>) =>
    CaseSchema.parse({ createdAt: '2026-10-01T09:00:00Z', organization: { id: 'A' }, ...over });
  const act = customerActivity(
    [
      c({ id: '1', completeness: { score: 40, complete: false }, tags: ['outage'], jiraLinks: ['BUG-1'] }),
      c({
        id: '2',
        status: 'solved',
        solvedAt: '2026-10-02T09:00:00Z',
        reopens: 0,
        satisfaction: 'good',
        agentEffortMinutes: 30,
        knowledgeLinks: [{ article: 'kb/1', action: 'linked' }],
      }),
      c({ id: '3', status: 'solved', solvedAt: '2026-10-03T00:00:00Z', reopens: 1, satisfaction: 'bad' }),
      c({ id: '4', createdAt: '2026-07-01T00:00:00Z', completeness: { score: 90, complete: true } }),
      c({ id: '5', organization: null }),
    ],
    WINDOW,
    { outageTags: ['outage'], openBugKeys: new Set(['BUG-1']) },
  ).get('A');

  it('sums the window and the window before, by customer', () => {
    expect(previousWindow(WINDOW)).toEqual({ from: '2026-06-02', to: '2026-08-31' });
    expect(act).toMatchObject({
      created: 3,
      scored: 1,
      incomplete: 1,
      prevScored: 1,
      prevIncomplete: 0,
      solved: 2,
      reopenKnown: 2,
      reopened: 1,
      positive: 1,
      good: 1,
      bad: 1,
      outageCases: 1,
      openBugCases: 1,
      effortMinutes: 30,
      effortKnown: 1,
      answersShared: 1,
      answersAccepted: 1,
      knowledgeItems: 1,
      knowledgeKnown: 1,
    });
  });
});
