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

/**
 * Weights by feature hash: an open-addressing table of hashes (typed arrays, not a Map: this lookup is most of
 * inference) whose slot gives the feature's row. A row is the feature's non-zero weights, in head order, at
 * entries rowStart[r] to rowStart[r + 1] (its items' up to rowItemsEnd[r]): most features weigh in one or two heads
 * of fourteen. Adding only those gives the same sums: a zero added changes nothing (no sum is ever -0).
 */
let slotHash = new Int32Array(0);
let slotRow = new Int32Array(0);
let rowStart = new Int32Array(0);
let rowItemsEnd = new Int32Array(0);
let entryHead = new Uint8Array(0);
let entryWeight = new Float64Array(0);
const bias = new Float64Array(HEADS.length);
const threshold = new Float64Array(N_ITEMS);
const H = HEADS.length;

/** The row of a feature's weights, or -1 when the model has none. */
function rowOf(h: number): number {
  const mask = slotHash.length - 1;
  for (let i = h & mask; ; i = (i + 1) & mask) {
    const at = slotHash[i] ?? -1;
    if (at === h) return slotRow[i] ?? -1;
    if (at === -1) return -1;
  }
}

function load(model: TrainedModel) {
  if (model.version !== 1 || model.hashBits !== HASH_BITS)
    throw new Error('completeness model does not match the features');
  const byHash = new Map<number, number>();
  const entries: [row: number, head: number, weight: number][] = [];
  HEADS.forEach((name, k) => {
    const head = model.heads[name];
    if (!head) throw new Error(`completeness model has no head ${name}`);
    bias[k] = head.bias / model.scale;
    if (k < N_ITEMS) threshold[k] = head.threshold ?? 0;
    let key = 0;
    for (let i = 0; i + 1 < head.w.length; i += 2) {
      key += head.w[i] ?? 0;
      let row = byHash.get(key);
      if (row === undefined) {
        row = byHash.size;
        byHash.set(key, row);
      }
      entries.push([row, k, (head.w[i + 1] ?? 0) / model.scale]);
    }
  });
  const rows = new Float64Array(byHash.size * H);
  for (const [row, k, w] of entries) rows[row * H + k] = w;
  let nonZero = 0;
  for (const w of rows) if (w !== 0) nonZero++;
  rowStart = new Int32Array(byHash.size + 1);
  rowItemsEnd = new Int32Array(byHash.size);
  entryHead = new Uint8Array(nonZero);
  entryWeight = new Float64Array(nonZero);
  let e = 0;
  for (let r = 0; r < byHash.size; r++) {
    rowStart[r] = e;
    for (let k = 0; k < H; k++) {
      if (k === N_ITEMS) rowItemsEnd[r] = e;
      const w = rows[r * H + k] ?? 0;
      if (w === 0) continue;
      entryHead[e] = k;
      entryWeight[e] = w;
      e++;
    }
  }
  rowStart[byHash.size] = e;
  let size = 1;
  while (size < byHash.size * 2) size *= 2;
  slotHash = new Int32Array(size).fill(-1);
  slotRow = new Int32Array(size);
  const mask = size - 1;
  for (const [h, row] of byHash) {
    let i = h & mask;
    while (slotHash[i] !== -1) i = (i + 1) & mask;
    slotHash[i] = h;
    slotRow[i] = row;
  }
  rowSeen = new Uint32Array(byHash.size);
}
// Loaded when first used, not at import: the worker and the sidebar start without paying for it.
let loaded = false;
function ensureLoaded(): void {
  if (loaded) return;
  load(trained as TrainedModel);
  loaded = true;
}

/** What the model says of a case: per item, its log-odds, the decision and the sentence that weighed most; per issue type, its log-odds. */
export interface ModelOutput {
  itemLogit: Float64Array;
  present: boolean[];
  typeLogit: Float64Array;
  /**
   * Per item, the sentence that weighs most: the one whose own features add the most to the item's log-odds (ties go
   * to the earlier sentence; -1 when none adds anything). This is the evidence an agent is shown.
   */
  deciding: Int32Array;
}

