import type { Counters, MetricId, MetricResult } from '@support-metrics/core';
import { addDays, metricsFromCounters } from '@support-metrics/core';
import type { WorkerConfig } from '@support-metrics/platform';
import { bucketed } from '../services/metrics-views.js';
import { chartPath } from './chart-url.js';
import { type TrendChartSpec, trendAltText } from './trend-chart.js';

/** The daily rollups a chart reads (the case store's `dailyCounters`). */
export interface DailyCountersReader {
  dailyCounters(
    tenantId: string,
    q: { from: string; to: string; filters?: Record<string, string> },
  ): Promise<ReadonlyMap<string, Counters>>;
}

/** A chart ready for an image block: its URL and its numbers in words. */
export interface ChartImage {
  url: string;
  altText: string;
  title: string;
}

/** Makes a chart's signed URL on this worker; null when the worker's address is not known. */
export type ChartUrlMaker = (spec: TrendChartSpec) => Promise<string>;

export const CHART_WEEKS = 8;

/**
 * The weekly series of several metrics from one read of the daily rollups: the `weeks` weeks ending `to`, and the
 * `weeks` before them (the previous period), each with the study's average and target from `results`.
 */
export async function trendSpecs(
  store: DailyCountersReader,
  tenantId: string,
  q: {
    metricIds: readonly MetricId[];
    to: string;
    filters?: Record<string, string>;
    results: Record<string, Pick<MetricResult, 'benchmark' | 'target'> | undefined>;
    weeks?: number;
  },
): Promise<Record<string, TrendChartSpec>> {
  const weeks = q.weeks ?? CHART_WEEKS;
  const daily = await store.dailyCounters(tenantId, {
    from: addDays(q.to, -(2 * weeks * 7 - 1)),
    to: q.to,
    ...(q.filters ? { filters: q.filters } : {}),
  });
  const buckets = bucketed(daily, q.to, 2 * weeks, 7).map((b) => ({
    to: b.to,
    metrics: metricsFromCounters(b.counters),
  }));
  const out: Record<string, TrendChartSpec> = {};
  for (const id of q.metricIds) {
    const value = (b: (typeof buckets)[number]) => b.metrics[id]?.value ?? null;
    out[id] = {
      metricId: id,
      labels: buckets.slice(weeks).map((b) => b.to.slice(5)),
      values: buckets.slice(weeks).map(value),
      previous: buckets.slice(0, weeks).map(value),
      benchmark: q.results[id]?.benchmark ?? null,
      target: q.results[id]?.target ?? null,
    };
  }
  return out;
}

/** The URL maker of a request: chart paths signed with the Slack signing secret, on the request's origin. */
export function chartUrlMaker(
  config: Pick<WorkerConfig, 'SLACK_SIGNING_SECRET'>,
  origin: string | null,
  now: () => number,
): ChartUrlMaker | null {
  const secret = config.SLACK_SIGNING_SECRET;
  if (!secret || !origin || !/^https?:\/\//.test(origin)) return null;
  return async (spec) => `${origin.replace(/\/$/, '')}${await chartPath(secret, spec, now())}`;
}

/** A spec as an image for Block Kit: its signed URL, alt text and title. */
export async function chartImage(
  make: ChartUrlMaker,
  spec: TrendChartSpec,
  title: string,
): Promise<ChartImage> {
  return { url: await make(spec), altText: trendAltText(spec), title };
}
