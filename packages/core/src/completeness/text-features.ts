import { RULES } from './rules.js';

/** Feature hashes are taken modulo 2^HASH_BITS: the model stores weights by hash, never the words it learned from. */
export const HASH_BITS = 20;
const HASH_MASK = (1 << HASH_BITS) - 1;
/** Text beyond this is not read: a first message's facts are at its start, and scoring must stay fast. */
export const MAX_FEATURE_CHARS = 12_000;
const MAX_SENTENCES = 160;

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
}

/**
 * FNV-1a (32 bit) of a feature name, cut to HASH_BITS. Written here rather than taken from a library: it is six
 * lines, and the training script must reproduce it exactly (training/export-features.ts calls this same function).
 */
export function featureHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & HASH_MASK;
}

const TOKEN = /[\p{L}\p{N}]+(?:[._'’-][\p{L}\p{N}]+)*/gu;
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
  for (let i = start; i <= text.length && out.length < MAX_SENTENCES; i++) {
    const ch = text[i];
    const boundary =
      i === text.length ||
      ch === '\n' ||
      ((ch === '.' || ch === '!' || ch === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t'));
    if (!boundary) continue;
    const end = ch === '\n' || i === text.length ? i : i + 1;
    if (/\S/.test(text.slice(start, end))) out.push({ start, end, inSubject: false });
    start = end + (ch === '\n' ? 1 : 0);
  }
  return out;
}

function bucket(n: number): number {
  return n <= 0 ? 0 : Math.min(12, Math.floor(Math.log2(n)));
}

/**
 * The features of a case for the completeness model, computed once and read by every item and by the issue type.
 * Per sentence: each word, each pair of neighbouring words, word shapes (a capitalised name inside a sentence, a code
 * such as E42 or 0xC0000005, a version number), and every rule of rules.ts that matched; subject words also as subject
 * features. For the whole text: its length and number of sentences.
 */
export function textFeatures(subject: string, description: string): TextFeatures {
  const subj = subject.replace(/\s+/g, ' ').trim();
  const text = `${subj}\n${description}`.slice(0, MAX_FEATURE_CHARS);
  const sentences = splitSentences(text, Math.min(subj.length, text.length));
  const doc = new Set<number>();
  const perSentence: number[][] = [];
  for (const s of sentences) {
    const own = new Set<number>();
    const add = (name: string) => {
      const h = featureHash(name);
      own.add(h);
      doc.add(h);
    };
    const part = text.slice(s.start, s.end);
    const prefix = s.inSubject ? 's:' : 'w:';
    let prev = '^';
    let n = 0;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(part); m !== null; m = TOKEN.exec(part)) {
      const raw = m[0];
      const word = normalise(raw);
      add(prefix + word);
      add(`b:${prev} ${word}`);
      if (s.inSubject) add(`w:${word}`);
      const c0 = raw.charCodeAt(0);
      if (n > 0 && c0 >= 65 && c0 <= 90) add(raw.length > 1 && raw === raw.toUpperCase() ? 'shape:caps' : 'shape:cap');
      if (VERSION_SHAPE.test(raw)) add('shape:version');
      else if (CODE_SHAPE.test(raw)) add('shape:code');
      prev = word;
      n++;
    }
    if (n > 0) add(`b:${prev} $`);
    for (const [name, re] of RULES) {
      re.lastIndex = 0;
      if (re.test(part)) add(s.inSubject ? `rs:${name}` : `r:${name}`);
    }
    perSentence.push([...own]);
  }
  doc.add(featureHash(`d:len${bucket(text.length - subj.length)}`));
  doc.add(featureHash(`d:sentences${bucket(sentences.length - 1)}`));
  if (description.trim() === '') doc.add(featureHash('d:subject_only'));
  return { text, sentences, perSentence, doc: [...doc] };
}
