import { GLOSSES } from './gloss.js';
import { RuleScan } from './rule-scan.js';
import { PLATFORM_NAMES, RULES, versionNumbersIn } from './rules.js';
import { isWhiteSpace } from './snippet.js';

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

/**
 * Splits the text at line breaks and at sentence ends (. ! ? followed by a space, 。！？ as they stand); the subject
 * line is one sentence.
 */
function splitSentences(text: string, subjectEnd: number): Sentence[] {
  const out: Sentence[] = [{ start: 0, end: subjectEnd, inSubject: true }];
  let start = subjectEnd + 1;
  // Only a line break or . ! ? can end a sentence: the regex finds the next one (faster than a loop over characters).
  ENDS.lastIndex = start;
  while (out.length < MAX_SENTENCES) {
    const found = ENDS.test(text);
    const i = found ? ENDS.lastIndex - 1 : text.length; // the text's end ends a line
    const c = text.charCodeAt(i);
    if (found && c !== 10) {
      const next = text.charCodeAt(i + 1);
      // 。！？ end a sentence as they stand (Chinese and Japanese put no space after them).
      if (c < 0x3000 && next !== 32 && next !== 9) continue;
      out.push({ start, end: i + 1, inSubject: false }); // . ! ? end the sentence after themselves
      start = i + 1;
      continue;
    }
    // A line break ends the sentence before it; a line of white space is none.
    let first = start;
    while (first < i && isWhiteSpace(text.charCodeAt(first))) first++;
    if (first < i) out.push({ start, end: i, inSubject: false });
    start = i + 1;
    if (!found) break;
  }
  return out;
}
const ENDS = /[\n.!?\u3002\uff01\uff1f]/g;

// The rules, found in one pass over the text (rule-scan.ts), and their features: in a sentence, in the subject.
// Reading the 28 patterns takes some 20–80 ms and saves about 20 µs a text: the first SCANS_BEFORE_READING texts are
// scanned rule by rule (the same starts, see rule-scan.test.ts), so that a sidebar's or a request's few scores do not
// wait for it, and a batch reads them once it has scored that many.
const SCANS_BEFORE_READING = 1000;
let scanned = 0;
let ruleScan: RuleScan | undefined;
const ruleByRule = RuleScan.unread(RULES.map(([, re]) => re));
const RULE_FEATURES = RULES.map(([name]) => [featureHash(`r:${name}`), featureHash(`rs:${name}`)] as const);
const ruleStarts: number[][] = RULES.map(() => []);
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

interface LexiconWord {
  word: string;
  rule: readonly [number, number] | undefined;
  startsLonger: boolean;
  /** A foreign word's English gloss (gloss.ts): the features of that word, [in the text, in the subject]. */
  gloss: readonly [text: readonly number[], subject: readonly number[]] | undefined;
}

/** The features an English word has as a word of the text and of the subject (what readWords adds for it). */
function englishFeatures(english: string): readonly [readonly number[], readonly number[]] {
  const stem = english.length > 5 ? [(fnv(SEED_STEM, english.slice(0, 5)) >>> 0) & HASH_MASK] : [];
  const inText = (fnv(SEED_WORD, english) >>> 0) & HASH_MASK;
  return [
    [inText, ...stem],
    [(fnv(SEED_SUBJECT_WORD, english) >>> 0) & HASH_MASK, inText, ...stem],
  ];
}

// The one-word names, the words that start a longer one and the glossed words, by fnv(SEED_WORD, word): looked up
// by the hash the word's feature has anyway, then compared (a hash is no proof).
const lexiconWords = new Map<number, LexiconWord>();
// A bit per low 16 bits of those hashes: most words are no name, and this says so before a Map lookup.
const lexiconBloom = new Uint8Array(1 << 16);
function lexiconWord(w: string): LexiconWord {
  const h = fnv(SEED_WORD, w);
  let entry = lexiconWords.get(h);
  if (!entry) {
    entry = { word: w, rule: undefined, startsLonger: false, gloss: undefined };
    lexiconWords.set(h, entry);
    lexiconBloom[h & 0xffff] = 1;
  }
  return entry;
}
for (const w of new Set([...lexicon.keys(), ...startsLonger]))
  if (!w.includes(' '))
    Object.assign(lexiconWord(w), { rule: lexicon.get(w), startsLonger: startsLonger.has(w) });
