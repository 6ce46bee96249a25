import { describe, expect, it } from 'vitest';
import { type CaseInput, CaseSchema } from '../case/case-schema.js';
import {
  productOf,
  type SimilarityProfile,
  type SolvedCaseSummary,
  similarity,
  suggestExperts,
  summariseSolved,
} from './experts.js';

const NOW = new Date('2026-10-31T12:00:00Z');
const daysAgo = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

const kase = (over: Partial<CaseInput> = {}) => CaseSchema.parse({ id: 'T', createdAt: daysAgo(1), ...over });

let seq = 0;
/** A solved case of agent `id`, `days` ago; by default the same issue type and product as TARGET, no tags. */
const solved = (id: string, days: number, over: Partial<SolvedCaseSummary> = {}): SolvedCaseSummary => ({
  caseId: `s${++seq}`,
  assignee: { id, name: `Agent ${id}`, email: `${id}@example.com` },
  solvedAt: daysAgo(days),
  issueType: 'bug',
  product: 'Exporter',
  tags: [],
  ...over,
});

describe('productOf', () => {
  it('takes the product field, else the brand, else null', () => {
    expect(productOf(kase({ customFields: { product: ' Exporter ' }, brand: 'Acme' }))).toBe('Exporter');
    expect(productOf(kase({ customFields: { product: '  ' }, brand: 'Acme' }))).toBe('Acme');
    expect(productOf(kase({ customFields: { product: 42 }, brand: 'Acme' }))).toBe('Acme');
    expect(productOf(kase({ brand: '' }))).toBeNull();
    expect(productOf(kase())).toBeNull();
  });
});

describe('summariseSolved', () => {
  const assignee = { id: 'a1', name: 'Ana', email: 'ana@example.com' };

  it('keeps who solved the case, when, and what it was about', () => {
    const c = kase({
      status: 'solved',
      solvedAt: daysAgo(0),
      assignee,
      issueType: 'bug',
      customFields: { product: 'Exporter' },
      tags: ['csv'],
    });
    expect(summariseSolved(c)).toEqual({
      caseId: 'T',
      assignee,
      solvedAt: daysAgo(0),
      issueType: 'bug',
      product: 'Exporter',
      tags: ['csv'],
    });
  });

  it('infers a missing issue type from the text', () => {
    const c = kase({
      status: 'closed',
      solvedAt: daysAgo(0),
      assignee,
      subject: 'How do I export a report?',
    });
    expect(summariseSolved(c)?.issueType).toBe('how_to');
  });

  it('is null without an assignee, or when the case is not solved', () => {
    expect(summariseSolved(kase({ status: 'solved', solvedAt: daysAgo(0) }))).toBeNull();
    expect(summariseSolved(kase({ status: 'open', solvedAt: daysAgo(2), assignee }))).toBeNull(); // reopened
    expect(summariseSolved(kase({ status: 'solved', assignee }))).toBeNull(); // no solved time
  });
});

describe('similarity', () => {
  const p = (over: Partial<SimilarityProfile>): SimilarityProfile => ({
    issueType: null,
    product: null,
    tags: [],
    ...over,
  });

  it('0.4 × same type + 0.4 × same product + 0.2 × tag Jaccard', () => {
    const a = p({ issueType: 'bug', product: 'Exporter', tags: ['export', 'csv'] });
    expect(similarity(a, a)).toBeCloseTo(1, 12);
    // 0.4 + 0.4 + 0.2 × 0 (no shared tag)
    expect(similarity(a, p({ issueType: 'bug', product: 'exporter ' }))).toBeCloseTo(0.8, 12);
    // 0.4 + 0.2 × |{csv}| / |{export, csv, pdf}| = 0.4 + 0.2/3 ≈ 0.4667: below 0.5, not similar
    expect(similarity(a, p({ issueType: 'bug', tags: ['CSV', 'pdf'] }))).toBeCloseTo(0.4 + 0.2 / 3, 12);
    // 0.4 + 0.2 × |{export, csv}| / |{export, csv}| = 0.6: similar
    expect(similarity(a, p({ product: 'Exporter', tags: ['csv', 'export'] }))).toBeCloseTo(0.6, 12);
  });

  it('one shared tag alone is far from similar; unknowns never match', () => {
    expect(similarity(p({ tags: ['vpn'] }), p({ tags: ['vpn'] }))).toBeCloseTo(0.2, 12);
    expect(similarity(p({}), p({}))).toBe(0);
  });
});

