import type { Case, IssueType } from '../case/case-schema.js';
import { inferIssueType } from '../completeness/issue-type.js';
import { caseIssueType, isSolved } from '../metrics/counters.js';

/** One resolved case as the aging thresholds see it. */
export interface ResolvedSample {
  issueType: IssueType | null;
  priority: string | null;
  resolutionHours: number;
}

const HOUR_MS = 3_600_000;

/**
 * Hours from creation to resolution: the helpdesk's `resolutionHours` when set, else solvedAt − createdAt;
 * null when neither is known, or when the timestamps run backwards.
 *
 * @example resolutionHoursOf({ createdAt: '2026-10-01T09:00:00Z', solvedAt: '2026-10-02T15:30:00Z', resolutionHours: null }) // 30.5
 */
export function resolutionHoursOf(
  c: Pick<Case, 'resolutionHours' | 'solvedAt' | 'createdAt'>,
): number | null {
  if (c.resolutionHours !== null) return c.resolutionHours;
  if (c.solvedAt === null) return null;
  const hours = (Date.parse(c.solvedAt) - Date.parse(c.createdAt)) / HOUR_MS;
  return Number.isFinite(hours) && hours >= 0 ? hours : null;
}

/**
 * The sample a solved case adds to the aging thresholds; null when it is not solved (status solved or
 * closed with a solved time) or its resolution time is unknown. The issue type is the field, else inferred
 * from the text, as the metrics count it.
 */
export function resolvedSampleOf(c: Case): ResolvedSample | null {
  if (!isSolved(c)) return null;
  const hours = resolutionHoursOf(c);
  if (hours === null) return null;
  return { issueType: caseIssueType(c), priority: c.priority, resolutionHours: hours };
}

/** The age past which an open case needs a swarm, and the cohort it was measured on. */
export interface CohortThreshold {
  /** The cohort's resolution-time percentile, in hours. */
  hours: number;
  /** Human-readable cohort: "bug × high", "bug × any priority", "any type × high" or "all cases". */
  cohort: string;
  /** Resolved cases in the cohort. */
  samples: number;
}

export interface CohortThresholdOptions {
  /** The percentile of resolution time that counts as too old, in (0, 1]. Default 0.75. */
  percentile?: number;
  /** A cohort with fewer resolved cases falls back to a wider one. Default 5. */
  minSamples?: number;
}

const TYPE_LABELS: Record<IssueType, string> = {
  how_to: 'how-to',
  bug: 'bug',
  install_config: 'install/config',
  other: 'other',
};

const ANY = '*';

/**
 * The value at rank ⌈p·n⌉ (1-based) of the sorted values: the nearest-rank percentile, an observed value,
 * as the metrics compute percentiles. The epsilon keeps e.g. 0.7 × 10 = 7.000000000000001 at rank 7.
 */
