/**
 * Where each of many regexes matches in a text: the same match starts, in the same order, as running each one with
 * the g flag over the whole text (exec, then on from where the match ended), in one pass over the text instead of one
 * scan per regex.
 *
 * Why: the completeness features run 28 rule regexes over every case (rules.ts), and those scans cost more than all
 * the word features together; yet at most places of a text no rule can start. So each regex is read once, at load:
 * for each of its top-level alternatives, the pairs of characters a match can begin with, and whether it must start
 * at a word boundary (`\b…`) or a line start (`^…`), and the triples of characters (lower-cased, hashed). The pass
 * over the text looks the pair at each position up in one table (a bit per regex), the triple in another, and tries a
 * regex only where both have its bit, anchored there (the y flag). An alternative
 * that can begin almost anywhere (`\b\w+(?:Exception|Error)`) has a bit of its own, set only for texts that hold one
 * of the words every match of it holds. A regex is tried at every position where it can match (the reading only ever
 * over-approximates), and at a position it finds what the g-flag scan finds there, so the starts are the same
 * (rule-scan.test.ts compares both). A regex this reader does not know (backreferences, the u or v flag) or that can
 * match the empty string is scanned the ordinary way.
 */

// Characters are read as classes: an ASCII character by its code, every other one as NON_ASCII. Without the u flag a
// case-insensitive regex never matches a non-ASCII character to an ASCII one, and \w, \d and \b are ASCII only, so
// this loses nothing but precision.
const NON_ASCII = 128;
const CLASSES = 129;
/** The class after the last character (a pair there means a match of one character). */
const END = 129;
const ROW = 130;
const WORDS = 5; // 32-bit words of a set of CLASSES

/** A set of classes, as bits. Never changed once built (sets are shared). */
type CharSet = Uint32Array;

function charSet(...codes: number[]): CharSet {
  const set = new Uint32Array(WORDS);
  for (const c of codes) set[c >> 5] = (set[c >> 5] ?? 0) | (1 << (c & 31));
  return set;
}

function has(set: CharSet, c: number): boolean {
  return ((set[c >> 5] ?? 0) & (1 << (c & 31))) !== 0;
}

function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let c = lo; c <= Math.min(hi, 127); c++) out.push(c);
  if (hi >= 128) out.push(NON_ASCII);
  return out;
}

function union(a: CharSet, b: CharSet): CharSet {
  if (a === NONE) return b;
  if (b === NONE) return a;
  const out = new Uint32Array(WORDS);
  for (let k = 0; k < WORDS; k++) out[k] = (a[k] ?? 0) | (b[k] ?? 0);
  return out;
}

/** The union of many sets, in one new set (or a shared one, when at most one is not empty). */
function unionAll(sets: readonly CharSet[]): CharSet {
  const some = sets.filter((x) => x !== NONE);
  if (some.length <= 1) return some[0] ?? NONE;
  const out = new Uint32Array(WORDS);
  for (const x of some) for (let k = 0; k < WORDS; k++) out[k] = (out[k] ?? 0) | (x[k] ?? 0);
  return out;
}

/** Everything but the set; every non-ASCII character stays in (a set lists only some of them). */
function complement(set: CharSet): CharSet {
  const out = new Uint32Array(WORDS);
  for (let k = 0; k < 4; k++) out[k] = ~(set[k] ?? 0);
  out[4] = 1; // NON_ASCII
  return out;
}

/** A case-insensitive regex's set: each letter in both cases. */
function bothCases(set: CharSet): CharSet {
  const out = set.slice();
  for (let c = 65; c <= 90; c++)
    if (has(set, c) || has(set, c + 32)) {
      out[c >> 5] = (out[c >> 5] ?? 0) | (1 << (c & 31));
      out[(c + 32) >> 5] = (out[(c + 32) >> 5] ?? 0) | (1 << ((c + 32) & 31));
    }
  return out;
}

const NONE = charSet();
const CODE_SETS = new Map<number, CharSet>();
const DIGIT = charSet(...range(48, 57));
const WORD = charSet(...range(48, 57), ...range(65, 90), ...range(97, 122), 95);
// \s: ASCII tab to carriage return and space, and some non-ASCII spaces.
const SPACE = charSet(...range(9, 13), 32, NON_ASCII);
const NAMED_CLASSES: Record<string, CharSet> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};
const NOT_LINE_END = charSet(...range(0, 9), ...range(11, 12), ...range(14, 128));

