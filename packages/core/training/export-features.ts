/**
 * Writes the corpus's features for train.py: one JSON line per case (id, split, labels, feature hashes), computed by
 * the same textFeatures the scorer runs, so that training and inference cannot drift apart.
 * Run: npx tsx packages/core/training/export-features.ts > packages/core/training/.cache/features.jsonl
 */
import { textFeatures } from '../src/completeness/text-features.js';
import { loadCorpus } from './corpus.js';

for (const c of loadCorpus()) {
  const f = textFeatures(c.subject, c.description);
  process.stdout.write(
    `${JSON.stringify({
      id: c.id,
      set: c.set,
      split: c.split,
      issueType: c.issueType,
      items: [...c.items],
      ignore: [...c.ignore],
      features: [...f.doc].sort((a, b) => a - b),
    })}\n`,
  );
}
