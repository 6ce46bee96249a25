import type { MetricDefinition, MetricResult } from '@support-metrics/core';

/** A value in its unit: 82%, 27.5 h, 2.1; "not measured" when null (never 0 for missing data). */
export function formatValue(unit: MetricDefinition['unit'], value: number | null | undefined): string {
  if (value === null || value === undefined) return 'not measured';
  if (unit === 'ratio') return `${Math.round(value * 1000) / 10}%`;
  if (unit === 'hours') return `${value < 10 ? value.toFixed(1) : Math.round(value)} h`;
  if (unit === 'currency') return Math.round(value).toLocaleString('en-US');
  return `${Math.round(value * 10) / 10}`;
}

/**
 * The status icon of the study's comparison: ✅ at or better than the target, ➖ between the industry average and
 * the target, 🔻 worse than the industry average. A metric with an average but no target counts as ✅ when at or
 * better than the average (there is nothing higher to reach); ⚪ when there is no benchmark, ❔ when not measured.
 */
export function statusIcon(r: Pick<MetricResult, 'status' | 'target'>): string {
  switch (r.status) {
    case 'target_met':
      return '✅';
    case 'better_than_average':
      return r.target === null ? '✅' : '➖';
    case 'worse_than_average':
    case 'target_missed':
      return '🔻';
    case 'no_benchmark':
      return '⚪';
    default:
      return '❔';
  }
}

/** The study's figures for a metric: "target >80% · industry 47%". */
export function benchmarkText(
  def: Pick<MetricDefinition, 'unit' | 'better'>,
  r: Pick<MetricResult, 'benchmark' | 'target'>,
) {
  const parts: string[] = [];
  const cmp = def.better === 'higher' ? '≥' : '≤';
  if (r.target !== null) parts.push(`target ${cmp}${formatValue(def.unit, r.target)}`);
  if (r.benchmark !== null) parts.push(`industry ${formatValue(def.unit, r.benchmark)}`);
  return parts.join(' · ') || 'no benchmark';
}

/** Change against the previous period: "▲ 3.2 pts, better" (percentage points for rates). */
export function changeText(
  def: Pick<MetricDefinition, 'unit' | 'better'>,
  now: number | null,
  before: number | null,
): string {
  if (now === null || before === null) return 'no earlier value';
  const delta = now - before;
  const size = def.unit === 'ratio' ? Math.abs(delta) * 100 : Math.abs(delta);
  if (size < 0.05) return 'no change';
  const amount = def.unit === 'ratio' ? `${size.toFixed(1)} pts` : formatValue(def.unit, size);
  const better =
    def.better === 'neither' ? '' : delta > 0 === (def.better === 'higher') ? ', better' : ', worse';
  return `${delta > 0 ? '▲' : '▼'} ${amount}${better}`;
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A text sparkline of a series (one bar per point, scaled between its min and max; · where not measured).
 *
 * @example sparkline([0.4, 0.5, null, 0.8]) // '▁▃·█'
 */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return values.map(() => '·').join('');
  const min = Math.min(...known);
  const span = Math.max(...known) - min;
  return values
    .map((v) =>
      v === null ? '·' : BARS[span === 0 ? 3 : Math.round(((v - min) / span) * (BARS.length - 1))],
    )
    .join('');
}
