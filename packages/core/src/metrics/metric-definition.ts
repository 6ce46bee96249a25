/** How a metric's value is expressed. Ratios are fractions between 0 and 1; times are hours. */
export type MetricUnit = 'ratio' | 'hours' | 'count' | 'score' | 'currency' | 'distribution';

/** One entry of the metric catalogue: what the study defines, and the data needed to compute it. */
export interface MetricDefinition {
  id: string;
  name: string;
  definition: string;
  formula: string;
  unit: MetricUnit;
  better: 'higher' | 'lower' | 'neither';
  /** The study's industry average, in `unit`. */
  benchmark?: number;
  /** The study's target / best-practice level, in `unit`. */
  target?: number;
  benchmarkNote?: string;
  needs: readonly string[];
  source: string;
}
