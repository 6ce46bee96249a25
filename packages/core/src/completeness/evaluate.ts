import type { IssueType } from '../case/case-schema.js';
import { firstMessageText } from '../case/plain-text.js';
import { DEFAULT_RUBRIC } from './default-rubric.js';
import { detectItems } from './detect-items.js';
import { ISSUE_TYPES } from './model.js';
import { ITEM_IDS, type ItemId, type Rubric } from './rubric-schema.js';
import { scoreCompleteness } from './score.js';

/** A ticket read and labelled by a person (the fixtures' format): which items it holds and its issue type. */
export interface LabelledTicket {
  id: string;
  subject: string;
  /** The first message as plain text… */
  description?: string;
  /** …or the raw body as delivered (HTML, quoted thread, signature), cleaned with firstMessageText first. */
  body?: string;
  labels: { issueType: IssueType; items: Record<ItemId, boolean> };
}

/** A labelled case as the evaluation reads it (training/corpus.ts gives every part of the corpus in this form). */
export interface JudgedCase {
  id: string;
  subject: string;
  /** Plain text, already cleaned. */
  description: string;
  issueType: IssueType;
  items: ReadonlySet<ItemId>;
  /** Items the labelling leaves ambiguous: not counted either way. */
  ignore?: ReadonlySet<ItemId>;
  /** The verdict a reader is sure of under the default rubric, when there is one. */
  mustBe?: 'complete' | 'incomplete' | null;
}

export interface ItemQuality {
  id: ItemId;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Of the cases where the scorer found the item, the share where a reader saw it too; null when it found none. */
  precision: number | null;
  /** Of the cases where a reader saw the item, the share the scorer found; null when no case has it. */
  recall: number | null;
  f1: number | null;
}

export interface ScorerQuality {
  cases: number;
  items: ItemQuality[];
  /** Over every item of every case (the items' counts summed). */
  micro: { precision: number | null; recall: number | null; f1: number | null };
  issueTypeAccuracy: number | null;
  /** `label→inferred`: count. */
  confusion: Record<string, number>;
  /** Cases with a sure verdict, and those the scorer got wrong (scored by the text alone, default rubric). */
  verdicts: { judged: number; wrong: string[] };
  /**
   * The headline figure: the share of cases complete by the reader's labels (their type's required items all there)
   * and as scored. Close figures mean the case completeness KPI can be trusted even where single items are missed.
   */
  completeShare: { labelled: number | null; scored: number | null };
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const f1Of = (tp: number, fp: number, fn: number) =>
  tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn);

/** The fixtures' format as judged cases. */
export function judgedFromLabelled(tickets: readonly LabelledTicket[]): JudgedCase[] {
  return tickets.map((t) => ({
    id: t.id,
    subject: t.subject,
    description: t.body !== undefined ? firstMessageText(t.body) : (t.description ?? ''),
    issueType: t.labels.issueType,
    items: new Set(ITEM_IDS.filter((i) => t.labels.items[i])),
  }));
}

/**
 * Measures the scorer against labelled cases: precision, recall and F1 per item (every item is checked on every case,
 * whatever its issue type) and over all items, issue-type accuracy with the confusion of types, and the verdicts a
 * reader was sure of.
 *
 * @example measureScorer(cases).micro.f1
 */
export function measureScorer(cases: readonly JudgedCase[], rubric: Rubric = DEFAULT_RUBRIC): ScorerQuality {
  const counts = new Map<ItemId, { tp: number; fp: number; fn: number }>(
    ITEM_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]),
  );
  let typeHits = 0;
  const confusion: Record<string, number> = {};
  for (const from of ISSUE_TYPES) for (const to of ISSUE_TYPES) confusion[`${from}→${to}`] = 0;
  const verdicts = { judged: 0, wrong: [] as string[] };
  let labelledComplete = 0;
  let scoredComplete = 0;
  for (const t of cases) {
    const input = { subject: t.subject, description: t.description };
    const detected = detectItems(input, rubric);
    for (const id of ITEM_IDS) {
      if (t.ignore?.has(id)) continue;
      const found = detected[id] !== null;
      const truth = t.items.has(id);
      const c = counts.get(id);
      if (!c) continue;
      if (found && truth) c.tp++;
      else if (found) c.fp++;
      else if (truth) c.fn++;
    }
    const result = scoreCompleteness(input, rubric);
    if (result.issueType === t.issueType) typeHits++;
    const key = `${t.issueType}→${result.issueType}`;
    confusion[key] = (confusion[key] ?? 0) + 1;
    const required = Object.entries(rubric.issueTypes[t.issueType] ?? {}).filter(([, r]) => r?.required);
    if (required.every(([id]) => t.items.has(id as ItemId) || t.ignore?.has(id as ItemId)))
      labelledComplete++;
    if (result.complete) scoredComplete++;
    if (t.mustBe) {
      verdicts.judged++;
      if (result.complete !== (t.mustBe === 'complete')) verdicts.wrong.push(t.id);
    }
  }
  const items: ItemQuality[] = ITEM_IDS.map((id) => {
    const { tp, fp, fn } = counts.get(id) ?? { tp: 0, fp: 0, fn: 0 };
    return {
      id,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
      f1: f1Of(tp, fp, fn),
    };
  });
  const sum = (k: 'truePositives' | 'falsePositives' | 'falseNegatives') =>
    items.reduce((a, i) => a + i[k], 0);
  const [tp, fp, fn] = [sum('truePositives'), sum('falsePositives'), sum('falseNegatives')];
  return {
    cases: cases.length,
    items,
    micro: { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), f1: f1Of(tp, fp, fn) },
    issueTypeAccuracy: ratio(typeHits, cases.length),
    confusion,
    verdicts,
    completeShare: {
      labelled: ratio(labelledComplete, cases.length),
      scored: ratio(scoredComplete, cases.length),
    },
  };
}

/** measureScorer over tickets in the fixtures' format. */
export function evaluateScorer(
  tickets: readonly LabelledTicket[],
  rubric: Rubric = DEFAULT_RUBRIC,
): ScorerQuality {
  return measureScorer(judgedFromLabelled(tickets), rubric);
}
