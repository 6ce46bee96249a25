import {
  type Case,
  type ClosurePolicy,
  type CompletenessResult,
  caseRollup,
  compactContribution,
  type RollupDelta,
  type Rubric,
  rollupDiff,
  scoreCompleteness,
  withRecordedIssueType,
} from '@support-metrics/core';

/**
 * A completeness verdict as the store keeps it: the score, whether complete, the issue type and the ids of the
 * missing items. Kept at creation (what the first message held) and as the latest. The full result (every item with
 * its label, evidence and question, the drafted request) is not stored: it is the case scored again with the
 * tenant's rubric (scoreCompleteness), and it was two thirds of the bytes each case write sent to D1.
 */
export interface CompletenessVerdict {
  score: number;
  complete: boolean;
  issueType: string;
  missing: string[];
  /** Every item the text lacked, required or not (for the rubric's calibration); absent from rows stored before. */
  absent?: string[];
}

/** The verdict of a full result (or of a stored verdict). */
export function verdictOf(r: CompletenessVerdict | CompletenessResult): CompletenessVerdict {
  const absent = 'items' in r ? r.items.filter((i) => !i.present).map((i) => i.id) : r.absent;
  return {
    score: r.score,
    complete: r.complete,
    issueType: r.issueType,
    missing: r.missing,
    ...(absent ? { absent } : {}),
  };
}

/** Everything the store writes for one version of a case. */
export interface CaseRecord {
  case: Case;
  atCreation: CompletenessVerdict;
  /** The full result of this version (the store keeps its verdict). */
  latest: CompletenessResult;
  /** Bind values of SQL.upsertCase. */
  caseParams: (string | number | null)[];
  /** Rollup rows moving from the previous version to this one. */
  rollups: RollupDelta[];
}

/**
 * Prepares the rows of a case version: scores completeness (the verdict at creation is kept from the first
 * version) and computes the rollup change from `before` (the closed-record check is part of the rollups). Pure; the D1 store and
 * the demo seed both write what it returns, so the two cannot drift apart.
 */
export function prepareCaseRecord(
  tenantId: string,
  next: Case,
  before: {
    case: Case;
    atCreation: CompletenessVerdict | null;
    version: number;
    /** What the stored version added to the rollups; recomputed from its case when unknown (older rows). */
    contribution?: RollupDelta[] | null;
  } | null,
  at: string,
  rubric?: Rubric,
  closurePolicy?: ClosurePolicy,
): CaseRecord {
  // The issue type an agent recorded (withRecordedIssueType, with the tenant's policy) picks the latest score's
  // rubric, the closed record's issue type and the one the case counts under, so they agree with the sidebar. The case
  // keeps the helpdesk's own type: a recording removed later is gone from all of them at the next save.
  const latest = scoreCompleteness(withRecordedIssueType(next, closurePolicy), rubric);
  const atCreation = before?.atCreation ?? verdictOf(latest);
  const after: Case = {
    ...next,
    tenantId,
    completeness: { score: atCreation.score, complete: atCreation.complete },
  };
  // The tenant's policies, as the closure check and the score use them.
  const policies = { rubric, closurePolicy };
  const contribution = caseRollup(after, policies);
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
      JSON.stringify(verdictOf(latest)),
      latest.score,
      at,
      (before?.version ?? 0) + 1,
      JSON.stringify(compactContribution(contribution)),
    ],
    // Subtract exactly what the stored version added, then add this version's contribution.
    rollups: rollupDiff(
      before ? (before.contribution ?? caseRollup(before.case, policies)) : null,
      contribution,
    ),
  };
}
