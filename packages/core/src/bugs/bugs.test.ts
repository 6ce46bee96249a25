import { describe, expect, it } from 'vitest';
import { bugFixDeflection, totalDeflection } from './bug-fix-deflection.js';
import { bugImpact, type LinkedCase, rankBugs } from './bug-impact.js';
import { JiraKeySchema, jiraKeysIn, jiraKeysOfCase } from './jira-keys.js';

const NOW = new Date('2026-11-23T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const linked = (d: number, over: Partial<LinkedCase> = {}): LinkedCase => ({
  caseId: `c${d}`,
  createdAt: daysAgo(d),
  open: false,
  organizationId: null,
  recurringRevenue: null,
  ...over,
});

describe('bugImpact (hand-computed)', () => {
  // Six cases: 1, 3, 9, 10, 20 and 60 days ago. Orgs A (120k) twice, B (30k), C (unknown revenue).
  const cases = [
    linked(1, { open: true, organizationId: 'A', recurringRevenue: 120_000 }),
    linked(3, { open: true, organizationId: 'A', recurringRevenue: 120_000 }),
    linked(9, { organizationId: 'B', recurringRevenue: 30_000 }),
    linked(10, { organizationId: 'C' }),
    linked(20),
    linked(60),
  ];
  const impact = bugImpact(cases, { now: NOW });

  it('counts cases, open cases, distinct customers and the revenue of those that have it', () => {
    expect(impact).toMatchObject({ cases: 6, openCases: 2, customers: 3, revenueAtRisk: 150_000 });
    expect(impact.firstSeen).toBe(daysAgo(60));
    expect(impact.lastSeen).toBe(daysAgo(1));
  });

  it('buckets new cases into the last 8 weeks and forecasts 12 weeks if unfixed', () => {
    // Weeks ending now, newest last: [0–7) days: 1, 3 → 2; [7–14): 9, 10 → 2; [14–21): 20 → 1; 60 days is week 8 (out).
    expect(impact.weekly.map((w) => w.cases)).toEqual([0, 0, 0, 0, 0, 1, 2, 2]);
    // 5 cases in 8 weeks (the first case is 60 days old: ≥ 8 weeks covered) = 0.625/week → 12 weeks: 7.5.
    expect(impact.weeklyRate).toBe(0.63);
    expect(impact.preventable).toEqual({ weeks: 12, cases: 7.5 });
    expect(bugImpact(cases, { now: NOW, fixed: true }).preventable).toBeNull();
  });

  it('takes the rate over the weeks since the first case when it is younger, and says not measured for no revenue', () => {
    // Two cases, the first 10 days ago: 2 weeks covered → 1/week.
    const young = bugImpact([linked(10), linked(2)], { now: NOW });
    expect(young.weeklyRate).toBe(1);
    expect(young.revenueAtRisk).toBeNull();
    expect(bugImpact([], { now: NOW })).toMatchObject({ cases: 0, weeklyRate: 0, firstSeen: null });
  });

  it("counts each customer's revenue once, from its latest case that has one, in any order", () => {
    // Org A: 100k 30 days ago, 120k 5 days ago, unknown 1 day ago → 120k. Org B: only unknown → not counted.
    const a = [
      linked(30, { organizationId: 'A', recurringRevenue: 100_000 }),
      linked(5, { organizationId: 'A', recurringRevenue: 120_000 }),
      linked(1, { organizationId: 'A' }),
      linked(2, { organizationId: 'B' }),
    ];
    for (const order of [a, [...a].reverse(), [a[2], a[0], a[3], a[1]] as LinkedCase[]])
      expect(bugImpact(order, { now: NOW })).toMatchObject({ customers: 2, revenueAtRisk: 120_000 });
  });

  it('ranks by cases, customers or revenue (unknown revenue last)', () => {
    const bugs = [
      { issueKey: 'A-1', impact: { cases: 5, openCases: 1, customers: 1, revenueAtRisk: null } },
      { issueKey: 'B-2', impact: { cases: 3, openCases: 3, customers: 3, revenueAtRisk: 10 } },
      { issueKey: 'C-3', impact: { cases: 3, openCases: 0, customers: 2, revenueAtRisk: 90 } },
    ];
    expect(rankBugs(bugs, 'cases').map((b) => b.issueKey)).toEqual(['A-1', 'B-2', 'C-3']);
    expect(rankBugs(bugs, 'customers').map((b) => b.issueKey)).toEqual(['B-2', 'C-3', 'A-1']);
    expect(rankBugs(bugs, 'revenue').map((b) => b.issueKey)).toEqual(['C-3', 'B-2', 'A-1']);
  });
});

