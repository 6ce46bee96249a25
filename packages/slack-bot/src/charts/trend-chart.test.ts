import { mkdirSync, writeFileSync } from 'node:fs';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { ChartUrlError, chartPath, readChartToken } from './chart-url.js';
import { CHART_SIZE, type TrendChartSpec, trendAltText, trendChartPng } from './trend-chart.js';

const ARTIFACTS = new URL('../../../../test/artifacts/', import.meta.url).pathname;
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

const fcr: TrendChartSpec = {
  metricId: 'first_contact_resolution',
  labels: ['10-05', '10-12', '10-19', '10-26', '11-02', '11-09', '11-16', '11-23'],
  values: [0.42, 0.45, null, 0.51, 0.55, 0.5, 0.58, 0.61],
  previous: [0.4, 0.41, 0.39, 0.44, 0.43, 0.42, 0.45, 0.44],
  benchmark: 0.47,
  target: 0.7,
};

/** The RGB colour of a pixel of a decoded indexed PNG. */
function rgbAt(png: ReturnType<typeof decode>, x: number, y: number): number[] {
  const index = png.data[y * png.width + x] ?? 0;
  return png.palette?.[index] ?? [];
}

const BLUE = [29, 79, 145];
const ORANGE = [217, 119, 6];

describe('the trend chart', () => {
  it('is a PNG of the chart size, drawn in its palette, a few KB', () => {
    const bytes = trendChartPng(fcr);
    const png = decode(bytes);
    expect([png.width, png.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    expect(png.palette?.length).toBeGreaterThanOrEqual(7);
    expect(bytes.length).toBeLessThan(20_000);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}slack-trend-chart.png`, bytes);
  });

  it('draws each week where its value is, the average as a line across, and a gap where a week is not measured', () => {
    const png = decode(trendChartPng(fcr));
    // The plot spans x 70 … 684 (a week every 614/7 px); find each week's dot in its column.
    const x = (i: number) => Math.round(70 + (i / 7) * 614);
    const column = (px: number) => Array.from({ length: png.height }, (_, py) => rgbAt(png, px, py).join());
    const dotY = (i: number) => column(x(i)).indexOf(BLUE.join());
    const ys = fcr.values.map((_, i) => dotY(i));
    // Week 3 has no value: nothing blue in its column.
    expect(ys[2]).toBe(-1);
    // Higher values are drawn higher (smaller y), in the order of the values.
    const drawn = fcr.values.map((v, i) => [v, ys[i]] as const).filter(([v]) => v !== null) as [
      number,
      number,
    ][];
    const byValue = [...drawn].sort((a, b) => a[0] - b[0]).map(([, py]) => py);
    expect(byValue).toEqual([...byValue].sort((a, b) => b - a));
    // The industry average (47%) runs across, between the 45% and the 51% weeks.
    const rows = Array.from(
      { length: png.height },
      (_, py) =>
        Array.from({ length: 614 }, (_, k) => rgbAt(png, 70 + k, py).join()).filter(
          (c) => c === ORANGE.join(),
        ).length,
    );
    const avgY = rows.indexOf(Math.max(...rows));
    expect(rows[avgY]).toBeGreaterThan(250);
    expect(avgY).toBeLessThan(ys[1] ?? 0);
    expect(avgY).toBeGreaterThan(ys[3] ?? 0);
  });

  it('puts every number in the alt text', () => {
    const alt = trendAltText(fcr);
    expect(alt).toBe(
      'First contact resolution, weekly: 10-05 42%, 10-12 45%, 10-19 not measured, 10-26 51%, 11-02 55%, 11-09 50%, 11-16 58%, 11-23 61%; previous period: 40%, 41%, 39%, 44%, 43%, 42%, 45%, 44%; industry average 47%; target ≥70%.',
    );
  });

  it('draws a chart with nothing measured without failing', () => {
    const png = decode(
      trendChartPng({
        ...fcr,
        values: fcr.values.map(() => null),
        previous: [],
        benchmark: null,
        target: null,
      }),
    );
    expect(png.width).toBe(CHART_SIZE.width);
  });
});

describe('signed chart URLs', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');

  it('carry the chart, and read back as it', async () => {
    const path = await chartPath(SECRET, fcr, now);
    expect(path).toMatch(/^\/slack\/charts\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}\.png$/);
    expect(path.length).toBeLessThan(1000);
    const token = path.split('/').at(-1) ?? '';
    expect(await readChartToken(SECRET, token, now + 1000)).toEqual(fcr);
  });

  it('refuse another secret, a changed payload or signature, and an expired link', async () => {
    const token = (await chartPath(SECRET, fcr, now)).split('/').at(-1) ?? '';
    await expect(readChartToken('another-secret', token, now)).rejects.toThrow(ChartUrlError);
    const [payload, signature] = token.split('.');
    const changed = `${payload?.slice(0, -2)}AA.${signature}.png`;
    await expect(readChartToken(SECRET, changed, now)).rejects.toThrow('bad signature');
    await expect(readChartToken(SECRET, `${payload}.${'A'.repeat(43)}.png`, now)).rejects.toThrow(
      'bad signature',
    );
    await expect(readChartToken(SECRET, 'x.png', now)).rejects.toThrow('not a chart URL');
    const expired = await readChartToken(SECRET, token, now + 31 * 86_400_000).catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(ChartUrlError);
    expect((expired as ChartUrlError).expired).toBe(true);
  });
});
