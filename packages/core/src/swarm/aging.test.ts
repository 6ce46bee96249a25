import { describe, expect, it } from 'vitest';
import { CaseSchema, type IssueType } from '../case/case-schema.js';
import {
  cohortThresholds,
  findAgingCases,
  type OpenCaseInput,
  type ResolvedSample,
  resolutionHoursOf,
  resolvedSampleOf,
} from './aging.js';

const NOW = new Date('2026-10-31T12:00:00Z');
const hoursAgo = (h: number): string => new Date(NOW.getTime() - h * 3_600_000).toISOString();

const samples = (issueType: IssueType | null, priority: string | null, hours: number[]): ResolvedSample[] =>
  hours.map((resolutionHours) => ({ issueType, priority, resolutionHours }));

// Hand-computed fixture, 12 samples. Nearest rank: the p75 of n values is the ⌈0.75·n⌉-th smallest.
const SAMPLES: ResolvedSample[] = [
  ...samples('bug', 'high', [10, 2, 8, 4, 6]), // 5: enough on its own
  ...samples('bug', 'low', [40, 20]), // 2: falls back
  ...samples('how_to', 'urgent', [1]), // 1
  ...samples('other', 'urgent', [9, 3, 7, 5]), // 4
];

describe('resolutionHoursOf', () => {
  it("takes the helpdesk's figure, else solvedAt − createdAt, else null", () => {
    const createdAt = '2026-10-01T09:00:00Z';
    expect(resolutionHoursOf({ createdAt, solvedAt: null, resolutionHours: 12 })).toBe(12);
    // 1 day + 6.5 h = 30.5 h
    expect(resolutionHoursOf({ createdAt, solvedAt: '2026-10-02T15:30:00Z', resolutionHours: null })).toBe(
      30.5,
    );
    expect(resolutionHoursOf({ createdAt, solvedAt: null, resolutionHours: null })).toBeNull();
    expect(
      resolutionHoursOf({ createdAt, solvedAt: '2026-09-30T09:00:00Z', resolutionHours: null }),
    ).toBeNull();
  });
});

describe('resolvedSampleOf', () => {
  it('samples solved cases only, inferring a missing issue type', () => {
    const base = { id: '1', createdAt: '2026-10-01T09:00:00Z', solvedAt: '2026-10-01T21:00:00Z' };
    const c = CaseSchema.parse({ ...base, status: 'solved', priority: 'high', subject: 'Export crashes' });
    expect(resolvedSampleOf(c)).toEqual({ issueType: 'bug', priority: 'high', resolutionHours: 12 });
    expect(resolvedSampleOf(CaseSchema.parse({ ...base, status: 'open' }))).toBeNull();
  });
});

