import { describe, expect, it } from 'vitest';
import { completenessOutcomes, MIN_GROUP, type ScoredOutcome } from './outcomes.js';

const at = '2026-11-01T09:00:00Z';
function row(
  complete: boolean,
  replies: number | null,
  reopens: number | null,
  hours: number,
  missing: string[] = [],
) {
  return {
    complete,
    missing: complete ? [] : missing,
    case: {
      publicAgentReplies: replies,
      reopens,
      resolutionHours: null,
      createdAt: at,
      solvedAt: new Date(Date.parse(at) + hours * 3_600_000).toISOString(),
    },
  } satisfies ScoredOutcome;
}

describe('completenessOutcomes', () => {
  // 40 complete cases: 1–2 replies, resolved in 10 h; 30 incomplete: 3–4 replies, 30 h, some reopened.
  const rows = [
    ...Array.from({ length: 40 }, (_, i) => row(true, 1 + (i % 2), 0, 10)),
    ...Array.from({ length: 30 }, (_, i) =>
      row(false, 3 + (i % 2), i % 5 === 0 ? 1 : 0, 30, i % 3 === 0 ? ['version', 'steps'] : ['steps']),
    ),
  ];
  const o = completenessOutcomes(rows);

  it('compares incomplete against complete cases with a 95% interval around the difference', () => {
    expect(o.cases).toEqual({ complete: 40, incomplete: 30 });
    const i = o.outcomes.interactions_per_case;
    expect(i.a).toBeCloseTo(3.5);
    expect(i.b).toBeCloseTo(1.5);
    expect(i.difference).toBeCloseTo(2);
    expect(i.ci95?.[0]).toBeLessThan(2);
    expect(i.ci95?.[1]).toBeGreaterThan(2);
    expect(o.outcomes.time_to_resolution_hours.difference).toBeCloseTo(20);
    // FCR: one reply and no reopen. Complete: 20 of 40; incomplete: none.
    expect(o.outcomes.fcr).toMatchObject({ a: 0, b: 0.5 });
    expect(o.outcomes.fcr.ci95?.[1]).toBeLessThan(0);
    expect(o.outcomes.reopen_rate.a).toBeCloseTo(6 / 30);
    expect(o.method).toContain('publicAgentReplies');
  });

  it('names what each missing item cost, against the cases that had it', () => {
    expect(o.byMissingItem.map((m) => m.item)).toEqual(['steps', 'version']);
    const version = o.byMissingItem.find((m) => m.item === 'version');
    expect(version?.missing).toBe(10);
    expect(version?.interactions.difference).toBeGreaterThan(0);
  });

  it('says not measured, never 0, when a group is too small or the data is not recorded', () => {
    const few = completenessOutcomes(rows.slice(0, 40 + MIN_GROUP - 1));
    expect(few.outcomes.interactions_per_case).toMatchObject({ difference: null, ci95: null });
    const unrecorded = completenessOutcomes(
      rows.map((r) => ({ ...r, case: { ...r.case, publicAgentReplies: null } })),
    );
    expect(unrecorded.outcomes.interactions_per_case.n).toEqual({ a: 0, b: 0 });
    expect(unrecorded.outcomes.fcr.difference).toBeNull();
    expect(unrecorded.outcomes.time_to_resolution_hours.difference).toBeCloseTo(20);
  });
});
