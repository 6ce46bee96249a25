import { describe, expect, it } from 'vitest';
import { type Case, type CaseInput, CaseSchema } from '../case/case-schema.js';
import { computeMetrics, NO_CASES } from './compute-metrics.js';
import { measuredElsewhere } from './measured-elsewhere.js';

const solved = (id: string, over: Partial<CaseInput>): Case =>
  CaseSchema.parse({
    id,
    createdAt: '2026-10-01T08:00:00Z',
    solvedAt: '2026-10-02T08:00:00Z',
    status: 'solved',
    channel: 'email',
    group: 'Tier1',
    publicAgentReplies: 1,
    reopens: 0,
    groupStations: 1,
    completeness: { score: 90, complete: true },
    ...over,
  });

// Hand-computed fixture: six solved cases and one open one, all created on 2026-10-01.
const CASES: Case[] = [
  solved('1', { resolutionHours: 2, satisfaction: 'good' }), // FCR
  solved('2', { publicAgentReplies: 2, resolutionHours: 10, satisfaction: 'bad', channel: 'web' }),
  solved('3', { reopens: 1, resolutionHours: 30, groupStations: 2, satisfaction: 'good' }), // one reply but reopened
  solved('4', {
    publicAgentReplies: 3,
    groupStations: 3,
    resolutionHours: 50,
    group: 'Tier2',
    completeness: { score: 40, complete: false },
  }),
  solved('5', { publicAgentReplies: 0, resolutionHours: 1, satisfaction: 'offered', channel: 'web' }), // solved without reply
  solved('6', { solvedAt: '2026-10-05T08:00:00Z', resolutionHours: null, group: 'Tier2' }), // FCR; 96 h from the timestamps
  CaseSchema.parse({
    id: '7',
    createdAt: '2026-10-01T12:00:00Z',
    status: 'open',
    completeness: { score: 10, complete: false },
  }),
];

describe('computeMetrics on a hand-computed fixture', () => {
  const { metrics, counts } = computeMetrics(CASES, { from: '2026-10-01', to: '2026-10-31' });

  it('counts cases created and solved in the window', () => {
    expect(counts).toEqual({ read: 7, created: 7, solved: 6 });
  });
  it('first contact resolution = one reply and no reopen ÷ solved with at least one reply', () => {
    expect(metrics.first_contact_resolution).toMatchObject({
      numerator: 2,
      denominator: 5,
      value: 0.4,
      status: 'worse_than_average',
    });
  });
  it('interactions per case = mean public agent replies of solved cases', () => {
    expect(metrics.interactions_per_case).toMatchObject({ numerator: 8, denominator: 6 });
    expect(metrics.interactions_per_case?.value).toBeCloseTo(8 / 6);
  });
  it('escalation rate = solved cases through two or more groups ÷ solved', () => {
    expect(metrics.escalation_rate).toMatchObject({ numerator: 2, denominator: 6 });
  });
  it('reopen rate and CSAT (good ÷ good + bad)', () => {
    expect(metrics.reopen_rate).toMatchObject({ numerator: 1, denominator: 6 });
    expect(metrics.csat).toMatchObject({ numerator: 2, denominator: 3 });
  });
  it('time to resolution: mean, median and p90 in hours, falling back to the timestamps', () => {
    // 2, 10, 30, 50, 1, 96 → mean 189/6 = 31.5; sorted 1 2 10 30 50 96: median (nearest rank) 10, p90 96
    expect(metrics.time_to_resolution).toMatchObject({
      value: 31.5,
      median: 10,
      p90: 96,
      status: 'worse_than_average',
    });
  });
  it('case completeness = created cases complete at creation ÷ created cases', () => {
    expect(metrics.case_completeness).toMatchObject({ numerator: 5, denominator: 7 });
  });
  it('says not_measured, never 0, when the data is missing', () => {
    for (const id of [
      'collaboration_rate',
      'total_effort_to_resolve',
      'knowledge_action',
      'case_record_completion',
      'nps',
      'churn',
    ]) {
      expect(metrics[id]).toMatchObject({ value: null, status: 'not_measured' });
      expect(metrics[id]?.reason).toBeTruthy();
    }
  });
  it('gives the channel distribution', () => {
    expect(metrics.cases_by_channel?.distribution).toEqual({ email: 4 / 6, web: 2 / 6 });
  });
});

