/**
 * Prints the scorer's precision and recall per item on the labelled fixture, as the Markdown table in
 * the README. Run: npx tsx packages/core/scripts/evaluate-scorer.ts [--messy] [--misses ITEM]
 */
import { readFileSync } from 'node:fs';
import {
  DEFAULT_RUBRIC,
  detectItem,
  evaluateScorer,
  firstMessageText,
  type ItemId,
  type LabelledTicket,
} from '../src/index.js';

const set = process.argv.includes('--messy') ? 'labelled-messy-tickets.json' : 'labelled-tickets.json';
const labelled = JSON.parse(
  readFileSync(new URL(`../src/completeness/fixtures/${set}`, import.meta.url), 'utf8'),
) as LabelledTicket[];
const r = evaluateScorer(labelled);
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
console.log(`${r.tickets} labelled tickets; issue type accuracy ${pct(r.issueTypeAccuracy)}\n`);
console.log('| Item | Present in | Precision | Recall |');
console.log('| --- | ---: | ---: | ---: |');
for (const i of r.items)
  console.log(
    `| \`${i.id}\` | ${i.truePositives + i.falseNegatives} | ${pct(i.precision)} | ${pct(i.recall)} |`,
  );
console.log('\nissue type (label→inferred):', JSON.stringify(r.confusion));

const which = process.argv.indexOf('--misses');
if (which > 0) {
  const id = process.argv[which + 1] as ItemId;
  for (const t of labelled) {
    const description = t.body !== undefined ? firstMessageText(t.body) : (t.description ?? '');
    const ev = detectItem(
      id,
      { subject: t.subject, description },
      DEFAULT_RUBRIC,
      `${t.subject}\n${description}`,
    );
    if ((ev !== null) !== t.labels.items[id])
      console.log(
        `\n${ev ? 'FP' : 'FN'} ${t.id}: ${ev ? ev.snippet : `${t.subject} | ${description.slice(0, 400)}`}`,
      );
  }
}
