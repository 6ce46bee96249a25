import { PLATFORM_NAMES, RULES, versionNumbersIn } from './rules.js';

/** Feature hashes are taken modulo 2^HASH_BITS: the model stores weights by hash, never the words it learned from. */
export const HASH_BITS = 20;
const HASH_MASK = (1 << HASH_BITS) - 1;
/** Text beyond this is not read: a first message's facts are at its start, and scoring must stay fast. */
export const MAX_FEATURE_CHARS = 20_000;
// Every sentence of the text read is a sentence of the case (at 20,000 characters, a few thousand at most).
const MAX_SENTENCES = 10_000;

/** A sentence (or line) of the text, by offsets; the subject is always sentence 0. */
export interface Sentence {
  start: number;
  end: number;
  inSubject: boolean;
}

/** What the model reads of a case: its sentences, the features of each, and the whole text's. */
export interface TextFeatures {
  /** Subject, a line break, then the first message (cut at MAX_FEATURE_CHARS). */
  text: string;
  sentences: Sentence[];
  /** Per sentence, the hashes of its features (words, word pairs, word shapes, rules that matched). */
  perSentence: number[][];
  /** The hashes of every feature of the case, once each (the sentences' and the whole text's). */
  doc: number[];
  /** The features of the whole text that are no sentence's (its length, its number of sentences). */
  docOnly: number[];
}

/**
 * FNV-1a (32 bit) of a feature name, cut to HASH_BITS. Written here rather than taken from a library: it is six
 * lines, and the training script must reproduce it exactly (training/export-features.ts calls this same function).
 */
export function featureHash(name: string): number {
  return (fnv(0x811c9dc5, name) >>> 0) & HASH_MASK;
}

