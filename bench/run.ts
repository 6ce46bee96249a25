/**
 * Benchmarks (`pnpm bench`): prints figures and ratios against the targets; asserts nothing.
 *  1. Completeness scoring throughput on real ticket texts (one core), and p50/p99 latency of a 50 KB ticket.
 *  2. computeMetrics over 1,000,000 generated cases streamed from a generator: time and peak memory.
 */
import { readFileSync } from 'node:fs';
import {
  type Case,
  CaseSchema,
  computeMetrics,
  csvObjects,
  importCases,
  scoreCompleteness,
} from '@support-metrics/core';
import { SHARED_DATA } from '@support-metrics/core/test-support';
import { BenchTable } from './support/table.js';

const DATA = `${SHARED_DATA}tickets_datasets/`;
const bench = new BenchTable();

// ── 1. scoring ──────────────────────────────────────────────────────────────────────────────────────
const texts: { subject: string; description: string }[] = [];
for (const { record } of csvObjects(
  readFileSync(`${DATA}kaggle_customer_support_tickets/customer_support_tickets.csv`, 'utf8'),
))
  texts.push({
    subject: record['Ticket Subject'] ?? '',
    description: (record['Ticket Description'] ?? '').replaceAll(
      '{product_purchased}',
      record['Product Purchased'] ?? '',
    ),
  });
for (const { record } of csvObjects(
  readFileSync(
    `${DATA}multilang_tickets_tobi_bueck/aa_dataset-tickets-multi-lang-5-2-50-version.csv`,
    'utf8',
  ),
))
  if (record.body?.trim())
    texts.push({ subject: record.subject ?? '', description: record.body.replaceAll('\\n', '\n') });
for (const { record } of csvObjects(readFileSync(`${DATA}it_support_all_tickets/all_tickets.csv`, 'utf8')))
  texts.push({ subject: record.title ?? '', description: record.body ?? '' });

for (let i = 0; i < 2000; i++) scoreCompleteness(texts[i % texts.length] ?? {}); // warm-up
const rounds = 3;
let t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const t of texts) scoreCompleteness(t);
const scoreMs = performance.now() - t0;
const perSecond = (rounds * texts.length) / (scoreMs / 1000);
bench.add(
  `scoring: ${texts.length} real tickets × ${rounds}`,
  `${Math.round(perSecond).toLocaleString('en-US')} cases/s`,
  '≥ 20,000 cases/s',
  `${(perSecond / 20_000).toFixed(2)}×`,
);
// The baseline, in the same run on the same texts: the least any bag-of-words reading does (lower-case, split into
// words, look each up in a 24,000-word table). Its figure moves with the host as the scorer's does, so the ratio
// between them says whether a slower figure is the code or the machine.
const wordsOf = (t: { subject: string; description: string }) =>
  `${t.subject} ${t.description}`.toLowerCase().split(/[^\p{L}\p{N}]+/u);
const table = new Map<string, number>();
for (const t of texts.slice(0, 4000))
  for (const w of wordsOf(t)) if (table.size < 24_000) table.set(w, table.size);
let found = 0;
const baselineRound = () => {
  for (const t of texts) for (const w of wordsOf(t)) if (table.has(w)) found++;
};
baselineRound(); // warm-up
t0 = performance.now();
for (let r = 0; r < rounds; r++) baselineRound();
const baselinePerSecond = (rounds * texts.length) / ((performance.now() - t0) / 1000);
if (found === 0) throw new Error('the baseline read nothing');
bench.add(
  'baseline, same texts: lower-case, split into words, look each up',
  `${Math.round(baselinePerSecond).toLocaleString('en-US')} cases/s`,
  '—',
  `scoring is ${(perSecond / baselinePerSecond).toFixed(2)}× of it`,
);

