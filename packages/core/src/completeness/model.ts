import type { IssueType } from '../case/case-schema.js';
import trained from './model/completeness-model.json' with { type: 'json' };
import { ITEM_IDS, type ItemId } from './rubric-schema.js';
import { featureHash, HASH_BITS, type TextFeatures } from './text-features.js';

/**
 * The learned completeness model (trained by training/train.py, shipped as data): one logistic regression per item
 * and one multinomial logistic regression for the issue type, over the features of text-features.ts. Inference is a
 * sparse dot product per head: no dependency, the same in Node, workerd and the sidebar.
 */
interface Head {
  bias: number;
  /** Items only: the decision threshold, as a log-odds. */
  threshold?: number;
  /** [key delta, weight, …] (weights × scale). */
  w: number[];
}
interface TrainedModel {
  version: 1;
  hashBits: number;
  scale: number;
  heads: Record<string, Head>;
}

export const ISSUE_TYPES: readonly IssueType[] = ['bug', 'how_to', 'install_config', 'other'];
const HEADS = [...ITEM_IDS, ...ISSUE_TYPES.map((t) => `type:${t}`)];
const N_ITEMS = ITEM_IDS.length;

/**
 * Items that need a rule's match to be present at all, whatever the words around say (LABELLING.md: a version is
 * only an explicit number or name; an attachment is only one the customer says is there, or an inline image): the
 * model weighs the evidence, the rule says whether there is any.
 */
const GATES: Partial<Record<ItemId, readonly string[]>> = {
  version: ['version_named', 'version_number'],
  attachment: ['attachment', 'image'],
};
const gates = new Map<number, number[]>(
  Object.entries(GATES).map(([id, rules]) => [
    ITEM_IDS.indexOf(id as ItemId),
    (rules ?? []).flatMap((r) => [featureHash(`r:${r}`), featureHash(`rs:${r}`)]),
  ]),
);

/** Whether an item can be present at all (its gate's rule matched; items without a gate always can). */
export function gateOpen(f: TextFeatures, k: number): boolean {
  const need = gates.get(k);
  return !need || need.some((h) => f.doc.includes(h));
}

/** Weights by feature hash, every head's weight for that feature side by side. */
const weights = new Map<number, Float64Array>();
const bias = new Float64Array(HEADS.length);
const threshold = new Float64Array(N_ITEMS);

function load(model: TrainedModel) {
  if (model.version !== 1 || model.hashBits !== HASH_BITS)
    throw new Error('completeness model does not match the features');
  HEADS.forEach((name, k) => {
    const head = model.heads[name];
    if (!head) throw new Error(`completeness model has no head ${name}`);
    bias[k] = head.bias / model.scale;
    if (k < N_ITEMS) threshold[k] = head.threshold ?? 0;
    let key = 0;
    for (let i = 0; i + 1 < head.w.length; i += 2) {
      key += head.w[i] ?? 0;
      let row = weights.get(key);
      if (!row) {
        row = new Float64Array(HEADS.length);
        weights.set(key, row);
      }
      row[k] = (head.w[i + 1] ?? 0) / model.scale;
    }
  });
}
// Loaded when first used, not at import: the worker and the sidebar start without paying for it.
let loaded = false;
function ensureLoaded(): void {
  if (loaded) return;
  load(trained as TrainedModel);
  loaded = true;
}

/** What the model says of a case: per item, its log-odds and the decision; per issue type, its log-odds. */
export interface ModelOutput {
  itemLogit: Float64Array;
  present: boolean[];
  typeLogit: Float64Array;
}

/** Runs every head over the case's features. */
export function runModel(f: TextFeatures): ModelOutput {
  ensureLoaded();
  const z = Float64Array.from(bias);
  for (const h of f.doc) {
    const row = weights.get(h);
    if (row) for (let k = 0; k < z.length; k++) z[k] = (z[k] ?? 0) + (row[k] ?? 0);
  }
  const itemLogit = z.subarray(0, N_ITEMS);
  return {
    itemLogit,
    present: Array.from(itemLogit, (v, k) => v >= (threshold[k] ?? 0) && gateOpen(f, k)),
    typeLogit: z.subarray(N_ITEMS),
  };
}

/** The index of an item among the model's heads. */
export function itemIndex(id: ItemId): number {
  return ITEM_IDS.indexOf(id);
}

/**
 * Per item, the sentence that weighs most: the one whose own features add the most to the item's log-odds (ties go
 * to the earlier sentence). This is the evidence an agent is shown. One pass over the sentences for every item.
 */
export function decidingSentences(f: TextFeatures): Int32Array {
  ensureLoaded();
  const best = new Int32Array(N_ITEMS).fill(-1);
  const bestScore = new Float64Array(N_ITEMS).fill(Number.NEGATIVE_INFINITY);
  const score = new Float64Array(N_ITEMS);
  f.perSentence.forEach((hashes, s) => {
    score.fill(0);
    for (const h of hashes) {
      const row = weights.get(h);
      if (row) for (let k = 0; k < N_ITEMS; k++) score[k] = (score[k] ?? 0) + (row[k] ?? 0);
    }
    for (let k = 0; k < N_ITEMS; k++) {
      // A gated item's evidence is a sentence where its gate's rule matched (the version number, the "attached").
      const need = gates.get(k);
      if (need && !need.some((h) => hashes.includes(h))) continue;
      if ((score[k] ?? 0) > (bestScore[k] ?? 0)) {
        bestScore[k] = score[k] ?? 0;
        best[k] = s;
      }
    }
  });
  return best;
}

/** Softmax of the type log-odds, in ISSUE_TYPES order. */
export function typeProbabilities(logits: ArrayLike<number>): number[] {
  const max = Math.max(...Array.from(logits));
  const e = Array.from(logits, (v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
