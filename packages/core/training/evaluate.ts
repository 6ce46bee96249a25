/**
 * How good the shipped completeness model is, on the corpus's test split (never trained or tuned on), per part of the
 * corpus, and on the training split for comparison: per-item precision, recall and F1, micro-F1, issue-type accuracy
 * and confusion, and the verdicts a reader was sure of. Prints Markdown (the README's tables come from here).
 * Run: npx tsx packages/core/training/evaluate.ts [--split test|train|all] [--misses ITEM]
 */
import { detectItems } from '../src/completeness/detect-items.js';
import { type JudgedCase, measureScorer, type ScorerQuality } from '../src/completeness/evaluate.js';
import { ISSUE_TYPES } from '../src/completeness/model.js';
import type { ItemId } from '../src/completeness/rubric-schema.js';
import { type LabelledCase, loadCorpus } from './corpus.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const split = arg('--split') ?? 'test';
const corpus = loadCorpus();
const chosen = corpus.filter((c) => split === 'all' || c.split === split);
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(0)}%`);
const f2 = (v: number | null) => (v === null ? '—' : v.toFixed(2));

function table(title: string, q: ScorerQuality) {
  console.log(`\n### ${title}: ${q.cases} cases\n`);
  console.log(
    `Item micro-F1 **${f2(q.micro.f1)}** (precision ${f2(q.micro.precision)}, recall ${f2(q.micro.recall)}); ` +
      `issue type right **${pct(q.issueTypeAccuracy)}**; sure verdicts right ${q.verdicts.judged - q.verdicts.wrong.length}/${q.verdicts.judged}` +
      (q.verdicts.wrong.length ? ` (wrong: ${q.verdicts.wrong.join(', ')})` : '') +
      `; complete by the labels ${pct(q.completeShare.labelled)}, as scored ${pct(q.completeShare.scored)}`,
  );
  console.log('\n| Item | In | Precision | Recall | F1 |\n| --- | ---: | ---: | ---: | ---: |');
  for (const i of q.items)
    console.log(
      `| \`${i.id}\` | ${i.truePositives + i.falseNegatives} | ${pct(i.precision)} | ${pct(i.recall)} | ${f2(i.f1)} |`,
    );
  console.log(
    `\n| Labelled ↓ / inferred → | ${ISSUE_TYPES.join(' | ')} |\n| --- | ${ISSUE_TYPES.map(() => '---:').join(' | ')} |`,
  );
  for (const from of ISSUE_TYPES)
    console.log(`| ${from} | ${ISSUE_TYPES.map((to) => q.confusion[`${from}→${to}`] ?? 0).join(' | ')} |`);
}

const sets = [...new Set(chosen.map((c) => c.set))].sort();
console.log(
  `Corpus: ${corpus.length} labelled cases (${corpus.filter((c) => c.split === 'test').length} in the test split).`,
);
table(`All parts, ${split} split`, measureScorer(chosen));
const real = chosen.filter(
  (c) =>
    !['fixture', 'messy'].includes(c.set) &&
    !c.source.startsWith('kaggle') &&
    !c.source.startsWith('multilang'),
);
table(`Public issue threads and forum posts only, ${split} split`, measureScorer(real));
for (const set of sets) {
  const q = measureScorer(chosen.filter((c) => c.set === set));
  console.log(
    `\n${set}: ${q.cases} cases, micro-F1 ${f2(q.micro.f1)}, type ${pct(q.issueTypeAccuracy)}, complete by the labels ${pct(q.completeShare.labelled)}, as scored ${pct(q.completeShare.scored)}`,
  );
}

const misses = arg('--misses') as ItemId | undefined;
if (misses)
  for (const c of chosen as (LabelledCase & JudgedCase)[]) {
    if (c.ignore.has(misses)) continue;
    const ev = detectItems({ subject: c.subject, description: c.description })[misses];
    if ((ev !== null) !== c.items.has(misses))
      console.log(
        `\n${ev ? 'FP' : 'FN'} ${c.id}: ${ev ? ev.snippet : `${c.subject} | ${c.description.slice(0, 300).replace(/\s+/g, ' ')}`}`,
      );
  }
