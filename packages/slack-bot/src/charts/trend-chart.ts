import { getMetricDefinition, type MetricDefinition, type MetricId } from '@support-metrics/core';
import { formatValue } from '../blocks/format.js';
import { Raster, type Rgb } from './raster.js';

/**
 * What a trend chart shows: a metric's weekly values over the window (oldest first), the same weeks of the period
 * before, and the study's industry average and target. Everything the image shows is in here, so the alt text
 * can say it all and a signed URL can carry it (no stored image).
 */
export interface TrendChartSpec {
  metricId: MetricId;
  /** The end day of each week, `MM-DD`. */
  labels: string[];
  values: (number | null)[];
  /** The previous period's values, week for week (may be empty). */
  previous: (number | null)[];
  benchmark: number | null;
  target: number | null;
}

const WHITE: Rgb = [255, 255, 255];
/** Background, grid, axis text, this period, the previous period, the industry average, the target. */
const PALETTE: readonly Rgb[] = [
  WHITE,
  [229, 231, 235],
  [75, 85, 99],
  [29, 79, 145],
  [156, 163, 175],
  [217, 119, 6],
  [21, 128, 61],
];
const C = { bg: 0, grid: 1, text: 2, now: 3, previous: 4, industry: 5, target: 6 } as const;

export const CHART_SIZE = { width: 720, height: 260 } as const;

/** The value range on the y axis: the data, the average and the target, padded; rates within 0–100 %. */
function yRange(def: Pick<MetricDefinition, 'unit'>, spec: TrendChartSpec): [number, number] {
  const known = [...spec.values, ...spec.previous, spec.benchmark, spec.target].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  if (known.length === 0) return def.unit === 'ratio' ? [0, 1] : [0, 1];
  let lo = Math.min(...known);
  let hi = Math.max(...known);
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.1 || (def.unit === 'ratio' ? 0.05 : 1);
  lo -= pad;
  hi += pad;
  if (def.unit === 'ratio') {
    lo = Math.max(0, lo);
    hi = Math.min(1, hi);
  } else if (Math.min(...known) >= 0) lo = Math.max(0, lo);
  return [lo, hi];
}

/** A round step for about four gridlines over `span` (1, 2, 2.5 or 5 times a power of ten). */
function niceStep(span: number): number {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1.2 ? 1 : m <= 2.2 ? 2 : m <= 2.7 ? 2.5 : m <= 5.5 ? 5 : 10) * power;
}

/** A short axis label for a value ("82%", "28 h"). */
function tick(unit: MetricDefinition['unit'], v: number): string {
  if (unit === 'ratio') return `${Math.round(v * 1000) / 10}%`;
  return formatValue(unit, v);
}

/**
 * Draws the chart as a PNG: gridlines with the value axis, the industry average (orange, dashed) and the target
 * (green, dashed), the previous period (grey) and this period (blue, with a dot a week); a week without a value
 * breaks the line. A legend names each line with its figure.
 *
 * @example const png = trendChartPng({ metricId: 'first_contact_resolution', labels, values, previous: [], benchmark: 0.47, target: null });
 */
export function trendChartPng(
  spec: TrendChartSpec,
  size: { width: number; height: number } = CHART_SIZE,
): Uint8Array {
  const def = getMetricDefinition(spec.metricId);
  const r = new Raster(size.width, size.height, PALETTE);
  const left = 70;
  const right = 36;
  const top = 34;
  const bottom = 30;
  const w = size.width - left - right;
  const h = size.height - top - bottom;
  const [rawLo, rawHi] = yRange(def, spec);
  const step = niceStep(rawHi - rawLo);
  const lo = Math.floor(rawLo / step) * step;
  const hi = Math.max(lo + step, Math.ceil(rawHi / step) * step);
  const y = (v: number) => top + h - ((v - lo) / (hi - lo)) * h;
  const n = Math.max(spec.values.length, spec.previous.length, 2);
  const x = (i: number) => left + (n === 1 ? w / 2 : (i / (n - 1)) * w);

  // Grid and value axis: a line a round step.
  for (let k = 0; lo + k * step <= hi + step / 1000; k++) {
    const v = lo + k * step;
    r.line(left, y(v), left + w, y(v), C.grid);
    const label = tick(def.unit, v);
    r.text(left - 8 - Raster.textWidth(label), y(v) - 7, label, C.text);
  }
  // Week labels, as many as fit.
  const every = Math.max(1, Math.ceil((Raster.textWidth('00-00') + 12) / (w / Math.max(1, n - 1))));
  spec.labels.forEach((label, i) => {
    if (i % every !== 0 && i !== spec.labels.length - 1) return;
    const lw = Raster.textWidth(label);
    r.text(Math.min(size.width - lw, Math.max(left - 12, x(i) - lw / 2)), top + h + 12, label, C.text);
  });

  if (spec.benchmark !== null)
    r.line(left, y(spec.benchmark), left + w, y(spec.benchmark), C.industry, 2, [8, 6]);
  if (spec.target !== null) r.line(left, y(spec.target), left + w, y(spec.target), C.target, 2, [8, 6]);
  const series = (values: (number | null)[], colour: number, thickness: number, dots: boolean) => {
    values.forEach((v, i) => {
      const next = values[i + 1];
      if (v !== null && next !== null && next !== undefined)
        r.line(x(i), y(v), x(i + 1), y(next), colour, thickness);
      if (v !== null && dots) r.dot(x(i), y(v), 7, colour);
    });
  };
  series(spec.previous, C.previous, 2, false);
  series(spec.values, C.now, 3, true);

  // Legend: a swatch and a word a line, left to right.
  let at = 8;
  const legend = (colour: number, label: string, dashed: boolean) => {
    r.line(at, 14, at + 18, 14, colour, 3, dashed ? [6, 4] : undefined);
    at += 26 + r.text(at + 26, 8, label, C.text) + 16;
  };
  legend(C.now, 'this period', false);
  if (spec.previous.some((v) => v !== null)) legend(C.previous, 'previous', false);
  if (spec.benchmark !== null) legend(C.industry, `industry ${tick(def.unit, spec.benchmark)}`, true);
  if (spec.target !== null) legend(C.target, `target ${tick(def.unit, spec.target)}`, true);
  return r.png({ Title: def.name });
}

/**
 * The chart in words, for the image block's alt text (screen readers, notifications, search): each week's value,
 * the previous period's, the industry average and the target. At most 2,000 characters (Slack's limit).
 */
export function trendAltText(spec: TrendChartSpec): string {
  const def = getMetricDefinition(spec.metricId);
  const f = (v: number | null | undefined) => formatValue(def.unit, v ?? null);
  const weeks = spec.labels.map((l, i) => `${l} ${f(spec.values[i])}`).join(', ');
  const parts = [`${def.name}, weekly: ${weeks}`];
  if (spec.previous.some((v) => v !== null))
    parts.push(`previous period: ${spec.previous.map(f).join(', ')}`);
  if (spec.benchmark !== null) parts.push(`industry average ${f(spec.benchmark)}`);
  if (spec.target !== null) parts.push(`target ${def.better === 'lower' ? '≤' : '≥'}${f(spec.target)}`);
  const text = `${parts.join('; ')}.`;
  return text.length <= 2000 ? text : `${text.slice(0, 1999)}…`;
}