describe('computeMetrics windows and breakdowns', () => {
  it('uses created_at for creation metrics and solved_at for resolution metrics, both days inclusive (UTC)', () => {
    const r = computeMetrics(CASES, { from: '2026-10-05', to: '2026-10-05' });
    expect(r.counts).toEqual({ read: 7, created: 0, solved: 1 });
    expect(r.metrics.case_completeness?.status).toBe('not_measured');
    expect(r.metrics.first_contact_resolution).toMatchObject({ numerator: 1, denominator: 1 });
  });
  it('ends the window on the last day: a case solved after --to does not count', () => {
    const r = computeMetrics(CASES, { from: '2026-10-01', to: '2026-10-02' });
    expect(r.counts).toEqual({ read: 7, created: 7, solved: 5 });
    expect(r.window).toEqual({ from: '2026-10-01', to: '2026-10-02' });
  });
  it('leaves out cases whose counters are unknown (null), never counting them as 0', () => {
    const unknown = solved('u', { publicAgentReplies: null, reopens: null, groupStations: null });
    const r = computeMetrics([...CASES, unknown], { from: '2026-10-01', to: '2026-10-31' });
    expect(r.metrics.first_contact_resolution).toMatchObject({ numerator: 2, denominator: 5 });
    expect(r.metrics.interactions_per_case).toMatchObject({ numerator: 8, denominator: 6 });
    expect(r.metrics.reopen_rate).toMatchObject({ numerator: 1, denominator: 6 });
    expect(r.metrics.escalation_rate).toMatchObject({ numerator: 2, denominator: 6 });
    expect(r.counts.solved).toBe(7);
  });
  it('measures the closed record only on cases whose helpdesk can hold it', () => {
    const recorded = solved('r1', {
      customFields: {
        contact_reason: 'login',
        resolution: 'reset',
        new_vs_known: 'known',
        knowledge_action: null,
      },
      issueType: 'bug',
    });
    const noPlace = solved('r2', { customFields: { resolution: 'reset' } });
    const r = computeMetrics([recorded, noPlace]);
    expect(r.metrics.case_record_completion).toMatchObject({ numerator: 0, denominator: 1 });
    expect(r.metrics.knowledge_action).toMatchObject({ numerator: 0, denominator: 1 });
    expect(computeMetrics([noPlace]).metrics.case_record_completion?.status).toBe('not_measured');
  });
  it('reads timestamps with offsets as UTC days', () => {
    const c = solved('x', { createdAt: '2026-10-01T23:30:00-02:00', solvedAt: '2026-10-02T01:30:00Z' });
    expect(computeMetrics([c], { from: '2026-10-02', to: '2026-10-02' }).counts.created).toBe(1);
  });
  it('breaks metrics down by group', () => {
    const r = computeMetrics(CASES, { groupBy: 'group' });
    expect(r.metrics.first_contact_resolution?.breakdown).toEqual({
      Tier1: { value: 1 / 3, numerator: 1, denominator: 3 },
      Tier2: { value: 1 / 2, numerator: 1, denominator: 2 },
    });
    expect(r.window).toEqual({ from: '2026-10-01', to: '2026-10-05' });
  });
  it('takes an iterable once, without holding the cases', () => {
    function* gen() {
      for (let i = 0; i < 1000; i++) yield solved(String(i), { publicAgentReplies: i % 2 === 0 ? 1 : 2 });
    }
    expect(computeMetrics(gen()).metrics.first_contact_resolution?.value).toBe(0.5);
  });
  it('scores completeness on the fly when a case was not scored at creation', () => {
    const c = CaseSchema.parse({
      id: 'a',
      createdAt: '2026-10-01T00:00:00Z',
      subject: 'How do I export?',
      description: 'How do I export a report from the billing dashboard?',
    });
    expect(computeMetrics([c]).metrics.case_completeness).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('proficiency impact (hand-computed)', () => {
  it('is the share of new cases that are how-to or install/config', () => {
    const mk = (id: string, issueType: CaseInput['issueType']) =>
      CaseSchema.parse({ id, createdAt: '2026-10-01T08:00:00Z', issueType, subject: 'x', description: 'y' });
    const r = computeMetrics([
      mk('a', 'how_to'),
      mk('b', 'install_config'),
      mk('c', 'bug'),
      mk('d', 'other'),
    ]);
    expect(r.metrics.proficiency_impact).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });
  });
});

describe('why a metric has no value', () => {
  const one = CaseSchema.parse({
    id: '1',
    createdAt: '2026-10-01T09:00:00Z',
    subject: 'Export fails',
    channel: 'email',
  });

  it('says the window (and filter) holds no case, rather than what a case would need', () => {
    const empty = computeMetrics([one], { from: '2026-11-01', to: '2026-11-30' }).metrics;
    for (const id of ['case_completeness', 'first_contact_resolution', 'issues_by_type'])
      expect(empty[id]?.reason, id).toBe(NO_CASES);
    // With a case in the window, the reason is what is missing from it.
    expect(computeMetrics([one]).metrics.first_contact_resolution?.reason).not.toBe(NO_CASES);
  });

  it('names where a metric measured from more than the cases of a window is shown', () => {
    const m = computeMetrics([one]).metrics;
    expect(m.bug_fix_deflection).toMatchObject({
      status: 'not_measured',
      reason: expect.stringContaining('/api/bugs'),
    });
    expect(m.churn?.reason).toContain('/api/customers');
    expect(m.support_demand_forecast?.reason).toContain('/api/forecast');
    // One its own table calls not measured is not said to be shown there.
    expect(m.prevention_rate?.reason).not.toContain('/api/bugs');
    // One that nothing here measures still says what it needs.
    expect(m.nps?.reason).toMatch(/^not computed from helpdesk cases \(needs /);
    expect(measuredElsewhere('nps')).toBeNull();
  });
});
