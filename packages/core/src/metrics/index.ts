/**
 * Metrics: the catalogue's lookups, computeMetrics over cases, the counters and rollups the store sums
 * (prepareCaseRecord, caseRollup) and metricsFromCounters, day windows. Only what other packages use; core's own
 * modules, tests and scripts import the files directly.
 */
export { type CaseRecord, type CompletenessVerdict, prepareCaseRecord, verdictOf } from './case-record.js';
export { findMetric, getMetricDefinition, type MetricId } from './catalogue-lookup.js';
export { COMPUTED_FROM, computeMetrics, metricsFromCounters } from './compute-metrics.js';
export { addCounters, COUNTER_NAMES, type Counters, emptyCounters, isSolved } from './counters.js';
export type { MetricDefinition } from './metric-definition.js';
export { type MetricResult, metricResult } from './metric-result.js';
export { caseRollup, expandContribution, type RollupDelta, rollupChange } from './rollup.js';
export { lastDays, previousWindow, windowDays } from './window.js';