/** Products of sets of classes (first × second, or first × second × third). */
type Product = readonly CharSet[];
/**
 * Products as a tree, flattened once, at the end (concatenating lists at every node would cost quadratic time): a
 * product, a list of trees, or a tree's products each with a set put before or after it (the triples of a sequence).
 */
type Products = readonly (Product | Products | Extended)[];
interface Extended {
  before: CharSet | null;
  tree: Products;
  after: CharSet | null;
}

/** What a node of a pattern says about where a match can start and what every match holds. */
interface Shape {
  /** It can match the empty string. */
  empty: boolean;
  /** Classes of the first character it consumes. */
  first: CharSet;
  /** Classes of the character when it consumes exactly one. */
  single: CharSet;
  /** Its first two characters when it consumes two or more. */
  pairs: Products;
  /** Its two characters when it consumes exactly two. */
  doubles: Products;
  /** Its first three characters when it consumes three or more. */
  triples: Products;
  /** Every match starts at a word boundary (\b) or at a line start (^); neither is known when both are false. */
  boundary: boolean;
  line: boolean;
  /** All it can match, when that is a few strings (case as written); else null. */
  exact: readonly string[] | null;
  /** Strings one of which every match holds (case as written), or null. */
  needs: Needs | null;
}

const MAX_EXACT = 16;

const EMPTY: Shape = {
  empty: true,
  first: NONE,
  single: NONE,
  pairs: [],
  doubles: [],
  triples: [],
  boundary: false,
  line: false,
  exact: [''],
  needs: null,
};

function atom(set: CharSet, exact: string | null): Shape {
  return { ...EMPTY, empty: false, first: set, single: set, exact: exact === null ? null : [exact] };
}

/** Strings one of which every match holds, with the length of the shortest (how selective they are). */
interface Needs {
  strings: readonly string[];
  shortest: number;
}

function needsOf(strings: readonly string[] | null): Needs | null {
  if (!strings || strings.length === 0) return null;
  const shortest = Math.min(...strings.map((x) => x.length));
  return shortest > 0 ? { strings, shortest } : null;
}

/** The more selective of two needs: the one whose shortest string is longer. */
function better(a: Needs | null, b: Needs | null): Needs | null {
  return (b?.shortest ?? 0) > (a?.shortest ?? 0) ? b : a;
}

function sequence(a: Shape, b: Shape): Shape {
  if (a === EMPTY) return b; // the start of every sequence: nothing before b
  const exact = a.exact && b.exact ? product(a.exact, b.exact) : null;
  return {
    empty: a.empty && b.empty,
    first: a.empty ? union(a.first, b.first) : a.first,
    single: union(b.empty ? a.single : NONE, a.empty ? b.single : NONE),
    pairs: a.empty ? [a.pairs, [a.single, b.first], b.pairs] : [a.pairs, [a.single, b.first]],
    doubles: [b.empty ? a.doubles : [], [a.single, b.single], a.empty ? b.doubles : []],
    triples: [
      a.triples,
      b.first === NONE ? [] : [{ before: null, tree: a.doubles, after: b.first }],
      a.single === NONE ? [] : [{ before: a.single, tree: b.pairs, after: null }],
      a.empty ? b.triples : [],
    ],
    // What the first node says of the match's start holds whatever follows.
    boundary: a === EMPTY ? b.boundary : a.boundary,
    line: a === EMPTY ? b.line : a.line,
    exact,
    needs: better(better(a.needs, b.needs), exact && needsOf(exact)),
  };
}

/** Every string of a followed by one of b, or null when that is more than MAX_EXACT. */
function product(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_EXACT) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out;
}

