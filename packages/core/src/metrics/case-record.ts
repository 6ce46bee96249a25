import type { Case } from '../case/case-schema.js';
import type { CompletenessResult } from '../completeness/score.js';
import { type ScoringPolicies, scoreCase } from '../completeness/score-case.js';
import {
  caseRollup,
  compactContribution,
  type RollupDelta,
  rollupDiff,
  type StoredContribution,
} from './rollup.js';

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
  /** The version this write makes (the stored one + 1; 1 for a new case). */
  version: number;
  /** What this version adds to the rollups, in the compact form kept with the case. */
  contribution: StoredContribution[];
  /** Rollup rows moving from the previous version to this one. */
  rollups: RollupDelta[];
}

/**
 * Prepares the rows of a case version: scores completeness (the verdict at creation is kept from the first
 * version) and computes the rollup change from `before` (the closed-record check is part of the rollups). Pure; the
 * platform's case store and the demo seed both write what it returns, so the two cannot drift apart.
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
  policies: ScoringPolicies = {},
): CaseRecord {
  // The issue type an agent recorded (withRecordedIssueType, with the tenant's policy) picks the latest score's
  // rubric, the closed record's issue type and the one the case counts under, so they agree with the sidebar. The case
  // keeps the helpdesk's own type: a recording removed later is gone from all of them at the next save.
  const latest = scoreCase(next, policies);
  const atCreation = before?.atCreation ?? verdictOf(latest);
  const after: Case = {
    ...next,
    tenantId,
    completeness: { score: atCreation.score, complete: atCreation.complete },
  };
  const contribution = caseRollup(after, policies);
  return {
    case: after,
    atCreation,
    latest,
    version: (before?.version ?? 0) + 1,
    contribution: compactContribution(contribution),
    // Subtract exactly what the stored version added, then add this version's contribution.
    rollups: rollupDiff(
      before ? (before.contribution ?? caseRollup(before.case, policies)) : null,
      contribution,
    ),
  };
}
