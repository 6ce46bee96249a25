import type { MetricDefinition } from './metric-definition.js';

/**
 * A value against the study's figures: `target_met` (at or better than the target), `better_than_average`
 * (at or better than the industry average, short of the target), `worse_than_average`, `target_missed`
 * (only a target exists and it is not met), `no_benchmark`, or `not_measured` when the data is missing.
 */
export type MetricStatus =
  | 'target_met'
  | 'better_than_average'
  | 'worse_than_average'
  | 'target_missed'
  | 'no_benchmark'
  | 'not_measured';

/**
 * Compares a metric value with its benchmark and target, in the metric's better direction.
 *
 * @example metricStatus(catalogueEntry('csat'), 0.9) // 'better_than_average'
 */
export function metricStatus(
  def: Pick<MetricDefinition, 'better' | 'benchmark' | 'target'>,
  value: number | null,
): MetricStatus {
  if (value === null) return 'not_measured';
  if (def.better === 'neither' || (def.benchmark === undefined && def.target === undefined))
    return 'no_benchmark';
  const atLeast = (a: number, b: number) => (def.better === 'higher' ? a >= b : a <= b);
  if (def.target !== undefined && atLeast(value, def.target)) return 'target_met';
  if (def.benchmark !== undefined)
    return atLeast(value, def.benchmark) ? 'better_than_average' : 'worse_than_average';
  return 'target_missed';
}