// French and Italian write an article or a pronoun into the next word ("l'erreur", "d'installer", "dell'app"):
// TOKEN keeps them one word, so a glossed word that starts with a vowel is glossed with those in front of it too.
const ELISIONS = ['l', 'd', 'j', 'n', 's', 'qu', 'dell', 'nell', 'un'].flatMap((e) => [
  `${e}'`,
  `${e}\u2019`,
]);
for (const [english, words] of GLOSSES) {
  const features = englishFeatures(english);
  for (const w of words.split(' ')) {
    lexiconWord(normalise(w)).gloss = features;
    if (/^[aeiouyàâéèêîôû]/.test(w)) for (const e of ELISIONS) lexiconWord(normalise(e + w)).gloss = features;
  }
}

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
    readWords(text, s.start, s.end, s.inSubject);
    perSentence.push(own);
  }
  // Each rule scans the whole text once; a match is a feature of the sentence it starts in (once per sentence).
  const starts = sentences.map((s) => s.start);
  let last = -1;
  for (const at of versionNumbersIn(text))
    last = ruleHit(perSentence, starts, VERSION_NUMBER_RULE[0], VERSION_NUMBER_RULE[1], at, last);
  if (!ruleScan && ++scanned > SCANS_BEFORE_READING) ruleScan = new RuleScan(RULES.map(([, re]) => re));
  (ruleScan ?? ruleByRule).scan(text, ruleStarts);
  RULE_FEATURES.forEach(([name, subjectName], r) => {
    last = -1;
    for (const at of ruleStarts[r] ?? []) last = ruleHit(perSentence, starts, name, subjectName, at, last);
  });
  const docOnly = [
    featureHash(`d:len${bucket(text.length - subj.length)}`),
    featureHash(`d:sentences${bucket(sentences.length - 1)}`),
  ];
  if (description.trim() === '') docOnly.push(featureHash('d:subject_only'));
  for (const h of docOnly) addDoc(h);
  return { text, sentences, perSentence, doc, docOnly };
}

/** A character TOKEN reads as part of a word: a Latin, Greek or Cyrillic letter or a digit. */
function isWordChar(c: number): boolean {
  return c < 128
    ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
    : (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff);
}

/** A character that joins two runs of word characters into one word (TOKEN's [._'’-]). */
function isJoiner(c: number): boolean {
  return c === 46 || c === 95 || c === 39 || c === 45 || c === 0x2019;
}

// The current word as normalise writes it, one UTF-16 unit a slot (hashed from here: no string per word).
let word = new Uint16Array(256);
let wordLength = 0;

