import { type Case, CaseSchema, getMetricDefinition, type MetricResult } from '@support-metrics/core';
import { describe, expect, it } from 'vitest';
import { agingAlertMessage, dailyPostMessage } from './daily-post-blocks.js';
import { changeText, formatValue, sparkline, statusIcon } from './format.js';
import { helpMessage, kpiMessage } from './metrics-blocks.js';
import { blockProblems, escapeMrkdwn } from './mrkdwn.js';
import { caseCardMessage, revenueTier } from './swarm-blocks.js';

const result = (over: Partial<MetricResult>): MetricResult => ({
  id: 'x',
  name: 'x',
  unit: 'ratio',
  value: 0.5,
  numerator: 1,
  denominator: 2,
  status: 'better_than_average',
  benchmark: 0.47,
  target: 0.8,
  ...over,
});

describe('formatting', () => {
  it('escapes the three control characters of mrkdwn', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> >')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &gt;');
  });

  it("shows the study's status: ✅ target met, ➖ between average and target, 🔻 below average", () => {
    expect(statusIcon(result({ status: 'target_met' }))).toBe('✅');
    expect(statusIcon(result({ status: 'better_than_average' }))).toBe('➖');
    // No target (FCR): at or above the industry average is the best there is.
    expect(statusIcon(result({ status: 'better_than_average', target: null }))).toBe('✅');
    expect(statusIcon(result({ status: 'worse_than_average' }))).toBe('🔻');
    expect(statusIcon(result({ status: 'not_measured', value: null }))).toBe('❔');
  });

  it('formats values and changes in their unit, never 0 for missing data', () => {
    expect(formatValue('ratio', 0.8234)).toBe('82.3%');
    expect(formatValue('hours', 27.64)).toBe('28 h');
    expect(formatValue('hours', 3.25)).toBe('3.3 h');
    expect(formatValue('ratio', null)).toBe('not measured');
    const fcr = getMetricDefinition('first_contact_resolution');
    expect(changeText(fcr, 0.6, 0.55)).toBe('▲ 5.0 pts, better');
    expect(changeText(getMetricDefinition('time_to_resolution'), 30, 20)).toBe('▲ 10 h, worse');
    expect(changeText(fcr, 0.6, null)).toBe('no earlier value');
    expect(sparkline([0, 0.5, null, 1])).toBe('▁▅·█');
    expect(revenueTier(null)).toBe('revenue not known');
    expect(revenueTier(30_000)).toBe('Mid-market (30,000 ARR)');
  });
});

describe('Block Kit limits', () => {
  const long = `${'<b>&'.repeat(5_000)}`;
  const c: Case = CaseSchema.parse({
    id: '1',
    createdAt: '2026-11-01T00:00:00Z',
    subject: long,
    description: long,
    organization: { id: 'o', name: long, recurringRevenue: 5 },
    assignee: { id: 'a', name: long },
  });

  it('keeps a case card with huge customer text within 50 blocks and 3,000 characters, escaped', () => {
    const card = caseCardMessage({
      case: c,
      ageHours: 100,
      completeness: { score: 10, missing: Array(500).fill('Version') },
      bugs: Array(300).fill({ issueKey: 'P-1', status: long, summary: long }),
      ticketUrl: 'https://acme.zendesk.com/agent/tickets/1',
      experts: [],
      atCapacity: 0,
      swarmId: 's',
      startedBy: 'x',
    });
    expect(blockProblems(card.blocks)).toEqual([]);
    expect(JSON.stringify(card.blocks)).not.toMatch(/"type":"mrkdwn","text":"[^"]*<b>/);
  });

  it('keeps the daily post, aging alerts, KPIs and help within the limits', () => {
    const aging = Array.from({ length: 200 }, (_, i) => ({
      caseId: String(i),
      subject: long,
      ageHours: 500,
      thresholdHours: 10,
      cohort: 'bug × high',
      experts: [long],
    }));
    const post = dailyPostMessage({
      day: '2026-11-22',
      metrics: {},
      trend: {},
      counts: { created: 0, solved: 0 },
      incompleteReasons: Array.from({ length: 100 }, () => ({ item: long, cases: 1 })),
      created: 0,
      aging,
      bugs: [],
      jiraBaseUrl: null,
    });
    expect(blockProblems(post.blocks)).toEqual([]);
    expect(blockProblems(agingAlertMessage(aging).blocks)).toEqual([]);
    expect(blockProblems(helpMessage(long).blocks)).toEqual([]);
    const kpis = kpiMessage({
      window: { from: '2026-11-17', to: '2026-11-23', label: 'last 7 days' },
      previous: { from: '2026-11-10', to: '2026-11-16', label: '' },
      filters: { group: long },
      counts: { created: 0, solved: 0 },
      current: {},
      before: {},
      commandText: long,
    });
    expect(blockProblems(kpis.blocks)).toEqual([]);
    expect(JSON.stringify(kpis.blocks)).toContain('not measured');
  });

  it('says in one line of the daily post what incomplete cases cost, or that it is not measured yet', async () => {
    const { completenessOutcomes } = await import('@support-metrics/core');
    const row = (complete: boolean, replies: number) => ({
      complete,
      missing: complete ? [] : ['version'],
      case: {
        publicAgentReplies: replies,
        reopens: 0,
        resolutionHours: 5,
        createdAt: '2026-11-01T00:00:00Z',
        solvedAt: '2026-11-01T05:00:00Z',
      },
    });
    const measured = completenessOutcomes([
      ...Array.from({ length: 8 }, (_, i) => row(true, 1 + (i % 2))),
      ...Array.from({ length: 8 }, (_, i) => row(false, 3 + (i % 2))),
    ]);
    const post = (outcomes: typeof measured) =>
      JSON.stringify(
        dailyPostMessage({
          day: '2026-11-22',
          metrics: {},
          trend: {},
          counts: { created: 0, solved: 0 },
          incompleteReasons: [],
          created: 0,
          outcomes,
          aging: [],
          bugs: [],
          jiraBaseUrl: null,
        }).blocks,
      );
    expect(post(measured)).toContain('Incomplete cases needed 2.0 more replies than complete ones (95% CI');
    expect(post(measured)).toContain('8 vs 8 cases');
    expect(post(completenessOutcomes([row(true, 1)]))).toContain('not measured yet');
  });

  it('finds what breaks the limits', () => {
    expect(blockProblems(Array(51).fill({ type: 'divider' }))).toEqual(['51 blocks (limit 50)']);
    expect(blockProblems([{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }])).toEqual([
      'block 0: text of 3001',
    ]);
  });
});
