import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSchema } from './case/case-schema.js';
import { firstMessageText } from './case/plain-text.js';
import { scoreCompleteness } from './completeness/score.js';
import { importCases } from './importers/import-cases.js';
import { IMPORT_FORMATS, ImportError } from './importers/import-result.js';
import { computeMetrics } from './metrics/compute-metrics.js';
import { sharedText } from './test-support/shared-data.js';

// Inbound text is hostile: whatever arrives, the parsers answer with a result or a named error, never a crash.
const RUNS = { numRuns: 300 };

describe('property: the scorer and the text cleaner take any text', () => {
  it('scoreCompleteness returns a well-formed result for any subject and description', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 2000 }),
        fc.string({ maxLength: 4000, unit: 'grapheme' }),
        (subject, description) => {
          const r = scoreCompleteness({ subject, description });
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
          expect(r.complete).toBe(r.missing.length === 0);
          expect(r.requestDraft === null).toBe(r.complete);
          for (const i of r.items) if (i.evidence) expect(i.evidence.snippet.length).toBeLessThanOrEqual(160);
        },
      ),
      RUNS,
    );
  });

  it('firstMessageText never grows HTML into text and never throws', () => {
    const html = fc.array(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<br>',
        '<blockquote>',
        '</blockquote>',
        '&amp;',
        '&#x1F600;',
        '&bogus;',
        '<',
        '>',
        'text ',
        '\n',
        'On Mon wrote:',
        '-- ',
        '<a <a',
      ),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(html, (parts) => {
        const out = firstMessageText(parts.join(''));
        expect(typeof out).toBe('string');
        expect(out).not.toMatch(/<(p|br|blockquote)>/);
      }),
      RUNS,
    );
  });
});

describe('property: importers report bad rows, never crash', () => {
  const kaggle = sharedText(
    'tickets_datasets/kaggle_customer_support_tickets/customer_support_tickets.csv',
  ).slice(0, 20_000);
  const zendesk = sharedText('zendesk_api/zenpy_GET_incremental_tickets_cursor.json');

  it.each(IMPORT_FORMATS)('%s: random input yields cases or bad rows, or one ImportError', (format) => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (text) => {
        try {
          for (const item of importCases(text, format))
            if (item.ok) expect(CaseSchema.safeParse(item.case).success).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('mutated real files: every row is a valid case or a reported bad row', () => {
    const mutate = (text: string) =>
      fc
        .array(fc.tuple(fc.nat(text.length), fc.nat(40), fc.string({ maxLength: 8 })), { maxLength: 12 })
        .map((edits) => {
          let t = text;
          for (const [at, del, ins] of edits) t = t.slice(0, at) + ins + t.slice(at + del);
          return t;
        });
    fc.assert(
      fc.property(mutate(kaggle), (text) => {
        let rows = 0;
        for (const item of importCases(text, 'kaggle-csv')) {
          rows++;
          if (item.ok) expect(CaseSchema.safeParse(item.case).success).toBe(true);
          else expect(item.reason.length).toBeGreaterThan(0);
        }
        expect(() => computeMetrics([])).not.toThrow();
        return rows >= 0;
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(mutate(zendesk), (text) => {
        try {
          for (const item of importCases(text, 'zendesk-json'))
            if (!item.ok) expect(item.reason.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 60 },
    );
  });
});