function alternation(shapes: readonly Shape[]): Shape {
  const exact = shapes.every((s) => s.exact) ? shapes.flatMap((s) => s.exact ?? []) : null;
  const needs = shapes.every((s) => s.needs) ? needsOf(shapes.flatMap((s) => s.needs?.strings ?? [])) : null;
  return {
    empty: shapes.some((s) => s.empty),
    first: unionAll(shapes.map((s) => s.first)),
    single: unionAll(shapes.map((s) => s.single)),
    pairs: shapes.map((s) => s.pairs),
    doubles: shapes.map((s) => s.doubles),
    triples: shapes.map((s) => s.triples),
    boundary: shapes.every((s) => s.boundary || s.line) && shapes.some((s) => s.boundary),
    line: shapes.every((s) => s.boundary || s.line) && shapes.some((s) => s.line),
    exact: exact && exact.length <= MAX_EXACT ? exact : null,
    needs: better(needs, exact && exact.length <= MAX_EXACT ? needsOf(exact) : null),
  };
}

/**
 * X{min,max}: as X, X X or X X X (at most three copies reach the first three characters; more copies than that only
 * add characters after them, or nothing).
 */
function repeat(x: Shape, min: number, max: number): Shape {
  if (max === 0) return EMPTY;
  const copies = [x];
  if (max >= 2) copies.push(sequence(x, x));
  if (max >= 3) copies.push(sequence(copies[1] ?? x, x));
  return {
    ...x,
    empty: min === 0 || x.empty,
    single: unionAll(copies.map((c) => c.single)),
    pairs: copies.map((c) => c.pairs),
    doubles: copies.map((c) => c.doubles),
    triples: copies.map((c) => c.triples),
    // A node that can be skipped says nothing of where the match starts, nor of what it holds.
    boundary: min >= 1 && x.boundary,
    line: min >= 1 && x.line,
    exact: min === 1 && max === 1 ? x.exact : null,
    needs: min >= 1 ? x.needs : null,
  };
}

// Characters that are no plain character of a pattern, and those that make the one before them repeated.
const SPECIAL = codeFlags('\\^$.|?*+()[]{}');
const REPEATS = codeFlags('*+?{');

function codeFlags(chars: string): Uint8Array {
  const flags = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) flags[chars.charCodeAt(i)] = 1;
  return flags;
}

const QUANTIFIER = /(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})/y;

/** Raised at load for a pattern this reader does not know: that regex is then scanned the ordinary way. */
export class UnsupportedPatternError extends Error {
  override name = 'UnsupportedPatternError';
}