describe('cohortThresholds', () => {
  const t = cohortThresholds(SAMPLES);

  it('is the nearest-rank 75th percentile of the exact cohort when it has enough cases', () => {
    // bug × high sorted [2, 4, 6, 8, 10]: rank ⌈0.75 × 5⌉ = ⌈3.75⌉ = 4 → 8
    expect(t.thresholdFor('bug', 'high')).toEqual({ hours: 8, cohort: 'bug × high', samples: 5 });
  });

  it('falls back to type × any priority, then any type × priority, then all cases', () => {
    // bug × low has 2 < 5. bug: [2, 4, 6, 8, 10, 20, 40], rank ⌈0.75 × 7⌉ = ⌈5.25⌉ = 6 → 20
    expect(t.thresholdFor('bug', 'low')).toEqual({ hours: 20, cohort: 'bug × any priority', samples: 7 });
    // how-to × urgent has 1, how-to has 1. urgent: [1, 3, 5, 7, 9], rank ⌈3.75⌉ = 4 → 7
    expect(t.thresholdFor('how_to', 'urgent')).toEqual({ hours: 7, cohort: 'any type × urgent', samples: 5 });
    // other × urgent and other have 4 each → urgent, as above
    expect(t.thresholdFor('other', 'urgent')?.cohort).toBe('any type × urgent');
    // nothing for install/config nor normal. all: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 40], rank ⌈0.75 × 12⌉ = 9 → 9
    expect(t.thresholdFor('install_config', 'normal')).toEqual({
      hours: 9,
      cohort: 'all cases',
      samples: 12,
    });
  });

  it('skips the cohorts an unknown issue type or priority cannot be in', () => {
    // high: only the bug × high cases → 8
    expect(t.thresholdFor(null, 'high')).toEqual({ hours: 8, cohort: 'any type × high', samples: 5 });
    expect(t.thresholdFor('bug', null)?.cohort).toBe('bug × any priority');
    expect(t.thresholdFor(null, null)?.cohort).toBe('all cases');
  });

  it('labels issue types for people', () => {
    const howTo = cohortThresholds(samples('how_to', 'high', [1, 2, 3, 4, 5]));
    expect(howTo.thresholdFor('how_to', 'high')?.cohort).toBe('how-to × high');
    expect(howTo.thresholdFor('how_to', 'low')?.cohort).toBe('how-to × any priority');
  });

  it('has no threshold when even all cases are fewer than minSamples', () => {
    const few = cohortThresholds(samples('bug', 'high', [1, 2, 3, 4]));
    expect(few.thresholdFor('bug', 'high')).toBeNull();
    expect(few.thresholdFor(null, null)).toBeNull();
    expect(cohortThresholds([]).thresholdFor('bug', 'high')).toBeNull();
  });

  it('counts samples of unknown type or priority in the wider cohorts only', () => {
    const mixed = cohortThresholds([
      ...samples(null, null, [100, 100, 100]),
      ...samples('bug', null, [1]),
      ...samples(null, 'high', [2]),
    ]);
    // all: [1, 2, 100, 100, 100], rank 4 → 100; bug × any and any × high have 1 each
    expect(mixed.thresholdFor('bug', 'high')).toEqual({ hours: 100, cohort: 'all cases', samples: 5 });
  });

  it('takes another percentile and minSamples', () => {
    const t2 = cohortThresholds(SAMPLES, { percentile: 0.5, minSamples: 2 });
    // bug × low [20, 40]: rank ⌈0.5 × 2⌉ = 1 → 20
    expect(t2.thresholdFor('bug', 'low')).toEqual({ hours: 20, cohort: 'bug × low', samples: 2 });
    // 0.7 × 10 is 7.000000000000001 in floating point; the rank is still 7
    const tenths = cohortThresholds(samples('bug', 'high', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), {
      percentile: 0.7,
    });
    expect(tenths.thresholdFor('bug', 'high')?.hours).toBe(7);
    const max = cohortThresholds(samples('bug', 'high', [5, 1, 3, 2, 4]), { percentile: 1 });
    expect(max.thresholdFor('bug', 'high')?.hours).toBe(5);
  });

  it('ignores impossible resolution times and rejects a bad configuration', () => {
    const t3 = cohortThresholds([
      ...samples('bug', 'high', [1, 2, 3, 4, 5]),
      ...samples('bug', 'high', [-1, NaN]),
    ]);
    expect(t3.thresholdFor('bug', 'high')?.samples).toBe(5);
    expect(() => cohortThresholds([], { percentile: 0 })).toThrow(/percentile/);
    expect(() => cohortThresholds([], { minSamples: 0 })).toThrow(/minSamples/);
  });
});

describe('findAgingCases', () => {
  const t = cohortThresholds(SAMPLES);
  const open = (
    id: string,
    issueType: IssueType | null,
    priority: OpenCaseInput['priority'],
    ageHours: number,
    over: Partial<OpenCaseInput> = {},
  ): OpenCaseInput => ({ id, issueType, priority, createdAt: hoursAgo(ageHours), status: 'open', ...over });

  it('flags open cases older than their cohort threshold, most overdue first', () => {
    const aging = findAgingCases(
      [
        open('c1', 'bug', 'high', 10), // 10 > 8: ratio 1.25
        open('c2', 'bug', 'high', 6), // 6 ≤ 8
        open('c6', 'bug', 'high', 8), // exactly at the threshold: not older
        open('c4', 'install_config', 'normal', 18), // all cases 9: ratio 2
        open('c5', 'bug', 'low', 30, { status: 'pending' }), // bug × any 20: ratio 1.5
        open('c7', null, 'high', 16, { subject: 'Export crashes with an error' }), // inferred bug: 16 / 8 = 2
      ],
      t,
      NOW,
    );
    // c4 and c7 tie on ratio 2; the older one (18 h) comes first
    expect(aging.map((a) => [a.caseId, a.ratio])).toEqual([
      ['c4', 2],
      ['c7', 2],
      ['c5', 1.5],
      ['c1', 1.25],
    ]);
    expect(aging[0]).toEqual({
      caseId: 'c4',
      ageHours: 18,
      thresholdHours: 9,
      cohort: 'all cases',
      samples: 12,
      ratio: 2,
    });
    expect(aging[1]?.cohort).toBe('bug × high');
  });

  it('never flags solved or closed cases, however old', () => {
    const aging = findAgingCases(
      [
        open('s1', 'bug', 'high', 1000, { status: 'solved' }),
        open('s2', 'bug', 'high', 1000, { status: 'closed' }),
      ],
      t,
      NOW,
    );
    expect(aging).toEqual([]);
  });

  it('flags nothing without a threshold', () => {
    const none = cohortThresholds(samples('bug', 'high', [1, 2]));
    expect(findAgingCases([open('c1', 'bug', 'high', 1000)], none, NOW)).toEqual([]);
  });
});
