import type { IssueType } from '../case/case-schema.js';
import { firstMessageText } from '../case/plain-text.js';
import { DEFAULT_RUBRIC } from './default-rubric.js';
import { detectItem } from './detect-items.js';
import { inferIssueType } from './issue-type.js';
import { ITEM_IDS, type ItemId, type Rubric } from './rubric-schema.js';

/** A ticket read and labelled by a person: which items it holds and its issue type. */
export interface LabelledTicket {
  id: string;
  subject: string;
  /** The first message as plain text… */
  description?: string;
  /** …or the raw body as delivered (HTML, quoted thread, signature), cleaned with firstMessageText first. */
  body?: string;
  labels: { issueType: IssueType; items: Record<ItemId, boolean> };
}

export interface ItemQuality {
  id: ItemId;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Of the tickets where the scorer found the item, the share where a reader saw it too; null when it found none. */
  precision: number | null;
  /** Of the tickets where a reader saw the item, the share the scorer found; null when no ticket has it. */
  recall: number | null;
}

/**
 * Measures the item detectors and the issue-type inference against labelled tickets: precision and
 * recall per item (every item is checked on every ticket, whatever its issue type) and type accuracy.
 *
 * @example evaluateScorer(labelled).items.find((i) => i.id === 'error')?.recall
 */
export function evaluateScorer(tickets: readonly LabelledTicket[], rubric: Rubric = DEFAULT_RUBRIC) {
  const counts = new Map<ItemId, { tp: number; fp: number; fn: number }>(
    ITEM_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]),
  );
  let typeHits = 0;
  const confusion: Record<string, number> = {};
  for (const t of tickets) {
    const description = t.body !== undefined ? firstMessageText(t.body) : (t.description ?? '');
    const input = { subject: t.subject, description };
    const text = `${t.subject}\n${description}`;
    for (const id of ITEM_IDS) {
      const found = detectItem(id, input, rubric, text) !== null;
      const truth = t.labels.items[id];
      const c = counts.get(id);
      if (!c) continue;
      if (found && truth) c.tp++;
      else if (found) c.fp++;
      else if (truth) c.fn++;
    }
    const inferred = inferIssueType(input).issueType;
    if (inferred === t.labels.issueType) typeHits++;
    const key = `${t.labels.issueType}→${inferred}`;
    confusion[key] = (confusion[key] ?? 0) + 1;
  }
  const items: ItemQuality[] = ITEM_IDS.map((id) => {
    const { tp, fp, fn } = counts.get(id) ?? { tp: 0, fp: 0, fn: 0 };
    return {
      id,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: tp + fp === 0 ? null : tp / (tp + fp),
      recall: tp + fn === 0 ? null : tp / (tp + fn),
    };
  });
  return {
    tickets: tickets.length,
    items,
    issueTypeAccuracy: tickets.length === 0 ? null : typeHits / tickets.length,
    confusion,
  };
}
