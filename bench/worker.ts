/**
 * Worker benchmarks against local `wrangler dev` (workerd + local D1, loopback only); prints figures, asserts nothing.
 * BENCH_PARTS=ingest or metrics runs one part:
 *  - ingest (worker-ingest.ts): signed Zendesk webhooks per second, none lost;
 *  - metrics (worker-metrics.ts): /api/metrics and /support-metrics at 100k and 1M stored cases, against the naive way.
 */

import { BenchTable } from './support/table.js';
import { benchIngest } from './worker-ingest.js';
import { benchMetricsAtScale } from './worker-metrics.js';

const parts = (process.env.BENCH_PARTS ?? 'ingest,metrics').split(',');
const table = new BenchTable();
if (parts.includes('ingest')) await benchIngest(table);
if (parts.includes('metrics')) await benchMetricsAtScale(table);
table.print('wrangler dev on loopback');
