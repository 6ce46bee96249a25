import type { IssueType } from '../case/case-schema.js';
import { ISSUE_TYPES } from './model.js';
import { meanComparison } from './outcomes.js';
import { ITEM_IDS, type ItemId, type Rubric } from './rubric-schema.js';

/** A solved case as the calibration reads it: its type and the items absent from its first message, and its replies. */
export interface CalibrationCase {
  issueType: IssueType;
  /** Every item the first message lacked at creation (required or not). */
  absent: readonly string[];
  publicAgentReplies: number | null;
}

export interface RubricSuggestion {
  issueType: IssueType;
  item: ItemId;
  /** The rule today (null: the rubric does not count the item for this type). */
  current: { required: boolean; weight: number } | null;
  suggested: { required: boolean; weight: number };
  /** Replies of cases that lacked the item against those that had it, with the 95% interval of the difference. */
  evidence: {
    absent: { cases: number; meanReplies: number };
    present: { cases: number; meanReplies: number };
    difference: number;
    ci95: [number, number];
  };
  reason: string;
}

/** A missing item that costs at least this many replies (lower end of the 95% interval) should be asked for. */
export const REQUIRE_ABOVE = 0.5;
/** A required item whose absence costs less than this (upper end of the interval) is not worth a question. */
export const OPTIONAL_BELOW = 0.25;

/** The weight an item's cost suggests: one per reply it costs, 1 to 3. */
const weightFor = (difference: number) => Math.max(1, Math.min(3, Math.round(difference)));

/**
 * Which items a team should require, and how much each should weigh, from its own solved cases: per issue type and
 * item, cases whose first message lacked the item against those that had it, on public agent replies. An item whose
 * absence costs at least REQUIRE_ABOVE replies (the lower end of the 95% interval) is suggested as required, weighted by
 * its cost; a required one that costs less than OPTIONAL_BELOW (the upper end) as optional. Each suggestion carries its
 * evidence; nothing is applied here (an admin applies a rubric: PUT /api/rubric or tenant.ts set).
 *
 * @example suggestRubric(cases, rubric).suggestions // [{ issueType: 'bug', item: 'version', suggested: { required: true, weight: 2 }, … }]
 */
export function suggestRubric(
  cases: readonly CalibrationCase[],
  rubric: Rubric,
): { suggestions: RubricSuggestion[]; rubric: Rubric; cases: number } {
  const suggestions: RubricSuggestion[] = [];
  const next = JSON.parse(JSON.stringify(rubric)) as Rubric;
  const withReplies = cases.filter((c) => c.publicAgentReplies !== null);
  for (const issueType of ISSUE_TYPES) {
    const ofType = withReplies.filter((c) => c.issueType === issueType);
    for (const item of ITEM_IDS) {
      const absent = ofType.filter((c) => c.absent.includes(item)).map((c) => c.publicAgentReplies ?? 0);
      const present = ofType.filter((c) => !c.absent.includes(item)).map((c) => c.publicAgentReplies ?? 0);
      const compared = meanComparison(absent, present);
      const { difference, ci95 } = compared;
      if (difference === null || ci95 === null) continue;
      const rule = rubric.issueTypes[issueType]?.[item];
      const current = rule ? { required: rule.required, weight: rule.weight } : null;
      let suggested: RubricSuggestion['suggested'] | null = null;
      let reason = '';
      if (ci95[0] >= REQUIRE_ABOVE && (!current?.required || current.weight !== weightFor(difference))) {
        suggested = { required: true, weight: weightFor(difference) };
        reason = `cases without it needed ${difference.toFixed(1)} more replies (95% CI ${ci95[0].toFixed(1)} to ${ci95[1].toFixed(1)})`;
      } else if (current?.required && ci95[1] < OPTIONAL_BELOW) {
        suggested = { required: false, weight: current.weight };
        reason = `cases without it needed no more replies (difference ${difference.toFixed(1)}, 95% CI ${ci95[0].toFixed(1)} to ${ci95[1].toFixed(1)})`;
      }
      if (!suggested) continue;
      suggestions.push({
        issueType,
        item,
        current,
        suggested,
        evidence: {
          absent: { cases: compared.n.a, meanReplies: compared.a ?? 0 },
          present: { cases: compared.n.b, meanReplies: compared.b ?? 0 },
          difference,
          ci95,
        },
        reason,
      });
      const rules = next.issueTypes[issueType] ?? {};
      rules[item] = { ...(rules[item] ?? {}), ...suggested };
      next.issueTypes[issueType] = rules;
    }
  }
  return { suggestions, rubric: next, cases: withReplies.length };
}
