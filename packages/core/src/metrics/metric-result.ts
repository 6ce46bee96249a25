import type { MetricDefinition, MetricUnit } from './metric-definition.js';
import { type MetricStatus, metricStatus } from './status.js';

export interface BreakdownEntry {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface MetricResult {
  id: string;
  name: string;
  unit: MetricUnit;
  /** Rates are fractions 0–1, times are hours; null when not measured (never 0 for missing data). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: MetricStatus;
  benchmark: number | null;
  target: number | null;
  /** For time metrics: the median and 90th percentile beside the mean. */
  median?: number | null;
  p90?: number | null;
  /** For distributions: each category's share of the total. */
  distribution?: Record<string, number>;
  breakdown?: Record<string, BreakdownEntry>;
  /** Why a metric is not measured: the data it needs. */
  reason?: string;
}

/**
 * A catalogue metric's result from what was computed: its status against the study's benchmark and target, or
 * `not_measured` with the reason when there is no value (and no distribution).
 *
 * @example metricResult(getMetricDefinition('retention'), { value: 0.8, numerator: 8, denominator: 10 })
 */
export function metricResult(def: MetricDefinition, partial: Partial<MetricResult>): MetricResult {
  const value = partial.value ?? null;
  const measured = value !== null || partial.distribution !== undefined;
  return {
    id: def.id,
    name: def.name,
    unit: def.unit,
    value,
    numerator: partial.numerator ?? null,
    denominator: partial.denominator ?? null,
    status: measured ? (value === null ? 'no_benchmark' : metricStatus(def, value)) : 'not_measured',
    benchmark: def.benchmark ?? null,
    target: def.target ?? null,
    ...(partial.median !== undefined ? { median: partial.median, p90: partial.p90 ?? null } : {}),
    ...(partial.distribution ? { distribution: partial.distribution } : {}),
    ...(partial.breakdown ? { breakdown: partial.breakdown } : {}),
    ...(measured ? {} : { reason: partial.reason ?? 'not measured' }),
  };
}