function fnv(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

// Latin, Greek and Cyrillic letters and digits (a Unicode property class is three times slower in V8).
const TOKEN =
  /[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]+(?:[._'’-][A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]+)*/g;
const TOKEN_ANY = new RegExp(TOKEN.source, 'g');
const DIGITS = /\d+/g;
const HAS_DIGIT = /\d/;
const VERSION_SHAPE = /^v?\d+(?:\.\d+)+$/;
const CODE_SHAPE = /^(?:0x[0-9a-f]+|[a-z]+\d+[a-z\d]*|\d+[a-z]+\d*)$/i;

/** The word as a feature: lower case, each run of digits a run of zeros (at most four): 4.2.1 → 0.0.0, 2024 → 0000. */
function normalise(token: string): string {
  const lower = token.toLowerCase();
  return HAS_DIGIT.test(lower) ? lower.replace(DIGITS, (d) => '0000'.slice(0, Math.min(4, d.length))) : lower;
}

/** Splits the text at line breaks and at sentence ends (. ! ? followed by a space); the subject line is one sentence. */
function splitSentences(text: string, subjectEnd: number): Sentence[] {
  const out: Sentence[] = [{ start: 0, end: subjectEnd, inSubject: true }];
  let start = subjectEnd + 1;
  let blank = true; // no character but white space since start
  for (let i = start; i <= text.length && out.length < MAX_SENTENCES; i++) {
    const c = i === text.length ? 10 : text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const boundary = c === 10 || ((c === 46 || c === 33 || c === 63) && (next === 32 || next === 9));
    if (!boundary) {
      if (blank && !isSpace(c)) blank = false;
      continue;
    }
    // A line break ends the sentence before it; . ! ? end it after themselves.
    const end = c === 10 ? i : i + 1;
    if (!blank || c !== 10) out.push({ start, end, inSubject: false });
    start = end + (c === 10 ? 1 : 0);
    blank = true;
  }
  return out;
}

/** White space as /\s/ has it (the common characters; the rare ones are read as text). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 160 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x3000 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x1680
  );
}

const GLOBAL_RULES = RULES.map(
  ([name, re]) =>
    [
      new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`),
      featureHash(`r:${name}`),
      featureHash(`rs:${name}`),
    ] as const,
);
const VERSION_NUMBER_RULE = [featureHash('r:version_number'), featureHash('rs:version_number')] as const;

/**
 * Word lists matched on the words of a sentence (a name of one to three words, as normalise writes them: 'office 365'
 * is 'office 000'): each match is a rule feature of the sentence, as a regex rule's is.
 */
const LEXICONS: readonly (readonly [name: string, phrases: readonly string[]])[] = [
  ['platform', PLATFORM_NAMES],
];
const lexicon = new Map<string, readonly [number, number]>();
// The words that start a longer name, and the pairs that start a three-word one: only after them is a pair looked up.
const startsLonger = new Set<string>();
for (const [name, phrases] of LEXICONS)
  for (const phrase of phrases) {
    const words = (phrase.match(TOKEN_ANY) ?? []).map(normalise);
    for (let k = 1; k < words.length; k++) startsLonger.add(words.slice(0, k).join(' '));
    lexicon.set(words.join(' '), [featureHash(`r:${name}`), featureHash(`rs:${name}`)]);
  }

/** The sentence a text offset falls in (binary search over the sentences' starts). */
function sentenceAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const FNV_OFFSET = 0x811c9dc5;
const SEED_WORD = fnv(FNV_OFFSET, 'w:');
const SEED_SUBJECT_WORD = fnv(FNV_OFFSET, 's:');
const SEED_STEM = fnv(FNV_OFFSET, 'p:');
const SEED_PAIR = fnv(FNV_OFFSET, 'b:');
const SEED_SUBJECT_PAIR = fnv(FNV_OFFSET, 'sb:');
const SEED_PAIR_START = fnv(SEED_PAIR, '^ ');
const SEED_SUBJECT_PAIR_START = fnv(SEED_SUBJECT_PAIR, '^ ');
const SHAPE_CAP = featureHash('shape:cap');
const SHAPE_CAPS = featureHash('shape:caps');
const SHAPE_VERSION = featureHash('shape:version');
const SHAPE_CODE = featureHash('shape:code');

function bucket(n: number): number {
  return n <= 0 ? 0 : Math.min(12, Math.floor(Math.log2(n)));
}

/**
 * The features of a case for the completeness model, computed once and read by every item and by the issue type.
 * Per sentence: each word, its first five letters (a stem), each pair of neighbouring words, word shapes (a capitalised name inside a sentence, a code
 * such as E42 or 0xC0000005, a version number), and every rule of rules.ts that matched; subject words also as subject
 * features. For the whole text: its length and number of sentences.
 */
export function textFeatures(subject: string, description: string): TextFeatures {
  const subj = subject.replace(/\s+/g, ' ').trim();
  const text = `${subj}\n${description}`.slice(0, MAX_FEATURE_CHARS);
  const sentences = splitSentences(text, Math.min(subj.length, text.length));
  inDoc.clear();
  const doc: number[] = [];
  currentDoc = doc;
  const perSentence: number[][] = [];
  for (const s of sentences) {
    const own: number[] = [];
    currentSentence = own;
    inSentence.clear();
    const part = text.slice(s.start, s.end);
    const wordSeed = s.inSubject ? SEED_SUBJECT_WORD : SEED_WORD;
    // FNV-1a is streaming: the pair feature "b:" + prev + " " + word continues from the hash of "b:" + prev + " ".
    let pairSeed = s.inSubject ? SEED_SUBJECT_PAIR_START : SEED_PAIR_START;
    const pairPrefix = s.inSubject ? SEED_SUBJECT_PAIR : SEED_PAIR;
    let prev = '^';
    // The pair before this word, when it starts a three-word name.
    let pairBefore = '';
    let nextPair = '';
    let n = 0;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(part); m !== null; m = TOKEN.exec(part)) {
      const raw = m[0];
      const word = normalise(raw);
      add((fnv(wordSeed, word) >>> 0) & HASH_MASK);
      add((fnv(pairSeed, word) >>> 0) & HASH_MASK);
      pairSeed = fnv(fnv(pairPrefix, word), ' ');
      if (word.length > 5) add((fnv(SEED_STEM, word.slice(0, 5)) >>> 0) & HASH_MASK); // a stem: crash·es, install·ation
      if (s.inSubject) add((fnv(SEED_WORD, word) >>> 0) & HASH_MASK);
      const c0 = raw.charCodeAt(0);
      if (n > 0 && c0 >= 65 && c0 <= 90)
        add(raw.length > 1 && raw === raw.toUpperCase() ? SHAPE_CAPS : SHAPE_CAP);
      if (c0 <= 57 || c0 === 86 || c0 === 118) {
        if (VERSION_SHAPE.test(raw)) add(SHAPE_VERSION);
        else if (CODE_SHAPE.test(raw)) add(SHAPE_CODE);
      } else if (HAS_DIGIT.test(raw) && CODE_SHAPE.test(raw)) add(SHAPE_CODE);
      const one = lexicon.get(word);
      if (one) add(s.inSubject ? one[1] : one[0]);
      if (n > 0 && startsLonger.has(prev)) {
        const pair = `${prev} ${word}`;
        const two = lexicon.get(pair);
        if (two) add(s.inSubject ? two[1] : two[0]);
        if (startsLonger.has(pair)) nextPair = pair;
      }
      if (pairBefore) {
        const three = lexicon.get(`${pairBefore} ${word}`);
        if (three) add(s.inSubject ? three[1] : three[0]);
      }
      pairBefore = nextPair;
      nextPair = '';
      prev = word;
      n++;
    }
    if (n > 0) add((fnv(fnv(SEED_PAIR, prev), ' $') >>> 0) & HASH_MASK);
    perSentence.push(own);
  }
  // Each rule scans the whole text once; a match is a feature of the sentence it starts in (once per sentence).
  const starts = sentences.map((s) => s.start);
  let last = -1;
  for (const at of versionNumbersIn(text))
    last = ruleHit(perSentence, starts, VERSION_NUMBER_RULE[0], VERSION_NUMBER_RULE[1], at, last);
  for (const [re, name, subjectName] of GLOBAL_RULES) {
    re.lastIndex = 0;
    last = -1;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      last = ruleHit(perSentence, starts, name, subjectName, m.index, last);
    }
  }
  const docOnly = [
    featureHash(`d:len${bucket(text.length - subj.length)}`),
    featureHash(`d:sentences${bucket(sentences.length - 1)}`),
  ];
  if (description.trim() === '') docOnly.push(featureHash('d:subject_only'));
  for (const h of docOnly) addDoc(h);
  return { text, sentences, perSentence, doc, docOnly };
}

// The case and the sentence being read (module state rather than closures: textFeatures is the hot path of scoring).
let currentDoc: number[] = [];
let currentSentence: number[] = [];

function addDoc(h: number): void {
  if (inDoc.add(h)) currentDoc.push(h);
}

function add(h: number): void {
  if (!inSentence.add(h)) return;
  currentSentence.push(h);
  addDoc(h);
}

/** A rule's match: a feature of the sentence it starts in (once per sentence) and of the case. */
function ruleHit(
  perSentence: number[][],
  starts: readonly number[],
  name: number,
  subjectName: number,
  at: number,
  last: number,
) {
  const s = sentenceAt(starts, at);
  if (s === last) return s;
  const h = s === 0 ? subjectName : name;
  const own = perSentence[s];
  if (own && !own.includes(h)) own.push(h);
  addDoc(h);
  return s;
}

/**
 * Which features a case (and a sentence) has already: a small open-addressing set of hashes, emptied by bumping a
 * stamp rather than by clearing. Small enough to stay in the CPU's cache (a table over all 2^20 hashes does not),
 * and grown when a long text has more features than it holds.
 */
class StampSet {
  private keys = new Uint32Array(1 << 10);
  private stamps = new Uint32Array(1 << 10);
  private stamp = 0;
  private size = 0;

  clear(): void {
    this.size = 0;
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  /** Adds a hash; false when it was there already. */
  add(h: number): boolean {
    const mask = this.keys.length - 1;
    let i = h & mask;
    while (this.stamps[i] === this.stamp) {
      if (this.keys[i] === h) return false;
      i = (i + 1) & mask;
    }
    this.stamps[i] = this.stamp;
    this.keys[i] = h;
    if (++this.size * 2 > this.keys.length) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.keys;
    const oldStamps = this.stamps;
    const current = this.stamp;
    this.keys = new Uint32Array(old.length * 2);
    this.stamps = new Uint32Array(old.length * 2);
    this.stamp = 1;
    this.size = 0;
    for (let i = 0; i < old.length; i++) if (oldStamps[i] === current) this.add(old[i] ?? 0);
  }
}
const inDoc = new StampSet();
const inSentence = new StampSet();
