import type { IssueType } from '../case/case-schema.js';
import { DEFAULT_RUBRIC } from './default-rubric.js';
import { type CompletenessInput, detectItems, type Evidence } from './detect-items.js';
import { inferIssueType } from './issue-type.js';
import { detectLanguage } from './language.js';
import { draftRequest } from './request-draft.js';
import { ITEM_IDS, type ItemId, type Rubric } from './rubric-schema.js';

export interface CompletenessItem {
  id: ItemId;
  label: string;
  present: boolean;
  required: boolean;
  /** The item's weight in the score under this issue type's rubric; 0 when the rubric does not count it. */
  weight: number;
  /** Whether this issue type's rubric counts the item (items it does not count are still detected and shown). */
  counted: boolean;
  /** Why the item counts as present (null when absent). */
  evidence: Evidence | null;
  /** What to ask the customer when it is absent. */
  question: string;
}

export interface CompletenessResult {
  /** Weighted share of the rubric's items that are present, 0–100. */
  score: number;
  /** True when every required item is present: the case is ready to work. */
  complete: boolean;
  issueType: IssueType;
  issueTypeSource: 'field' | 'tag' | 'text';
  /** When the helpdesk's ticket type and the text disagree, one line saying so (the text decides); else null. */
  issueTypeNote: string | null;
  language: string;
  /** Every item: first those the rubric counts (in rubric order), then the others, each with what was found. */
  items: CompletenessItem[];
  /** Required items that are absent, in rubric order. */
  missing: ItemId[];
  /** A ready-to-send reply asking for all missing items at once; null when nothing is missing. */
  requestDraft: string | null;
}

/** The rubric rules for an issue type, after the first override that matches the case's product or form. */
function rulesFor(rubric: Rubric, issueType: IssueType, input: CompletenessInput, text: string) {
  let lower: string | undefined; // lower-cased only when an override names a product (most rubrics have none)
  for (const override of rubric.overrides) {
    const { product, formId } = override.when;
    if (formId !== undefined && formId !== input.formId) continue;
    if (product !== undefined) lower ??= text.toLowerCase();
    if (product !== undefined && !(lower ?? '').includes(product.toLowerCase())) {
      const fieldMatch = Object.values(input.customFields ?? {}).some(
        (v) => typeof v === 'string' && v.toLowerCase() === product.toLowerCase(),
      );
      if (!fieldMatch) continue;
    }
    const rules = override.issueTypes[issueType];
    if (rules) return rules;
  }
  return rubric.issueTypes[issueType] ?? {};
}

/**
 * Scores whether a new case holds what is needed to start diagnosis, per the study's case-completeness
 * practice: infers the issue type, checks each of the rubric's items (structured fields first, then
 * the text, with the snippet that proves it), and drafts one request for everything required that is missing.
 *
 * @example
 * const r = scoreCompleteness({ subject: 'Export crashes', description: 'Since 4.2 on Windows 11 export fails with E42…' });
 * r.score; r.complete; r.missing; r.requestDraft;
 */
export function scoreCompleteness(
  input: CompletenessInput,
  rubric: Rubric = DEFAULT_RUBRIC,
): CompletenessResult {
  const text = `${input.subject ?? ''}\n${input.description ?? ''}`.slice(0, 100_000);
  const { issueType, source, note } = inferIssueType(input);
  const language = detectLanguage(text);
  const texts = rubric.text[language] ?? rubric.text.en ?? Object.values(rubric.text)[0];
  if (!texts) throw new Error('rubric has no texts');

  // Presence is a fact of the text: every item is detected; the issue type's rubric only decides what counts.
  const found = detectItems(input, rubric);
  const rules = rulesFor(rubric, issueType, input, text);
  const items: CompletenessItem[] = [];
  let total = 0;
  let present = 0;
  const counted = Object.keys(rules) as ItemId[];
  for (const id of [...counted, ...ITEM_IDS.filter((i) => !(i in rules))]) {
    const rule = rules[id];
    const evidence = found[id];
    if (rule) {
      total += rule.weight;
      if (evidence) present += rule.weight;
    }
    items.push({
      id,
      label: texts.labels[id],
      present: evidence !== null,
      required: rule?.required ?? false,
      weight: rule?.weight ?? 0,
      counted: rule !== undefined,
      evidence,
      question: (language === 'en' ? rule?.question : undefined) ?? texts.questions[id],
    });
  }
  const missing = items.filter((i) => i.required && !i.present).map((i) => i.id);
  const requestDraft =
    missing.length === 0
      ? null
      : draftRequest(rubric, language, {
          subject: input.subject ?? '',
          name: input.requester?.name ?? null,
          questions: items.filter((i) => i.required && !i.present).map((i) => i.question),
        });
  return {
    score: total === 0 ? 100 : Math.round((100 * present) / total),
    complete: missing.length === 0,
    issueType,
    issueTypeSource: source,
    issueTypeNote: note,
    language,
    items,
    missing,
    requestDraft,
  };
}
