import type { Case } from '../case/case-schema.js';
import { firstContactResolved, reopened, resolutionHours } from '../metrics/counters.js';
import { ITEM_IDS, type ItemId } from './rubric-schema.js';

/**
 * The study's central claim, measured on a team's own cases: incomplete cases cost extra interactions. For solved cases
 * whose first message was scored at creation, complete and incomplete ones are compared on interactions per case
 * (public agent replies), first contact resolution, time to resolution and reopen rate, each difference with a 95%
 * confidence interval; and per item missing at creation, the cases that lacked it against those that had it.
 */
export interface ScoredOutcome {
  /** Whether every required item was there at creation, and which were missing. */
  complete: boolean;
  missing: readonly string[];
  case: Pick<Case, 'publicAgentReplies' | 'reopens' | 'resolutionHours' | 'solvedAt' | 'createdAt'>;
}

/** One outcome compared between two groups: `a` (incomplete, or missing the item) against `b` (complete, or having it). */
export interface OutcomeComparison {
  /** Cases of each group where the outcome is known. */
  n: { a: number; b: number };
  a: number | null;
  b: number | null;
  /** a − b, with its 95% confidence interval; null when either group has fewer than MIN_GROUP cases. */
  difference: number | null;
  ci95: [number, number] | null;
}

export type OutcomeId = 'interactions_per_case' | 'fcr' | 'time_to_resolution_hours' | 'reopen_rate';

export interface CompletenessOutcomes {
  /** Solved cases scored at creation, complete and incomplete. */
  cases: { complete: number; incomplete: number };
  /** Incomplete (a) against complete (b). */
  outcomes: Record<OutcomeId, OutcomeComparison>;
  /** Per item missing at creation: cases missing it (a) against scored cases that had it (b), for interactions. */
  byMissingItem: { item: ItemId; missing: number; interactions: OutcomeComparison }[];
  /** How each figure is computed and from which fields. */
  method: string;
}

/** Fewer cases than this in a group, and a comparison is not measured. */
export const MIN_GROUP = 5;
const Z95 = 1.959964;

/** How the completeness outcomes are computed and from which fields (also the metric table of docs/metrics.md). */
export const COMPLETENESS_OUTCOMES_METHOD =
  'Solved cases created in the window whose first message was scored at creation (cases.complete_at_creation, ' +
  'completeness_at_creation.missing). Interactions per case = mean of publicAgentReplies; first contact resolution = ' +
  'share solved with one public reply and no reopen (publicAgentReplies, reopens); time to resolution = mean hours ' +
  '(resolutionHours, else solvedAt − createdAt); reopen rate = share with reopens ≥ 1. Differences are incomplete − ' +
  'complete (per item: missing − had it), with 95% intervals: Welch for means, Newcombe (Wilson) for shares. A group ' +
  `of fewer than ${MIN_GROUP} cases is not measured.`;

/**
 * Two groups' means compared: a − b with Welch's 95% interval; not measured (null) when either has fewer than
 * MIN_GROUP values. Also what the rubric suggestions weigh items by.
 */
export function meanComparison(a: readonly number[], b: readonly number[]): OutcomeComparison {
  const stats = (v: readonly number[]) => {
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const variance = v.length > 1 ? v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1) : 0;
    return { mean, variance };
  };
  const n = { a: a.length, b: b.length };
  const sa = a.length ? stats(a) : null;
  const sb = b.length ? stats(b) : null;
  if (!sa || !sb || a.length < MIN_GROUP || b.length < MIN_GROUP)
    return { n, a: sa?.mean ?? null, b: sb?.mean ?? null, difference: null, ci95: null };
  const d = sa.mean - sb.mean;
  const se = Math.sqrt(sa.variance / a.length + sb.variance / b.length);
  return { n, a: sa.mean, b: sb.mean, difference: d, ci95: [d - Z95 * se, d + Z95 * se] };
}

/** Wilson score interval of a share. */
function wilson(k: number, n: number): [number, number] {
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [centre - half, centre + half];
}

/** Difference of two shares with Newcombe's hybrid score interval (method 10), which behaves at 0% and 100%. */
function shareComparison(a: boolean[], b: boolean[]): OutcomeComparison {
  const n = { a: a.length, b: b.length };
  const ka = a.filter(Boolean).length;
  const kb = b.filter(Boolean).length;
  const pa = a.length ? ka / a.length : null;
  const pb = b.length ? kb / b.length : null;
  if (pa === null || pb === null || a.length < MIN_GROUP || b.length < MIN_GROUP)
    return { n, a: pa, b: pb, difference: null, ci95: null };
  const [la, ua] = wilson(ka, a.length);
  const [lb, ub] = wilson(kb, b.length);
  const d = pa - pb;
  const lower = d - Math.sqrt((pa - la) ** 2 + (ub - pb) ** 2);
  const upper = d + Math.sqrt((ua - pa) ** 2 + (pb - lb) ** 2);
  return { n, a: pa, b: pb, difference: d, ci95: [lower, upper] };
}

function known<T>(values: (T | null)[]): T[] {
  return values.filter((v): v is T => v !== null);
}

/**
 * Compares the outcomes of cases complete and incomplete at creation (see CompletenessOutcomes).
 *
 * @example completenessOutcomes(rows).outcomes.interactions_per_case.difference // 1.4 more replies when incomplete
 */
export function completenessOutcomes(rows: readonly ScoredOutcome[]): CompletenessOutcomes {
  const incomplete = rows.filter((r) => !r.complete);
  const complete = rows.filter((r) => r.complete);
  const replies = (g: readonly ScoredOutcome[]) => known(g.map((r) => r.case.publicAgentReplies));
  const outcomes: Record<OutcomeId, OutcomeComparison> = {
    interactions_per_case: meanComparison(replies(incomplete), replies(complete)),
    fcr: shareComparison(
      known(incomplete.map((r) => firstContactResolved(r.case))),
      known(complete.map((r) => firstContactResolved(r.case))),
    ),
    time_to_resolution_hours: meanComparison(
      known(incomplete.map((r) => resolutionHours(r.case))),
      known(complete.map((r) => resolutionHours(r.case))),
    ),
    reopen_rate: shareComparison(
      known(incomplete.map((r) => reopened(r.case))),
      known(complete.map((r) => reopened(r.case))),
    ),
  };
  const byMissingItem = ITEM_IDS.flatMap((item) => {
    const lacking = rows.filter((r) => r.missing.includes(item));
    if (lacking.length === 0) return [];
    const having = rows.filter((r) => !r.missing.includes(item));
    return [
      { item, missing: lacking.length, interactions: meanComparison(replies(lacking), replies(having)) },
    ];
  }).sort((x, y) => y.missing - x.missing);
  return {
    cases: { complete: complete.length, incomplete: incomplete.length },
    outcomes,
    byMissingItem,
    method: COMPLETENESS_OUTCOMES_METHOD,
  };
}