// Which rows the case has added already (a feature in two sentences counts once for the case), by stamp.
let rowSeen = new Uint32Array(0);
let stamp = 0;
// runModel's scratch (never returned): a sentence's item scores and the best so far; the gates by item index.
const score = new Float64Array(N_ITEMS);
const bestScore = new Float64Array(N_ITEMS);
const gateOf = Array.from({ length: N_ITEMS }, (_, k) => gates.get(k));
// Per item, whether a sentence of the case holds its gate's rule.
const gateSeen = new Uint8Array(N_ITEMS);
// Per low ten bits of a hash, whether a gate's hash has them: only a sentence with such a hash is searched for them.
const gateFilter = new Uint8Array(1024);
for (const need of gates.values()) for (const h of need) gateFilter[h & 1023] = 1;

/**
 * Runs every head over the case's features, in one pass over its sentences: each feature's weights are looked up
 * once, added to its sentence's item scores (the evidence) and, the first time the case has it, to the case's.
 */
export function runModel(f: TextFeatures): ModelOutput {
  ensureLoaded();
  if (++stamp === 0xffffffff) {
    rowSeen.fill(0);
    stamp = 1;
  }
  const z = bias.slice();
  const best = new Int32Array(N_ITEMS).fill(-1);
  bestScore.fill(Number.NEGATIVE_INFINITY);
  gateSeen.fill(0);
  for (let s = 0; s < f.perSentence.length; s++) {
    const hashes = f.perSentence[s] ?? [];
    score.fill(0);
    let gated = false; // the sentence may hold a gate's rule (its hash passes gateFilter)
    for (let j = 0; j < hashes.length; j++) {
      const h = hashes[j] ?? 0;
      if (gateFilter[h & 1023]) gated = true;
      const r = rowOf(h);
      if (r < 0) continue;
      for (let e = rowStart[r] ?? 0, end = rowItemsEnd[r] ?? 0; e < end; e++) {
        const k = entryHead[e] ?? 0;
        score[k] = (score[k] ?? 0) + (entryWeight[e] ?? 0);
      }
      addToCase(z, r);
    }
    for (let k = 0; k < N_ITEMS; k++) {
      // A gated item's evidence is a sentence where its gate's rule matched (the version number, the "attached").
      const need = gateOf[k];
      if (need) {
        if (!gated || !holdsAny(hashes, need)) continue;
        gateSeen[k] = 1;
      }
      if ((score[k] ?? 0) > (bestScore[k] ?? 0)) {
        bestScore[k] = score[k] ?? 0;
        best[k] = s;
      }
    }
  }
  for (const h of f.docOnly) {
    const r = rowOf(h);
    if (r >= 0) addToCase(z, r);
  }
  const itemLogit = z.subarray(0, N_ITEMS);
  const present: boolean[] = [];
  for (let k = 0; k < N_ITEMS; k++) {
    // gateOpen(f, k), read off the sentences (textFeatures puts in doc only the sentences' features and docOnly).
    const need = gateOf[k];
    const open = !need || gateSeen[k] === 1 || holdsAny(f.docOnly, need);
    present.push((itemLogit[k] ?? 0) >= (threshold[k] ?? 0) && open);
  }
  return {
    itemLogit,
    present,
    typeLogit: z.subarray(N_ITEMS),
    deciding: best,
  };
}

/** Adds a feature's weights to the case's log-odds, the first time the case has it (a module function, not a closure per call). */
function addToCase(z: Float64Array, r: number): void {
  if (rowSeen[r] === stamp) return;
  rowSeen[r] = stamp;
  for (let e = rowStart[r] ?? 0, end = rowStart[r + 1] ?? 0; e < end; e++) {
    const k = entryHead[e] ?? 0;
    z[k] = (z[k] ?? 0) + (entryWeight[e] ?? 0);
  }
}

function holdsAny(hashes: readonly number[], wanted: readonly number[]): boolean {
  for (const h of wanted) if (hashes.includes(h)) return true;
  return false;
}

/** The index of an item among the model's heads. */
export function itemIndex(id: ItemId): number {
  return ITEM_IDS.indexOf(id);
}