/** A reader of regex patterns without the u flag, enough to know where a match can start and what it holds. */
class PatternReader {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
  ) {}

  /** The pattern's top-level alternatives. */
  read(): Shape[] {
    const parts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      parts.push(this.sequence());
    }
    if (this.i !== this.src.length) throw new UnsupportedPatternError(`unexpected ) at ${this.i}`);
    return parts;
  }

  private alternatives(): Shape {
    const parts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      parts.push(this.sequence());
    }
    return parts.length === 1 ? (parts[0] ?? EMPTY) : alternation(parts);
  }

  private sequence(): Shape {
    let shape = EMPTY;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')')
      shape = sequence(shape, this.word() ?? this.quantified());
    return shape;
  }

  /** A run of two or more plain characters, none of them repeated ("error" in `error(?:s|ed)?`), read at once. */
  private word(): Shape | null {
    let j = this.i;
    while (j < this.src.length && !SPECIAL[this.src.charCodeAt(j)] && !REPEATS[this.src.charCodeAt(j + 1)])
      j++;
    // The character before a quantifier or a group is left to quantified(): it may be repeated.
    if (j - this.i < 2) return null;
    const run = this.src.slice(this.i, j);
    this.i = j;
    const first = this.codeSet(run.charCodeAt(0));
    const second = this.codeSet(run.charCodeAt(1));
    return {
      empty: false,
      first,
      single: NONE,
      pairs: [[first, second]],
      doubles: run.length === 2 ? [[first, second]] : [],
      triples: run.length >= 3 ? [[first, second, this.codeSet(run.charCodeAt(2))]] : [],
      boundary: false,
      line: false,
      exact: [run],
      needs: { strings: [run], shortest: run.length },
    };
  }

  private quantified(): Shape {
    const item = this.atom();
    QUANTIFIER.lastIndex = this.i;
    const q = QUANTIFIER.exec(this.src);
    if (!q) return item;
    this.i += q[0].length;
    if (this.src[this.i] === '?') this.i++; // lazy: the same characters
    const min = q[1] === '+' ? 1 : q[1] ? 0 : Number(q[2]);
    const max = q[1] === '?' ? 1 : q[1] ? Infinity : q[3] ? (q[4] ? Number(q[4]) : Infinity) : min;
    return repeat(item, min, max);
  }

  private atom(): Shape {
    const c = this.src[this.i];
    if (c === '(') return this.group();
    if (c === '[') return this.set(this.charClass(), null);
    this.i++;
    switch (c) {
      case '.':
        return this.set(NOT_LINE_END, null);
      case '^':
        return { ...EMPTY, line: true };
      case '$':
        return { ...EMPTY };
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        throw new UnsupportedPatternError(`nothing to repeat at ${this.i}`);
      default:
        return this.literal(c ?? '');
    }
  }

  private set(set: CharSet, exact: string | null): Shape {
    return atom(this.ignoreCase ? bothCases(set) : set, exact);
  }

  private literal(ch: string): Shape {
    return atom(this.codeSet(ch.charCodeAt(0)), ch);
  }

  /** The set of one character (both cases under the i flag), shared: most of a pattern is such characters. */
  private codeSet(code: number): CharSet {
    const c = Math.min(code, NON_ASCII);
    const key = this.ignoreCase ? c + CLASSES : c;
    let set = CODE_SETS.get(key);
    if (!set) {
      set = this.ignoreCase ? bothCases(charSet(c)) : charSet(c);
      CODE_SETS.set(key, set);
    }
    return set;
  }

  private group(): Shape {
    const rest = this.src.slice(this.i, this.i + 4);
    const look = /^\(\?<?[=!]/.exec(rest);
    if (look) this.i += look[0].length;
    else if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?<')) this.i = this.src.indexOf('>', this.i) + 1;
    else if (rest.startsWith('(?')) throw new UnsupportedPatternError(`group ${rest}`);
    else this.i += 1;
    const inner = this.alternatives();
    if (this.src[this.i] !== ')') throw new UnsupportedPatternError(`unclosed group at ${this.i}`);
    this.i++;
    // A lookaround consumes nothing (what it asks of the text is not used: that would only be an optimisation).
    return look ? { ...EMPTY } : inner;
  }

  /** An escape outside a class: \b says where a match starts, \d \w \s and their negations are classes. */
  private escape(): Shape {
    const c = this.src[this.i] ?? '';
    if (c === 'b') {
      this.i++;
      return { ...EMPTY, boundary: true };
    }
    if (c === 'B') {
      this.i++;
      return { ...EMPTY };
    }
    if (/[1-9k]/.test(c)) throw new UnsupportedPatternError(`backreference \\${c}`);
    const named = this.namedClass();
    if (named) return this.set(named, null);
    return this.literal(String.fromCharCode(this.escapedCode()));
  }

  /** \d \D \w \W \s \S (the backslash read), or null. */
  private namedClass(): CharSet | null {
    const set = NAMED_CLASSES[this.src[this.i] ?? ''];
    if (!set) return null;
    this.i++;
    return set;
  }

  /** The character of an escape such as \n, \x41, \u00e9 or \. (the backslash read). */
  private escapedCode(): number {
    const c = this.src[this.i++] ?? '';
    const codes: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
    const known = codes[c];
    if (known !== undefined) return known;
    const hex = c === 'x' ? 2 : c === 'u' ? 4 : 0;
    if (hex) {
      const digits = this.src.slice(this.i, this.i + hex);
      if (!/^[0-9a-f]+$/i.test(digits) || digits.length !== hex)
        throw new UnsupportedPatternError(`escape \\${c}${digits}`);
      this.i += hex;
      return Number.parseInt(digits, 16);
    }
    if (c === 'c' || c === '') throw new UnsupportedPatternError('control escape');
    return c.charCodeAt(0);
  }

  /** A [...] class: its characters (a negated class over-approximated, see complement). */
  private charClass(): CharSet {
    this.i++; // [
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    let set = NONE;
    while (this.src[this.i] !== ']') {
      if (this.i >= this.src.length) throw new UnsupportedPatternError('unclosed class');
      const lo = this.classAtom();
      if (typeof lo === 'number' && this.src[this.i] === '-' && this.src[this.i + 1] !== ']') {
        this.i++;
        const hi = this.classAtom();
        if (typeof hi === 'number') {
          if (hi < lo) throw new UnsupportedPatternError('range out of order');
          set = union(set, charSet(...range(lo, hi)));
        } else set = union(union(set, hi), charSet(...range(lo, lo), 45)); // [a-\d]: a literal "-" without the u flag
      } else set = union(set, typeof lo === 'number' ? charSet(...range(lo, lo)) : lo);
    }
    this.i++; // ]
    return negated ? complement(set) : set;
  }

  /** One character of a class (its code), or a class escape such as \w (its set). */
  private classAtom(): number | CharSet {
    const c = this.src[this.i++] ?? '';
    if (c !== '\\') return c.charCodeAt(0);
    const named = this.namedClass();
    if (named) return named;
    if (this.src[this.i] === 'b') {
      this.i++;
      return 8; // [\b] is a backspace
    }
    return this.escapedCode();
  }
}

