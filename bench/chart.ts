/**
 * Slack chart benchmark: the trend chart drawn and encoded as a PNG (what GET /slack/charts/… does for each image
 * Slack fetches), against a baseline in the same run: the same encoder on a blank canvas of the same size (the
 * encoding floor). Prints median and p99 time, bytes, and the ratios; asserts nothing.
 */
import { Raster } from '../packages/slack-bot/src/charts/raster.js';
import {
  CHART_SIZE,
  type TrendChartSpec,
  trendChartPng,
} from '../packages/slack-bot/src/charts/trend-chart.js';
import { BenchTable, median, ms, pct } from './support/table.js';

const spec: TrendChartSpec = {
  metricId: 'first_contact_resolution',
  labels: ['10-05', '10-12', '10-19', '10-26', '11-02', '11-09', '11-16', '11-23'],
  values: [0.42, 0.45, null, 0.51, 0.55, 0.5, 0.58, 0.61],
  previous: [0.4, 0.41, 0.39, 0.44, 0.43, 0.42, 0.45, 0.44],
  benchmark: 0.47,
  target: 0.7,
};
const RUNS = Number(process.env.BENCH_CHARTS ?? 300);

function time(f: () => Uint8Array): { times: number[]; bytes: number } {
  let bytes = 0;
  for (let i = 0; i < 20; i++) bytes = f().length; // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    bytes = f().length;
    times.push(performance.now() - t0);
  }
  return { times, bytes };
}

const chart = time(() => trendChartPng(spec));
const blank = time(() => new Raster(CHART_SIZE.width, CHART_SIZE.height, [[255, 255, 255]]).png());
const bench = new BenchTable();
bench.add(
  'chart PNG, median',
  ms(median(chart.times)),
  '≤ 10 ms (Workers free CPU)',
  `${(median(chart.times) / 10).toFixed(2)}×`,
);
bench.add('chart PNG, p99', ms(pct(chart.times, 0.99)), '', '');
bench.add('blank PNG (baseline), median', ms(median(blank.times)), '', '1.00×');
bench.add('chart vs baseline', '', '', `${(median(chart.times) / median(blank.times)).toFixed(1)}×`);
bench.add(
  'chart PNG, bytes',
  `${chart.bytes.toLocaleString('en-US')} B`,
  '≤ 50 KB',
  `${(chart.bytes / 50_000).toFixed(2)}×`,
);
bench.add(
  'blank PNG (baseline), bytes',
  `${blank.bytes.toLocaleString('en-US')} B`,
  '',
  `${(chart.bytes / blank.bytes).toFixed(1)}× (chart)`,
);
bench.print(`${CHART_SIZE.width}×${CHART_SIZE.height} px, ${RUNS} runs`);
