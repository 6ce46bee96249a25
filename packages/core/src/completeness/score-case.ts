import type { Case } from '../case/case-schema.js';
import { recordedIssueType } from '../closure/check-closure-record.js';
import type { ClosurePolicy } from '../closure/closure-policy-schema.js';
import type { CompletenessInput } from './detect-items.js';
import type { Rubric } from './rubric-schema.js';
import { type CompletenessResult, scoreCompleteness } from './score.js';

/** A tenant's policies as scoring a case takes them (absent: the defaults). */
export interface ScoringPolicies {
  rubric?: Rubric;
  closurePolicy?: ClosurePolicy;
}

/**
 * A case scored as every surface scores it: under the tenant's rubric, with the issue type an agent recorded (the
 * closed-record policy's field or tag) ahead of the helpdesk's ticket type and the text. The store (at every save),
 * the rollups' counters, the sidebar and the CLI all call this, so they cannot disagree.
 *
 * @example scoreCase(stored.case, await stores.tenants.policies(tenantId)).complete
 */
export function scoreCase(
  c: CompletenessInput & { closure?: Case['closure'] },
  policies: ScoringPolicies = {},
): CompletenessResult {
  const recorded = recordedIssueType(
    { closure: c.closure ?? null, customFields: c.customFields ?? {}, tags: c.tags ?? [] },
    policies.closurePolicy,
  );
  return scoreCompleteness(
    recorded && recorded !== c.issueType ? { ...c, issueType: recorded } : c,
    policies.rubric,
  );
}
