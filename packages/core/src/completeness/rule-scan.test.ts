import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../training/corpus.js';
import { csvObjects } from '../importers/csv.js';
import { SHARED_DATA } from '../test-support/shared-data.js';
import { RuleScan } from './rule-scan.js';
import { RULES } from './rules.js';

/** What the one pass must equal: each regex run with the g flag over the whole text, the start of every match. */
function gFlagStarts(regexes: readonly RegExp[], text: string): number[][] {
  return regexes.map((r) => {
    const re = new RegExp(r.source, r.flags.includes('g') ? r.flags : `${r.flags}g`);
    const out: number[] = [];
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      out.push(m.index);
    }
    return out;
  });
}

function scanStarts(scan: RuleScan, n: number, text: string): number[][] {
  const hits = Array.from({ length: n }, () => [] as number[]);
  scan.scan(text, hits);
  return hits;
}

const rules = RULES.map(([, re]) => re);
const ruleScan = new RuleScan(rules);

// Real first messages: the labelled corpus and real helpdesk tickets, as typed and also upper-cased, with non-breaking
// spaces and look-alike letters (ſ, K, İ: no ASCII letter to a regex without the u flag), and cut at odd places.
const corpus = loadCorpus().map((c) => `${c.subject}\n${c.description}`);
const tickets = [
  ...csvObjects(
    readFileSync(
      `${SHARED_DATA}tickets_datasets/multilang_tickets_tobi_bueck/aa_dataset-tickets-multi-lang-5-2-50-version.csv`,
      'utf8',
    ),
  ),
]
  .slice(0, 3000)
  .map(({ record }) => `${record.subject ?? ''}\n${(record.body ?? '').replaceAll('\\n', '\n')}`);
const variants = [...corpus, ...tickets].filter((_, i) => i % 5 === 0);
const texts = [
  ...corpus,
  ...tickets,
  ...variants.map((t) => t.toUpperCase()),
  ...variants.map((t) =>
    t.replace(/ /g, '\u00a0').replace(/s/g, 'ſ').replace(/k/g, '\u212a').replace(/i/g, 'İ'),
  ),
  ...variants.map((t, i) => t.slice((i * 7) % Math.max(1, t.length)).replace(/\. /g, '.\n    ')),
  '',
  'x',
  '\n',
];

describe('RuleScan', () => {
  it('reads every rule of rules.ts (none falls back to its own scan)', () => {
    expect(ruleScan.unanalysed).toBe(0);
  });

  it('scans rule by rule, reading no pattern, when built unread (the first texts a process scores)', () => {
    const unread = RuleScan.unread(rules);
    expect(unread.unanalysed).toBe(rules.length);
    for (const text of corpus.slice(0, 200))
      expect(scanStarts(unread, rules.length, text)).toEqual(gFlagStarts(rules, text));
  });

  it(`finds every rule's matches where a g-flag scan of each finds them, on ${texts.length} real texts`, () => {
    const wrong: string[] = [];
    for (const text of texts) {
      const expected = gFlagStarts(rules, text);
      const got = scanStarts(ruleScan, rules.length, text);
      got.forEach((starts, r) => {
        if (starts.join() !== expected[r]?.join()) wrong.push(`${RULES[r]?.[0]}: ${text.slice(0, 80)}`);
      });
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  // Regexes with the constructs the reader knows (classes, ranges, negations, quantifiers, lazy ones, lookarounds,
  // anchors with and without m, case with and without i) and some it does not (a backreference, the u flag, a
  // pattern that matches the empty string), over texts made of the characters they care about.
  const extra = [
    /\b(?:foo|bar)\b|^\s*baz/im,
    /[^a-z]{2}x/i,
    /(?<!\d)\d{3}(?!\d)/,
    /a|b/,
    /\$\d+(?:\.\d\d)?/,
    /[\w.-]+@[\w-]+\.\w+/,
    /x?y/,
    /(?:ab)+c/i,
    /[A-Z]{2,}\d/,
    /ab??c|\bc{2,3}?d/,
    /^x|y$/,
    /^(?:ab|c)d$/m,
    /\bfoo\w*bar\b/,
    /[-a]b|[\]x]y|[a-\d]z/,
    /\u00e9t\xe9|\u212a/i,
    /.b|\n\s/,
    /(?=ab)a|(?!c)c/,
    /(a)\1/,
    /\bfo+/u,
    /x*/,
    /(?:\bq|^r)s/m,
    /[\s\S]{2}!/,
    /\b[a-c]x|(?:q|r)[st]/i,
  ];
  const extraScan = new RuleScan(extra);
  const alphabet = [
    ...'abcdxyzqrsABCXYZ019 \n\t.!?-_$@éÉK\u212a[]',
    ...['foo', 'bar', 'baz', 'ab', 'cd', 'foobar', 'AB', 'FOO', 'Baz', 'ÉTÉ', 'été'],
  ];

  it('finds the same starts as a g-flag scan for any regex and text, and falls back where it cannot read one', () => {
    expect(extraScan.unanalysed).toBe(3); // the backreference, the u flag, the empty match
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(scanStarts(extraScan, extra.length, text)).toEqual(gFlagStarts(extra, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same starts as a g-flag scan for the rules on texts made of their words', () => {
    const words = [
      ...'error Error exception Exception failed version 4.2.1 Windows 11 since yesterday attached screenshot'.split(
        ' ',
      ),
      ...'how do I the app my Dyson Vacuum "quoted text" `code` ``` ERROR 0x80070005 HTTP 500 E42 step 1:'.split(
        ' ',
      ),
      ' ',
      '  ',
      '\n',
      '\n    ',
      '. ',
      '? ',
      '- ',
      '1. ',
      'ü',
      'Umgebung',
      'NullPointerException',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (parts) => {
        const text = parts.join(parts.length % 3 === 0 ? '' : ' ');
        expect(scanStarts(ruleScan, rules.length, text)).toEqual(gFlagStarts(rules, text));
      }),
      { numRuns: 2000 },
    );
  });
});
