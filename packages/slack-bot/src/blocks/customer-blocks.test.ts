import {
  assessMaturity,
  CustomerMappingSchema,
  CustomerSchema,
  customerReport,
  emptyActivity,
  MATURITY_STATEMENTS,
} from '@support-metrics/core';
import { describe, expect, it } from 'vitest';
import { forecastMessage, healthMessage, outcomesMessage } from './customer-blocks.js';
import {
  MATURITY_CALLBACK,
  maturityResultView,
  maturityStepView,
  ratingsFromState,
} from './maturity-blocks.js';
import { blockProblems } from './mrkdwn.js';

const huge = '<!channel> & '.repeat(400);
// 300 customers with hostile names, none adopted: every one at risk.
const report = customerReport(
  Array.from({ length: 300 }, (_, i) =>
    CustomerSchema.parse({
      id: `o${i}`,
      name: `${huge}${i}`,
      tags: i === 0 ? ['adoption_milestone', 'renewal_committed'] : [],
      fields: { annual_recurring_revenue: 1000, previous_annual_recurring_revenue: 5000 },
    }),
  ),
  new Map([
    [
      'o1',
      {
        ...emptyActivity('o1'),
        created: 3,
        scored: 3,
        incomplete: 3,
        solved: 2,
        reopenKnown: 2,
        reopened: 2,
        bad: 2,
      },
    ],
  ]),
  CustomerMappingSchema.parse({}),
  { from: '2026-09-01', to: '2026-11-30' },
  { jira: false },
);

describe('customer messages within Slack limits', () => {
  it('health: 300 at-risk customers with huge hostile names stay within the limits, escaped, listing 10', () => {
    const m = healthMessage(report);
    expect(blockProblems(m.blocks)).toEqual([]);
    const text = JSON.stringify(m.blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('…and 289 more');
  });

  it('outcomes and forecast stay within the limits; no forecast says why', () => {
    expect(blockProblems(outcomesMessage(report).blocks)).toEqual([]);
    // A reason that says "not measured" itself is not said twice.
    const outcomes = JSON.stringify(outcomesMessage(report).blocks);
    expect(outcomes).toContain('not measured — ');
    expect(outcomes).not.toMatch(/not measured — not measured/);
    expect(forecastMessage(null, []).text).toBe('No demand forecast yet');
    const f = {
      month: '2026-11',
      basedOn: '2026-10',
      base: 100,
      newCustomers: {
        perMonth: 2,
        source: 'last 3 months' as const,
        casesPerNewCustomer: 4.4,
        casesPerNewCustomerSource: 'industry average' as const,
        cases: 0.7,
      },
      expansion: { yearlyRate: 0.05, cases: 0.4 },
      churn: { yearlyRate: null, cases: 0 },
      prevention: { cases: 3 },
      forecast: 98.1,
      change: -0.019,
    };
    const track = Array.from({ length: 12 }, (_, i) => ({
      month: `2026-${String(i + 1).padStart(2, '0')}`,
      forecast: 100,
      source: 'backtest' as const,
      actual: i < 11 ? 90 + i : null,
      error: i < 11 ? (90 + i - 100) / 100 : null,
    }));
    const m = forecastMessage(f, track);
    expect(blockProblems(m.blocks)).toEqual([]);
    expect(JSON.stringify(m.blocks)).toContain('Churn: +0 (not measured)');
  });
});

describe('the maturity modal', () => {
  it('has six steps of valid inputs, pre-set from answers, else the pre-fill with its evidence', () => {
    for (let step = 1; step <= 6; step++) {
      const v = maturityStepView(
        { step, answers: { s1_dedicated_team: 2 }, channelId: 'C1' },
        {
          s1_crm_dedicated: { rating: 3, evidence: '480 cases in the last 90 days' },
          s1_dedicated_team: { rating: 1, evidence: 'x' },
        },
        null,
      );
      expect(v.callback_id).toBe(MATURITY_CALLBACK);
      expect(v.title.text.length).toBeLessThanOrEqual(24);
      expect(v.blocks.length).toBeLessThanOrEqual(100);
      expect(v.private_metadata.length).toBeLessThanOrEqual(3000);
      const inputs = v.blocks.filter((b) => b.type === 'input') as {
        block_id: string;
        hint?: { text: string };
        element: { initial_option?: { value: string } };
      }[];
      expect(inputs.map((b) => b.block_id)).toEqual(
        MATURITY_STATEMENTS.filter((s) => s.stage === step).map((s) => s.id),
      );
      if (step === 1) {
        const team = inputs.find((b) => b.block_id === 's1_dedicated_team');
        expect(team?.element.initial_option?.value).toBe('2'); // the answer beats the pre-fill
        expect(team?.hint).toBeUndefined();
        const crm = inputs.find((b) => b.block_id === 's1_crm_dedicated');
        expect(crm?.element.initial_option?.value).toBe('3');
        expect(crm?.hint?.text).toBe('📊 480 cases in the last 90 days');
      }
    }
    expect(() => maturityStepView({ step: 7, answers: {}, channelId: null }, {}, null)).toThrow();
  });

  it('keeps only valid ratings of known statements from a submission', () => {
    expect(
      ratingsFromState({
        s1_dedicated_team: { rating: { selected_option: { value: '3' } } },
        s1_crm_dedicated: { rating: { selected_option: null } },
        s2_clear_goals: { rating: { selected_option: { value: '7' } } },
        bogus: { rating: { selected_option: { value: '2' } } },
      }),
    ).toEqual({ s1_dedicated_team: 3 });
  });

  it('shows the result within the limits', () => {
    const all3 = Object.fromEntries(MATURITY_STATEMENTS.map((s) => [s.id, 3]));
    const v = maturityResultView(assessMaturity(all3));
    expect(v.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(v.blocks)).toContain('stage 6: Predictive');
    expect(blockProblems(maturityResultView(assessMaturity({})).blocks)).toEqual([]);
  });
});
