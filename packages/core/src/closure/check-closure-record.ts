import type { Case, FieldValue, IssueType } from '../case/case-schema.js';
import { fieldNameSets, normaliseFieldName } from '../case/field-names.js';
import { issueTypeOfValue } from '../completeness/issue-type.js';
import {
  CLOSURE_ITEMS,
  type ClosureItem,
  type ClosurePolicy,
  DEFAULT_CLOSURE_POLICY,
} from './closure-policy-schema.js';

export interface ClosureCheck {
  /** True when every required item of the closed-case record has a value. */
  complete: boolean;
  /** Required items without a value, in policy order. */
  missing: ClosureItem[];
  /** The value found for each item (null when absent). */
  values: Record<ClosureItem, string | null>;
  /**
   * Items the source has no place for (no closure record, no policy field on the case, no matching tag):
   * a helpdesk that cannot record them cannot be measured on them — different from leaving them empty.
   */
  unrecordable: ClosureItem[];
}

type ClosureCase = Pick<Case, 'closure' | 'customFields' | 'tags' | 'issueType' | 'knowledgeLinks'>;

function valueText(value: FieldValue | undefined): string | null {
  if (value === null || value === undefined || value === false) return null;
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return text.trim() === '' ? null : text;
}

/** True when the case carries one of the policy's fields for an item, even empty. */
function hasField(c: ClosureCase, wanted: Set<string> | undefined): boolean {
  if (!wanted) return false;
  for (const key in c.customFields) if (wanted.has(normaliseFieldName(key))) return true;
  return false;
}

function fromFields(c: Pick<Case, 'customFields'>, wanted: Set<string> | undefined): string | null {
  if (!wanted) return null;
  for (const key in c.customFields) {
    const value = c.customFields[key];
    if (wanted.has(normaliseFieldName(key))) {
      const text = valueText(value);
      if (text !== null) return text;
    }
  }
  return null;
}

function fromTags(c: { tags: readonly string[] }, map: Record<string, string> | undefined): string | null {
  if (!map) return null;
  for (const tag of c.tags) {
    const value = map[tag];
    if (value) return value;
  }
  return null;
}

function ownValue(c: ClosureCase, item: ClosureItem): string | null {
  const closure = c.closure;
  switch (item) {
    case 'reason':
      return closure?.reason ?? null;
    case 'issue_type':
      // What an agent recorded goes first (then the fields and tags); the helpdesk's type last (checkClosureRecord).
      return closure?.issueType ?? null;
    case 'solution':
      return closure?.solution ?? null;
    case 'new_vs_known':
      return closure?.newVsKnown ?? null;
    case 'knowledge_action': {
      const action = closure?.knowledgeAction;
      if (action && action !== 'none') return action;
      return c.knowledgeLinks?.[0]?.action ?? null;
    }
  }
}

/**
 * Checks a solved case against the study's minimal closed-case record: reason for contact, issue type,
 * solution, new vs known issue, and a knowledge action (an article linked, updated or created; "none"
 * does not count). Values come from the case's closure record first, then the policy's fields and tags.
 *
 * @example checkClosureRecord(solvedCase).missing // ['solution', 'knowledge_action']
 */
export function checkClosureRecord(
  c: ClosureCase,
  policy: ClosurePolicy = DEFAULT_CLOSURE_POLICY,
): ClosureCheck {
  const values = {} as Record<ClosureItem, string | null>;
  const unrecordable: ClosureItem[] = [];
  const sets = fieldNameSets(policy.fields);
  for (const item of CLOSURE_ITEMS) {
    const wanted = sets[item];
    let value = ownValue(c, item) ?? fromFields(c, wanted) ?? fromTags(c, policy.tags[item]);
    // A recorded issue type is read as one of the study's types when it names one; without any, the helpdesk's.
    if (item === 'issue_type') value = value === null ? c.issueType : (issueTypeOfValue(value) ?? value);
    const recordable =
      value !== null ||
      c.closure !== null ||
      hasField(c, wanted) ||
      (item === 'knowledge_action' && c.knowledgeLinks !== null) ||
      (item === 'issue_type' && c.issueType !== null);
    if (item === 'knowledge_action' && value !== null && /^(none|no|n\/a)$/i.test(value)) value = null;
    values[item] = value;
    if (!recordable && policy.required.includes(item)) unrecordable.push(item);
  }
  const missing = policy.required.filter((item) => values[item] === null);
  return { complete: missing.length === 0, missing, values, unrecordable };
}

/**
 * The issue type an agent recorded: the closure record's, else the field or tag the closed-record policy names for
 * it ("Issue type", "Case type", …), when it names one of the study's types; null when none does.
 */
export function recordedIssueType(
  c: Pick<Case, 'closure' | 'customFields'> & { tags: readonly string[] },
  policy: ClosurePolicy = DEFAULT_CLOSURE_POLICY,
): IssueType | null {
  if (c.closure?.issueType) return c.closure.issueType;
  const value = fromFields(c, fieldNameSets(policy.fields).issue_type) ?? fromTags(c, policy.tags.issue_type);
  return value ? issueTypeOfValue(value) : null;
}

/**
 * The case as the scorer and the metrics take it: its issue type the one an agent recorded (recordedIssueType) when
 * there is one, ahead of the helpdesk's coarse ticket type and of what the text suggests. So the latest score uses
 * that type's rubric, the case counts under it, and the sidebar and the closed record agree.
 *
 * @example scoreCompleteness(withRecordedIssueType(c, policy), rubric)
 */
export function withRecordedIssueType<
  T extends Pick<Case, 'closure' | 'customFields' | 'tags' | 'issueType'>,
>(c: T, policy?: ClosurePolicy): T {
  const recorded = recordedIssueType(c, policy);
  return recorded && recorded !== c.issueType ? { ...c, issueType: recorded } : c;
}