let big = '';
for (let i = 0; big.length < 50_000; i++) big += `${texts[i]?.description ?? ''}\n\n`;
big = big.slice(0, 50_000);
const lat: number[] = [];
for (let i = 0; i < 300; i++) {
  const s = performance.now();
  scoreCompleteness({ subject: 'Long thread', description: big });
  lat.push(performance.now() - s);
}
lat.sort((a, b) => a - b);
const q = (p: number) => lat[Math.min(lat.length - 1, Math.ceil(p * lat.length) - 1)] ?? 0;
bench.add('scoring: 50 KB ticket p50 / p99', `${q(0.5).toFixed(2)} / ${q(0.99).toFixed(2)} ms`, '—', '—');

// ── 1b. computeMetrics on imported cases, scoring each first message on the way (no stored verdict) ──
const kaggle = [
  ...importCases(
    readFileSync(`${DATA}kaggle_customer_support_tickets/customer_support_tickets.csv`, 'utf8'),
    'kaggle-csv',
  ),
].flatMap((i) => (i.ok ? [i.case] : []));
const imported = Array.from({ length: 20 }, () => kaggle).flat();
const t1 = performance.now();
computeMetrics(imported);
const importedMs = performance.now() - t1;
bench.add(
  `computeMetrics: ${imported.length.toLocaleString('en-US')} imported Kaggle cases, scoring included`,
  `${(importedMs / 1000).toFixed(2)} s (${Math.round(imported.length / (importedMs / 1000)).toLocaleString('en-US')} cases/s)`,
  '—',
  '—',
);

// ── 2. computeMetrics over 1M cases ────────────────────────────────────────────────────────────────
const N = 1_000_000;
const template = CaseSchema.parse({ id: '0', createdAt: '2026-01-01T00:00:00Z' });
const channels = ['email', 'web', 'chat', 'phone'] as const;
const groups = ['Tier1', 'Tier2', 'Engineering'];
let peakHeap = 0;
let peakRss = 0;
function* generate(): Generator<Case> {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const day0 = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < N; i++) {
    if (i % 50_000 === 0) {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }
    const created = day0 + Math.floor(rand() * 300) * 86_400_000 + Math.floor(rand() * 86_400_000);
    const solved = rand() < 0.8;
    const hours = rand() * 60;
    yield {
      ...template,
      id: String(i),
      createdAt: new Date(created).toISOString(),
      solvedAt: solved ? new Date(created + hours * 3_600_000).toISOString() : null,
      status: solved ? 'solved' : 'open',
      channel: channels[i % 4] ?? 'email',
      group: groups[i % 3] ?? null,
      issueType: 'bug',
      publicAgentReplies: 1 + Math.floor(rand() * 4),
      reopens: rand() < 0.1 ? 1 : 0,
      groupStations: 1 + Math.floor(rand() * 2),
      satisfaction: rand() < 0.5 ? 'good' : rand() < 0.2 ? 'bad' : null,
      resolutionHours: solved ? hours : null,
      completeness: { score: 70, complete: rand() < 0.5 },
    };
  }
}
// The generator's own cost (building 1M objects) is measured apart, so the metric time is what computeMetrics adds.
if (global.gc) global.gc();
const base = process.memoryUsage();
t0 = performance.now();
let n = 0;
for (const _ of generate()) n++;
const genMs = performance.now() - t0;
peakHeap = 0;
peakRss = 0;
if (global.gc) global.gc();
t0 = performance.now();
const report = computeMetrics(generate(), { groupBy: 'channel' });
const totalMs = performance.now() - t0;
const metricsMs = totalMs - genMs;
const heapMb = (peakHeap - base.heapUsed) / 2 ** 20;
bench.add(
  `computeMetrics: ${n.toLocaleString('en-US')} cases (+ generating them: ${(genMs / 1000).toFixed(2)} s)`,
  `${(metricsMs / 1000).toFixed(2)} s`,
  '≤ 2 s',
  `${(2000 / metricsMs).toFixed(2)}× under`,
);
bench.add(
  'computeMetrics: peak heap above start / peak RSS',
  `${heapMb.toFixed(0)} MB / ${(peakRss / 2 ** 20).toFixed(0)} MB`,
  '≤ 300 MB',
  `${(300 / Math.max(1, heapMb)).toFixed(1)}× under`,
);
if (report.metrics.first_contact_resolution?.value === null) throw new Error('benchmark computed nothing');

bench.print('one core used');