describe('bugFixDeflection (hand-computed)', () => {
  // Released 42 days (6 weeks) ago. Before: 8 cases in the 8 weeks before (one a week) plus an older one.
  const release = daysAgo(42);
  const before = Array.from({ length: 8 }, (_, k) => daysAgo(42 + 3 + 7 * k)).concat([daysAgo(42 + 70)]);

  it('compares the cases after the fix with the forecast from the rate before', () => {
    const after = [daysAgo(40), daysAgo(20)];
    const d = bugFixDeflection([...before, ...after], release, { now: NOW });
    // Baseline 8 cases / 8 weeks = 1/week; 6 whole weeks since: forecast 6; actual 2; prevented 4; 4/6 = 0.67.
    expect(d).toEqual({
      status: 'measured',
      releasedAt: release,
      baselineRate: 1,
      baselineWeeks: 8,
      weeksAfter: 6,
      forecast: 6,
      actual: 2,
      prevented: 4,
      deflection: 0.67,
    });
  });

  it('says too early before 4 whole weeks, unfixed without a release', () => {
    expect(bugFixDeflection(before, daysAgo(20), { now: NOW })).toEqual({
      status: 'too_early',
      releasedAt: daysAgo(20),
      weeksAfter: 2,
      minWeeksAfter: 4,
    });
    expect(bugFixDeflection(before, null, { now: NOW })).toEqual({ status: 'unfixed' });
  });

  it('adds the measured fixes up (too-early ones are counted apart)', () => {
    const a = bugFixDeflection([...before, daysAgo(40), daysAgo(20)], release, { now: NOW });
    const b = bugFixDeflection([daysAgo(50), daysAgo(45), daysAgo(2), daysAgo(0.5)], daysAgo(43), {
      now: NOW,
    });
    // b: first case 50 days ago, released 43 days ago: 1 week covered, 2 cases → 2/week; 6 whole weeks (to 1 day
    // ago) → 12; actual 1 (the case half a day ago is in the 7th week, not counted yet).
    expect(b).toMatchObject({ baselineRate: 2, forecast: 12, actual: 1, prevented: 11 });
    expect(
      totalDeflection([a, b, { status: 'unfixed' }, bugFixDeflection(before, daysAgo(3), { now: NOW })]),
    ).toEqual({
      fixes: 2,
      tooEarly: 1,
      forecast: 18,
      actual: 3,
      prevented: 15,
      deflection: 0.83,
    });
  });
});

describe('JiraKeySchema (the one definition the API, the Jira webhook and the sidebar accept)', () => {
  it.each(['PROJ-1', 'A-123456789', 'AB_2-77', 'X1-9'])('accepts %s', (key) => {
    expect(JiraKeySchema.safeParse(key).success).toBe(true);
  });
  it.each(['PROJ-0', 'PROJ-012', 'proj-1', '1PROJ-1', 'PROJ-', 'PROJ-1234567890', ' PROJ-1', 'PROJ-1 '])(
    'refuses %j',
    (key) => {
      expect(JiraKeySchema.safeParse(key).success).toBe(false);
    },
  );
});

describe('Jira keys on cases', () => {
  it('finds keys in fields and tags, upper-cased, once each, with their source', () => {
    expect(jiraKeysIn('see PROJ-12 and proj-12, also ab-0 and X_Y-7')).toEqual(['PROJ-12', 'X_Y-7']);
    expect(
      jiraKeysOfCase({
        customFields: { 'Jira issue': 'EXP-7, EXP-8', Other: 'NOPE-1' },
        tags: ['jira_exp-9', 'billing', 'jira:EXP-7'],
        jiraLinks: [],
      }),
    ).toEqual([
      { key: 'EXP-7', source: 'zendesk-field' },
      { key: 'EXP-8', source: 'zendesk-field' },
      { key: 'EXP-9', source: 'zendesk-tag' },
    ]);
    expect(
      jiraKeysOfCase({ customFields: { f1: 'A-1' }, tags: [], jiraLinks: [] }, { fields: ['f1'] }),
    ).toEqual([{ key: 'A-1', source: 'zendesk-field' }]);
  });
});