/**
 * A regex's top-level alternatives as this reader sees them, or null when it is to be scanned the ordinary way
 * (a pattern it does not know, or one that can match the empty string).
 */
export function readPattern(re: RegExp): Shape[] | null {
  if (/[uv]/.test(re.flags)) return null;
  try {
    const alternatives = new PatternReader(re.source, re.flags.includes('i')).read();
    return alternatives.some((a) => a.empty) ? null : alternatives;
  } catch (e) {
    if (e instanceof UnsupportedPatternError) return null;
    throw e;
  }
}

/** The products of a tree, leaving out those with an empty factor (they stand for nothing). */
function flatten(products: Products, out: Product[] = []): Product[] {
  for (const p of products) {
    if (Array.isArray(p)) {
      if (p[0] instanceof Uint32Array) {
        if ((p as Product).every((set) => set !== NONE && members(set).length > 0)) out.push(p as Product);
      } else flatten(p as Products, out);
      continue;
    }
    const { before, tree, after } = p as Extended;
    for (const q of flatten(tree)) out.push(before ? [before, ...q] : after ? [...q, after] : q);
  }
  return out;
}

const membersOf = new WeakMap<CharSet, number[]>();
function members(set: CharSet): number[] {
  let out = membersOf.get(set);
  if (!out) {
    out = [];
    for (let c = 0; c < CLASSES; c++) if (has(set, c)) out.push(c);
    membersOf.set(set, out);
  }
  return out;
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

// Triples are looked up by a hash, in a table of 2^TRIPLE_BITS masks (two triples in one slot only cost a try).
const TRIPLE_BITS = 15;
/** A bit with more triples than this (a class such as [A-Z]{2,} first) is not filtered by its triples. */
const MAX_TRIPLES = 4000;

function tripleIndex(x: number, y: number, z: number): number {
  return Math.imul((x << 16) | (y << 8) | z, 0x9e3779b1) >>> (32 - TRIPLE_BITS);
}

/** A code's class, lower-cased: triples are kept case-folded (a superset for a case-sensitive regex). */
function lower(c: number): number {
  return c >= 128 ? NON_ASCII : c >= 65 && c <= 90 ? c + 32 : c;
}

const lowerCasedOf = new WeakMap<CharSet, number[]>();
function lowerCased(set: CharSet): number[] {
  let out = lowerCasedOf.get(set);
  if (!out) {
    out = [...new Set(members(set).map(lower))];
    lowerCasedOf.set(set, out);
  }
  return out;
}

/** An alternative with more starting pairs than this, and strings that every match holds, gets a bit of its own. */
const BROAD = 400;
const escapeRegex = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/**
 * The scanner for a list of regexes (built once; scan is the hot path).
 *
 * @example new RuleScan([/\bfoo/i, /bar\d/]).scan('Foo bar1', hits) // hits: [[0], [4]]
 */
export class RuleScan {
  /**
   * Per pair of classes (first × ROW + second), three masks of bits: the regexes that can start with that pair
   * anywhere, only at a word boundary, only at a line start.
   */
  private readonly table: Int32Array;
  /** Per first class, which of the three masks have a bit for some pair it begins (1 anywhere, 2 boundary, 4 line). */
  private readonly starts = new Uint8Array(CLASSES);
  /** Per bit, the regex it tries (anchored: the y flag) and the rule it is; a rule can have more than one bit. */
  private readonly anchored: RegExp[] = [];
  private readonly ruleOfBit: number[] = [];
  /**
   * Per hash of three classes, lower-cased (see tripleIndex), the bits that can start with such a triple; bits in
   * anyTriple have no such filter (a match of one or two characters, or too many triples to list).
   */
  private readonly triples: Int32Array;
  private anyTriple = 0;
  /** Per pair (first × ROW + second), the bits that can match one or two characters from there (no triple asked). */
  private readonly short: Int32Array;
  /** Bits that only count in texts where their gate matches (one of the strings every match holds). */
  private readonly gates: (readonly [bit: number, gate: RegExp])[] = [];
  /** Regexes scanned the ordinary way (g flag). */
  private readonly whole: (readonly [rule: number, re: RegExp])[] = [];
  /** Per rule, where its g-flag scan goes on from, and where it was last tried. */
  private readonly from: Int32Array;
  private readonly tried: Int32Array;

  /** A scanner that reads none of the patterns: each regex scanned the ordinary way (no cost to build). */
  static unread(regexes: readonly RegExp[]): RuleScan {
    return new RuleScan(regexes, false);
  }

  constructor(regexes: readonly RegExp[], read = true) {
    this.from = new Int32Array(regexes.length);
    this.tried = new Int32Array(regexes.length);
    // The tables (some 400 KB) only when the patterns are read.
    this.table = new Int32Array(read ? CLASSES * ROW * 3 : 0);
    this.triples = new Int32Array(read ? 1 << TRIPLE_BITS : 0);
    this.short = new Int32Array(read ? CLASSES * ROW : 0);
    const alternativesOf = new Map<number, Shape[]>();
    regexes.forEach((re, rule) => {
      const alternatives = read ? readPattern(re) : null;
      const count = (a: Shape) =>
        flatten(a.pairs).reduce((n, [f = NONE, s = NONE]) => n + members(f).length * members(s).length, 0) +
        members(a.single).length * ROW;
      const own = alternatives?.filter((a) => a.needs && count(a) > BROAD) ?? [];
      const bitsNeeded = 1 + own.length;
      if (!alternatives || this.anchored.length + bitsNeeded > 32) {
        this.whole.push([rule, new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)]);
        return;
      }
      const anchored = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
      const newBit = () => {
        const bit = 1 << this.anchored.length;
        this.anchored.push(anchored);
        this.ruleOfBit.push(rule);
        return bit;
      };
      const main = newBit();
      for (const a of alternatives) {
        const bit = own.includes(a) ? newBit() : main;
        if (bit !== main)
          this.gates.push([
            bit,
            new RegExp(
              (a.needs?.strings ?? []).map(escapeRegex).join('|'),
              re.flags.includes('i') ? 'i' : '',
            ),
          ]);
        this.add(a, bit);
        alternativesOf.set(bit, [...(alternativesOf.get(bit) ?? []), a]);
      }
    });
    for (const [bit, alternatives] of alternativesOf) this.addTriples(alternatives, bit);
    for (let x = 0; x < CLASSES; x++)
      for (let y = 0; y < ROW; y++)
        for (let kind = 0; kind < 3; kind++)
          if (this.table[(x * ROW + y) * 3 + kind]) this.starts[x] = (this.starts[x] ?? 0) | (1 << kind);
  }

  /** A bit's triples, or the bit in anyTriple when a match of it can be shorter than three or they are too many. */
  private addTriples(alternatives: readonly Shape[], bit: number): void {
    const products = alternatives.flatMap((a) => flatten(a.triples));
    const count = products.reduce((n, p) => n + p.reduce((m, set) => m * lowerCased(set).length, 1), 0);
    if (count > MAX_TRIPLES) {
      this.anyTriple |= bit;
      return;
    }
    // Where a match of one or two characters can start, no third character is asked for.
    for (const a of alternatives) {
      for (const x of members(a.single)) for (let y = 0; y < ROW; y++) this.markShort(x * ROW + y, bit);
      for (const [f = NONE, s = NONE] of flatten(a.doubles))
        for (const x of members(f)) for (const y of members(s)) this.markShort(x * ROW + y, bit);
    }
    for (const [f, s, t] of products) {
      const seconds = lowerCased(s ?? NONE);
      const thirds = lowerCased(t ?? NONE);
      for (const x of lowerCased(f ?? NONE))
        for (const y of seconds)
          for (const z of thirds) {
            const at = tripleIndex(x, y, z);
            this.triples[at] = (this.triples[at] ?? 0) | bit;
          }
    }
  }

  private markShort(at: number, bit: number): void {
    this.short[at] = (this.short[at] ?? 0) | bit;
  }

  private mark(at: number, bit: number): void {
    this.table[at] = (this.table[at] ?? 0) | bit;
  }

  private add(a: Shape, bit: number): void {
    const table = a.boundary ? 1 : a.line ? 2 : 0;
    for (const [f = NONE, s = NONE] of flatten(a.pairs)) {
      const seconds = members(s);
      for (const x of members(f)) for (const y of seconds) this.mark((x * ROW + y) * 3 + table, bit);
    }
    // A match of one character can be followed by anything, or end the text.
    for (const x of members(a.single))
      for (let y = 0; y < ROW; y++) this.mark((x * ROW + y) * 3 + table, bit);
    if (a.boundary && a.line) this.add({ ...a, boundary: false }, bit);
  }

  /** How many of the regexes are scanned the ordinary way (the rest in the one pass). */
  get unanalysed(): number {
    return this.whole.length;
  }

  /** Fills hits[k] (emptied first) with the start of every match of regex k, in order, as a g-flag scan finds them. */
  scan(text: string, hits: number[][]): void {
    for (const h of hits) if (h.length !== 0) h.length = 0; // most are empty: setting a length is not free
    const { from, tried, table, anchored, ruleOfBit } = this;
    from.fill(0);
    tried.fill(-1);
    let live = -1;
    for (const [bit, gate] of this.gates) if (!gate.test(text)) live &= ~bit;
    const n = this.anchored.length > 0 ? text.length : 0; // nothing to try in one pass: only the ordinary scans
    let prevWord = false;
    let lineStart = true;
    const { starts, triples, anyTriple, short } = this;
    for (let p = 0; p < n; p++) {
      const c = text.charCodeAt(p);
      const word = isWordCode(c);
      const kinds = starts[c < 128 ? c : NON_ASCII] ?? 0;
      const boundary = word !== prevWord;
      prevWord = word;
      // Inside a word no regex that starts at a boundary can start, and few start anywhere: most places end here.
      if ((kinds & (1 | (boundary ? 2 : 0) | (lineStart ? 4 : 0))) === 0) {
        lineStart = c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
        continue;
      }
      const next = p + 1 < n ? text.charCodeAt(p + 1) : -1;
      const pair = (c < 128 ? c : NON_ASCII) * ROW + (next < 0 ? END : next < 128 ? next : NON_ASCII);
      const at = pair * 3;
      let bits =
        (table[at] ?? 0) | (boundary ? (table[at + 1] ?? 0) : 0) | (lineStart ? (table[at + 2] ?? 0) : 0);
      lineStart = c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
      bits &= live;
      if (bits !== 0 && p + 2 < n) {
        const third = text.charCodeAt(p + 2);
        bits &=
          (triples[tripleIndex(lower(c), lower(next), lower(third))] ?? 0) | anyTriple | (short[pair] ?? 0);
      }
      while (bits !== 0) {
        const bit = bits & -bits;
        bits ^= bit;
        const k = 31 - Math.clz32(bit);
        const rule = ruleOfBit[k] ?? 0;
        // Inside the rule's last match (the g-flag scan went on from its end), or tried here already.
        if (p < (from[rule] ?? 0) || tried[rule] === p) continue;
        tried[rule] = p;
        const re = anchored[k] as RegExp;
        re.lastIndex = p;
        if (re.test(text)) {
          hits[rule]?.push(p);
          from[rule] = re.lastIndex;
        }
      }
    }
    for (const [rule, re] of this.whole) {
      const out = hits[rule] ?? [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) re.lastIndex++;
        out.push(m.index);
      }
    }
  }
}
