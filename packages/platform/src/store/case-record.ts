import {
  type Case,
  type ClosurePolicy,
  type CompletenessResult,
  caseRollup,
  checkClosureRecord,
  compactContribution,
  isSolved,
  type RollupDelta,
  type Rubric,
  rollupDiff,
  scoreCompleteness,
} from '@support-metrics/core';

/** The verdict kept from a case's creation: what the first message held. */
export interface CompletenessAtCreation {
  score: number;
  complete: boolean;
  issueType: string;
  missing: string[];
}

/** Everything the store writes for one version of a case. */
export interface CaseRecord {
  case: Case;
  atCreation: CompletenessAtCreation;
  latest: CompletenessResult;
  /** Bind values of SQL.upsertCase. */
  caseParams: (string | number | null)[];
  /** Rollup rows moving from the previous version to this one. */
  rollups: RollupDelta[];
  /** The closed-record check when solved: bind values of SQL.upsertClosureCheck. */
  closureParams: (string | number)[] | null;
}

/**
 * Prepares the rows of a case version: scores completeness (the verdict at creation is kept from the first
 * version), checks the closed record, and computes the rollup change from `before`. Pure; the D1 store and
 * the demo seed both write what it returns, so the two cannot drift apart.
 */
export function prepareCaseRecord(
  tenantId: string,
  next: Case,
  before: {
    case: Case;
    atCreation: CompletenessAtCreation | null;
    version: number;
    /** What the stored version added to the rollups; recomputed from its case when unknown (older rows). */
    contribution?: RollupDelta[] | null;
  } | null,
  at: string,
  rubric?: Rubric,
  closurePolicy?: ClosurePolicy,
): CaseRecord {
  const latest = scoreCompleteness(next, rubric);
  const atCreation = before?.atCreation ?? {
    score: latest.score,
    complete: latest.complete,
    issueType: latest.issueType,
    missing: latest.missing,
  };
  const after: Case = {
    ...next,
    tenantId,
    completeness: { score: atCreation.score, complete: atCreation.complete },
  };
  const check = isSolved(after) ? checkClosureRecord(after, closurePolicy) : null;
  const contribution = caseRollup(after);
  return {
    case: after,
    atCreation,
    latest,
    caseParams: [
      tenantId,
      after.id,
      JSON.stringify(after),
      after.createdAt,
      after.solvedAt,
      after.status,
      after.channel,
      after.group,
      after.brand,
      JSON.stringify(atCreation),
      atCreation.score,
      atCreation.complete ? 1 : 0,
      JSON.stringify(latest),
      latest.score,
      at,
      (before?.version ?? 0) + 1,
      JSON.stringify(compactContribution(contribution)),
    ],
    // Subtract exactly what the stored version added, then add this version's contribution.
    rollups: rollupDiff(before ? (before.contribution ?? caseRollup(before.case)) : null, contribution),
    closureParams: check
      ? [tenantId, after.id, check.complete ? 1 : 0, JSON.stringify(check.missing), at]
      : null,
  };
}