describe('suggestExperts', () => {
  // Target: a bug on Exporter, tagged export + csv, owned by a0.
  const target = kase({
    status: 'open',
    issueType: 'bug',
    brand: 'Exporter',
    tags: ['export', 'csv'],
    assignee: { id: 'a0', name: 'Owner' },
  });
  const HISTORY: SolvedCaseSummary[] = [
    solved('a3', 85),
    solved('a1', 30),
    solved('a0', 1, { tags: ['export', 'csv'] }), // the assignee: never suggested
    solved('a3', 85),
    solved('a2', 0, { tags: ['export', 'csv'] }),
    solved('a4', 91, { tags: ['export', 'csv'] }), // outside the 90-day window
    solved('a4', 95, { tags: ['export', 'csv'] }),
    solved('a1', 60),
    solved('a5', 0, { issueType: 'how_to', product: 'Other', tags: ['export'] }), // 0.2 × 1/2 = 0.1
    solved('a5', 0, { product: 'Other' }), // same type only: 0.4
    solved('a3', 85),
    solved('a1', 0),
    solved('a3', 85),
    solved('a3', 85),
  ];

  it('ranks by recency-weighted similarity: a recent expert beats an old one with more cases', () => {
    const { experts, atCapacity } = suggestExperts(target, HISTORY, { now: NOW });
    // a1: 0.8 × (0.5^(0/30) + 0.5^(30/30) + 0.5^(60/30)) = 0.8 × 1.75 = 1.4
    // a2: 1.0 × 0.5^0 = 1.0
    // a3: 5 × 0.8 × 0.5^(85/30) = 4 × 0.1403078 = 0.5612310 (five cases, but old)
    expect(experts.map((e) => e.agent.id)).toEqual(['a1', 'a2', 'a3']);
    expect(experts[0]?.score).toBeCloseTo(1.4, 9);
    expect(experts[1]?.score).toBeCloseTo(1.0, 9);
    expect(experts[2]?.score).toBeCloseTo(0.561231, 6);
    expect(experts.map((e) => e.reason)).toEqual([
      'solved 3 similar cases in 90 days',
      'solved 1 similar case in 90 days',
      'solved 5 similar cases in 90 days',
    ]);
    expect(experts[0]).toMatchObject({
      agent: { id: 'a1', name: 'Agent a1', email: 'a1@example.com' },
      similarSolved: 3,
      lastSolvedAt: daysAgo(0),
      openCases: null,
    });
    expect(atCapacity).toEqual([]);
  });

  it('leaves out agents at capacity and says how loaded the others are', () => {
    const openLoad = new Map([
      ['a1', 8], // 8 ≥ capacity 8: out
      ['a2', 3],
    ]); // a3 absent: 0 open
    const { experts, atCapacity } = suggestExperts(target, HISTORY, { now: NOW, openLoad });
    expect(experts.map((e) => [e.agent.id, e.openCases, e.reason])).toEqual([
      ['a2', 3, 'solved 1 similar case in 90 days; 3 open now'],
      ['a3', 0, 'solved 5 similar cases in 90 days; 0 open now'],
    ]);
    expect(atCapacity).toEqual([
      { agent: { id: 'a1', name: 'Agent a1', email: 'a1@example.com' }, openCases: 8, similarSolved: 3 },
    ]);

    const roomier = suggestExperts(target, HISTORY, { now: NOW, openLoad, capacity: 9 });
    expect(roomier.experts[0]?.reason).toBe('solved 3 similar cases in 90 days; 8 open now');
    expect(roomier.atCapacity).toEqual([]);
  });

  it('excludes the assignee always, and whoever is already in the swarm', () => {
    const { experts } = suggestExperts(target, HISTORY, { now: NOW, exclude: ['a2'] });
    expect(experts.map((e) => e.agent.id)).toEqual(['a1', 'a3']);
    const unassigned = kase({ ...target, assignee: null });
    // a0: 1.0 × 0.5^(1/30) ≈ 0.9772, between a2 (1.0) and a3
    expect(
      suggestExperts(unassigned, HISTORY, { now: NOW, limit: 4 }).experts.map((e) => e.agent.id),
    ).toEqual(['a1', 'a2', 'a0', 'a3']);
  });

  it('counts only the window, halves per half-life, and reads "1 day" in the singular', () => {
    const { experts } = suggestExperts(target, HISTORY, { now: NOW, windowDays: 30, halfLifeDays: 10 });
    // a2: 1.0; a1: 0.8 × (1 + 0.5^(30/10)) = 0.8 × 1.125 = 0.9 (the 60-day case is out); a3: all out
    expect(experts.map((e) => [e.agent.id, e.reason])).toEqual([
      ['a2', 'solved 1 similar case in 30 days'],
      ['a1', 'solved 2 similar cases in 30 days'],
    ]);
    expect(experts[1]?.score).toBeCloseTo(0.9, 12);
    const lastDay = suggestExperts(target, HISTORY, { now: NOW, windowDays: 1 });
    expect(lastDay.experts.map((e) => e.reason)).toEqual([
      'solved 1 similar case in 1 day',
      'solved 1 similar case in 1 day',
    ]);
  });

  it('respects the limit and breaks ties by cases solved, then agent id', () => {
    const tied = [
      solved('z', 0, { tags: ['export', 'csv'] }), // 1.0
      solved('b', 0, { tags: ['export', 'csv'] }), // 1.0
      solved('c', 30, { tags: ['export', 'csv'] }), // 0.5
      solved('c', 30, { tags: ['export', 'csv'] }), // + 0.5 = 1.0, two cases
    ];
    expect(suggestExperts(target, tied, { now: NOW }).experts.map((e) => e.agent.id)).toEqual([
      'c',
      'b',
      'z',
    ]);
    expect(suggestExperts(target, tied, { now: NOW, limit: 1 }).experts.map((e) => e.agent.id)).toEqual([
      'c',
    ]);
  });

  it('streams any iterable once, counts each case once and never the target itself', () => {
    function* history(): Generator<SolvedCaseSummary> {
      yield solved('a9', 0, { caseId: 'T', tags: ['export', 'csv'] }); // the target, solved before
      yield solved('a8', 0, { caseId: 'dup' });
      yield solved('a8', 0, { caseId: 'dup' });
    }
    const { experts } = suggestExperts(target, history(), { now: NOW });
    expect(experts.map((e) => [e.agent.id, e.similarSolved])).toEqual([['a8', 1]]);
  });

  it('names the agent from the latest case, filling gaps from older ones', () => {
    const history = [
      solved('a1', 60, { assignee: { id: 'a1', name: 'Ana Old', email: 'ana@example.com' } }),
      solved('a1', 2, { assignee: { id: 'a1', name: 'Ana', email: null } }),
      solved('a1', 30, { assignee: { id: 'a1', name: null, email: null } }),
    ];
    const [ana] = suggestExperts(target, history, { now: NOW }).experts;
    expect(ana?.agent).toEqual({ id: 'a1', name: 'Ana', email: 'ana@example.com' });
    expect(ana?.lastSolvedAt).toBe(daysAgo(2));
  });

  it('rejects options that make no sense', () => {
    expect(() => suggestExperts(target, [], { now: NOW, halfLifeDays: 0 })).toThrow(/halfLifeDays/);
    expect(() => suggestExperts(target, [], { now: new Date('nope') })).toThrow(/invalid date/);
  });
});