/** FNV-1a of the current word, continuing from seed (the same as fnv(seed, normalise(raw))). */
function fnvWord(seed: number, length: number): number {
  let h = seed;
  for (let i = 0; i < length; i++) {
    h ^= word[i] ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const HAS_DIGIT_FLAG = 1;
const HAS_LOWER_FLAG = 2;

function normaliseSlow(raw: string): number {
  const w = normalise(raw);
  if (word.length < w.length) word = new Uint16Array(2 * w.length);
  for (let i = 0; i < w.length; i++) word[i] = w.charCodeAt(i);
  wordLength = w.length;
  return (HAS_DIGIT.test(raw) ? HAS_DIGIT_FLAG : 0) | (raw !== raw.toUpperCase() ? HAS_LOWER_FLAG : 0);
}

// The hashes of the current word that its features start from, each fnv(seed, word), computed in one pass.
let hashPlain = 0; // fnv(SEED_WORD, word): the word feature outside the subject, and the lexicon's key
let hashSeeded = 0; // fnv(wordSeed, word): the word feature of this sentence (the subject has its own seed)
let hashPair = 0; // fnv(pairSeed, word): the pair feature of the previous word and this one
let hashPrefix = 0; // fnv(pairPrefix, word): where the next pair feature starts
let hashStem = 0; // fnv(SEED_STEM, the word's first five units)

function hashWord(wordSeed: number, pairSeed: number, pairPrefix: number): void {
  let plain = SEED_WORD;
  let seeded = wordSeed;
  let pair = pairSeed;
  let prefix = pairPrefix;
  let stem = SEED_STEM;
  for (let i = 0; i < wordLength; i++) {
    const c = word[i] ?? 0;
    plain = Math.imul(plain ^ c, 0x01000193);
    seeded = Math.imul(seeded ^ c, 0x01000193);
    pair = Math.imul(pair ^ c, 0x01000193);
    prefix = Math.imul(prefix ^ c, 0x01000193);
    if (i < 5) stem = Math.imul(stem ^ c, 0x01000193);
  }
  hashPlain = plain;
  hashSeeded = seeded;
  hashPair = pair;
  hashPrefix = prefix;
  hashStem = stem;
}

let wordFlags = 0;

/**
 * Reads the word that starts at `at` (a word character) and ends before `end`: TOKEN's greedy match, a run of word
 * characters, then joiner-and-run as often as it goes. Writes normalise(word) into `word` as it goes when the word is
 * ASCII (lower case, each run of digits at most four zeros), else through normaliseSlow; sets wordFlags (HAS_DIGIT,
 * HAS_LOWER for the raw word). Returns where the word ends.
 */
function readWord(text: string, at: number, end: number): number {
  if (word.length < end - at) word = new Uint16Array(2 * (end - at));
  let i = at;
  let n = 0;
  let digits = 0; // length of the run of digits so far
  let flags = 0;
  let ascii = true;
  for (;;) {
    while (i < end) {
      let c = text.charCodeAt(i);
      if (!isWordChar(c)) break;
      i++;
      if (c >= 128) ascii = false;
      else if (c <= 57) {
        flags |= HAS_DIGIT_FLAG;
        if (digits++ < 4) word[n++] = 48;
      } else {
        digits = 0;
        if (c <= 90) c += 32;
        else flags |= HAS_LOWER_FLAG;
        word[n++] = c;
      }
    }
    const j = text.charCodeAt(i);
    if (!(i + 1 < end && isJoiner(j) && isWordChar(text.charCodeAt(i + 1)))) break;
    if (j >= 128) ascii = false;
    digits = 0;
    word[n++] = j;
    i++;
  }
  if (ascii) {
    wordLength = n;
    wordFlags = flags;
  } else wordFlags = normaliseSlow(text.slice(at, i));
  return i;
}

/** Whether the current word is the string s. */
function wordIs(s: string): boolean {
  if (s.length !== wordLength) return false;
  for (let i = 0; i < wordLength; i++) if (s.charCodeAt(i) !== word[i]) return false;
  return true;
}

/** The lexicon's entry for the current word, whose fnv(SEED_WORD, word) is `plain`; undefined for most words. */
function knownWord(plain: number): LexiconWord | undefined {
  const entry = lexiconBloom[plain & 0xffff] ? lexiconWords.get(plain) : undefined;
  return entry !== undefined && wordIs(entry.word) ? entry : undefined;
}

/** Kana, CJK ideographs and Hangul (a UTF-16 code unit): scripts written without spaces between words. */
export function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}

/**
 * A run of CJK characters from `at`: each pair of neighbouring characters is a word (a lone character is one), the
 * usual way to index text without spaces; a pair that is a glossed word (gloss.ts: 错误, 安装, 密码, …) also fires
 * its English word. No stems, pairs or shapes. Returns where the run ends.
 */
function readCjk(text: string, at: number, end: number, wordSeed: number, inSubject: boolean): number {
  let stop = at;
  while (stop < end && isCjk(text.charCodeAt(stop))) stop++;
  for (let k = at; k === at || k + 1 < stop; k++) {
    wordLength = Math.min(2, stop - k);
    word[0] = text.charCodeAt(k);
    word[1] = text.charCodeAt(k + 1);
    hashWord(wordSeed, SEED_PAIR_START, SEED_PAIR);
    add((hashSeeded >>> 0) & HASH_MASK);
    if (inSubject) add((hashPlain >>> 0) & HASH_MASK);
    const gloss = knownWord(hashPlain)?.gloss;
    if (gloss) for (const h of gloss[inSubject ? 1 : 0]) add(h);
  }
  return stop;
}

/**
 * The features of the words of one sentence, text[start, end): the words TOKEN finds in that slice, found here by
 * their characters (the same greedy match: a run of word characters, then joiner-and-run as often as it goes).
 */
function readWords(text: string, start: number, end: number, inSubject: boolean): void {
  const wordSeed = inSubject ? SEED_SUBJECT_WORD : SEED_WORD;
  // FNV-1a is streaming: the pair feature "b:" + prev + " " + word continues from the hash of "b:" + prev + " ".
  let pairSeed = inSubject ? SEED_SUBJECT_PAIR_START : SEED_PAIR_START;
  const pairPrefix = inSubject ? SEED_SUBJECT_PAIR : SEED_PAIR;
  // The previous word when it starts a longer name; the pair before this word, when it starts a three-word name.
  let prevStarts = '';
  let pairBefore = '';
  let nextPair = '';
  let n = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      i = c >= 0x3040 && isCjk(c) ? readCjk(text, i, end, wordSeed, inSubject) : i + 1;
      continue;
    }
    const a = i;
    i = readWord(text, i, end);
    const flags = wordFlags;
    hashWord(wordSeed, pairSeed, pairPrefix);
    const plain = hashPlain;
    add((hashSeeded >>> 0) & HASH_MASK);
    add((hashPair >>> 0) & HASH_MASK);
    pairSeed = fnv(hashPrefix, ' ');
    if (wordLength > 5) add((hashStem >>> 0) & HASH_MASK); // a stem: crash·es, install·ation
    if (inSubject) add((plain >>> 0) & HASH_MASK);
    const c0 = text.charCodeAt(a);
    if (n > 0 && c0 >= 65 && c0 <= 90) add(i - a > 1 && !(flags & HAS_LOWER_FLAG) ? SHAPE_CAPS : SHAPE_CAP);
    // Both shapes need a digit: only then is the raw word read.
    if (flags & HAS_DIGIT_FLAG) {
      const raw = text.slice(a, i);
      if (c0 <= 57 || c0 === 86 || c0 === 118) {
        if (VERSION_SHAPE.test(raw)) add(SHAPE_VERSION);
        else if (CODE_SHAPE.test(raw)) add(SHAPE_CODE);
      } else if (CODE_SHAPE.test(raw)) add(SHAPE_CODE);
    }
    const known = knownWord(plain);
    if (known?.rule) add(inSubject ? known.rule[1] : known.rule[0]);
    if (known?.gloss) for (const h of known.gloss[inSubject ? 1 : 0]) add(h);
    if (prevStarts || pairBefore) {
      const w = normalise(text.slice(a, i));
      if (prevStarts) {
        const pair = `${prevStarts} ${w}`;
        const two = lexicon.get(pair);
        if (two) add(inSubject ? two[1] : two[0]);
        if (startsLonger.has(pair)) nextPair = pair;
      }
      if (pairBefore) {
        const three = lexicon.get(`${pairBefore} ${w}`);
        if (three) add(inSubject ? three[1] : three[0]);
      }
    }
    pairBefore = nextPair;
    nextPair = '';
    prevStarts = known?.startsLonger ? known.word : '';
    n++;
  }
  // `word` still holds the last word.
  if (n > 0) add((fnv(fnvWord(SEED_PAIR, wordLength), ' $') >>> 0) & HASH_MASK);
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