function nearestRank(sorted: Float64Array, p: number): number {
  const rank = Math.ceil(p * sorted.length - 1e-9);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/**
 * Resolution-time thresholds per cohort (issue type × priority), built from resolved cases (e.g. those
 * solved in the last 90 days). Build once with `cohortThresholds`, then ask `thresholdFor` per open case.
 */
export class CohortThresholds {
  readonly percentile: number;
  readonly minSamples: number;
  private readonly values = new Map<string, number[]>();
  private readonly sorted = new Map<string, Float64Array>();

  constructor(samples: Iterable<ResolvedSample>, opts: CohortThresholdOptions = {}) {
    this.percentile = opts.percentile ?? 0.75;
    this.minSamples = opts.minSamples ?? 5;
    if (!(this.percentile > 0 && this.percentile <= 1))
      throw new Error(`cohortThresholds: percentile must be in (0, 1], got ${this.percentile}`);
    if (!Number.isInteger(this.minSamples) || this.minSamples < 1)
      throw new Error(`cohortThresholds: minSamples must be a positive integer, got ${this.minSamples}`);
    for (const s of samples) {
      const h = s.resolutionHours;
      if (!Number.isFinite(h) || h < 0) continue;
      // Each sample joins every cohort it can: exact, its type, its priority, all. Unknowns join only the wider ones.
      this.add(`${ANY}|${ANY}`, h);
      if (s.issueType !== null) this.add(`${s.issueType}|${ANY}`, h);
      if (s.priority !== null) this.add(`${ANY}|${s.priority}`, h);
      if (s.issueType !== null && s.priority !== null) this.add(`${s.issueType}|${s.priority}`, h);
    }
  }

  private add(key: string, hours: number): void {
    const list = this.values.get(key);
    if (list) list.push(hours);
    else this.values.set(key, [hours]);
  }

  private at(key: string, cohort: string): CohortThreshold | null {
    const list = this.values.get(key);
    if (!list || list.length < this.minSamples) return null;
    let sorted = this.sorted.get(key);
    if (!sorted) {
      sorted = Float64Array.from(list).sort();
      this.sorted.set(key, sorted);
    }
    return { hours: nearestRank(sorted, this.percentile), cohort, samples: sorted.length };
  }

  /**
   * The threshold for an open case: its cohort issue type × priority when that has at least `minSamples`
   * resolved cases, else issue type × any priority, else any type × priority, else all cases; null when
   * even all cases are fewer than `minSamples`. A null issue type or priority skips the cohorts that need it.
   *
   * @example thresholds.thresholdFor('bug', 'high') // { hours: 30, cohort: 'bug × high', samples: 12 }
   */
  thresholdFor(issueType: IssueType | null, priority: string | null): CohortThreshold | null {
    const type = issueType === null ? null : TYPE_LABELS[issueType];
    return (
      (issueType !== null && priority !== null
        ? this.at(`${issueType}|${priority}`, `${type} × ${priority}`)
        : null) ??
      (issueType !== null ? this.at(`${issueType}|${ANY}`, `${type} × any priority`) : null) ??
      (priority !== null ? this.at(`${ANY}|${priority}`, `any type × ${priority}`) : null) ??
      this.at(`${ANY}|${ANY}`, 'all cases')
    );
  }
}

/**
 * Aging thresholds from resolved cases: the `percentile` (default 0.75, nearest rank) of resolution hours
 * per issue type × priority, falling back to wider cohorts below `minSamples` (default 5) cases.
 *
 * @example
 * const t = cohortThresholds(solved.flatMap((c) => resolvedSampleOf(c) ?? []));
 * t.thresholdFor('bug', 'high')?.hours
 */
export function cohortThresholds(
  samples: Iterable<ResolvedSample>,
  opts?: CohortThresholdOptions,
): CohortThresholds {
  return new CohortThresholds(samples, opts);
}

/** What `findAgingCases` reads of an open case; the subject, when given, infers a missing issue type. */
export type OpenCaseInput = Pick<Case, 'id' | 'issueType' | 'priority' | 'createdAt' | 'status'> & {
  subject?: string;
};

/** An open case older than its cohort's threshold. */
export interface AgingCase {
  caseId: string;
  ageHours: number;
  thresholdHours: number;
  cohort: string;
  /** Resolved cases the threshold was measured on. */
  samples: number;
  /** ageHours ÷ thresholdHours (> 1); Infinity when the threshold is 0 hours. */
  ratio: number;
}

/**
 * The open cases that need a swarm: not solved or closed, and older than their cohort's threshold
 * (strictly). Cases without a threshold are never flagged. Sorted by ratio desc, then age desc, then id.
 * Flagging at most once per case per day is the caller's job.
 *
 * @example findAgingCases(openCases, cohortThresholds(samples), now)[0] // { caseId: '42', ratio: 2.5, cohort: 'bug × high', … }
 */
export function findAgingCases(
  open: Iterable<OpenCaseInput>,
  thresholds: Pick<CohortThresholds, 'thresholdFor'>,
  now: Date,
): AgingCase[] {
  const nowMs = now.getTime();
  const aging: AgingCase[] = [];
  for (const c of open) {
    if (c.status === 'solved' || c.status === 'closed') continue;
    const ageHours = (nowMs - Date.parse(c.createdAt)) / HOUR_MS;
    if (!Number.isFinite(ageHours)) continue;
    const issueType = c.issueType ?? (c.subject ? inferIssueType({ subject: c.subject }).issueType : null);
    const t = thresholds.thresholdFor(issueType, c.priority);
    if (t === null || !(ageHours > t.hours)) continue;
    aging.push({
      caseId: c.id,
      ageHours,
      thresholdHours: t.hours,
      cohort: t.cohort,
      samples: t.samples,
      ratio: t.hours > 0 ? ageHours / t.hours : Number.POSITIVE_INFINITY,
    });
  }
  return aging.sort(
    (a, b) =>
      b.ratio - a.ratio ||
      b.ageHours - a.ageHours ||
      (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0),
  );
}
