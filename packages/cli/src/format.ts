import type { CompletenessResult, MetricResult } from '@support-metrics/core';

/** A metric value as people read it: rates as percentages, times in hours. */
export function formatValue(unit: MetricResult['unit'], value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'hours':
      return `${value.toFixed(1)} h`;
    case 'currency':
      return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}

const STATUS: Record<MetricResult['status'], string> = {
  target_met: '✅ target met',
  better_than_average: '➖ better than avg',
  worse_than_average: '🔻 worse than avg',
  target_missed: '🔻 below target',
  no_benchmark: '· no benchmark',
  not_measured: 'not measured',
};

function pad(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? s : s + ' '.repeat(n - len);
}

/** The metrics report as an aligned text table, one metric per line. */
export function formatMetricsTable(
  metrics: Record<string, MetricResult>,
  window: { from: string | null; to: string | null },
  counts: { read: number; created: number; solved: number },
): string {
  const rows: string[][] = [['Metric', 'Value', 'Benchmark', 'Target', 'Status', 'Based on']];
  for (const m of Object.values(metrics)) {
    let value = formatValue(m.unit, m.value);
    if (m.distribution) {
      value = Object.entries(m.distribution)
        .slice(0, 4)
        .map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`)
        .join(' · ');
    }
    if (m.median !== undefined && m.value !== null)
      value += ` (median ${formatValue('hours', m.median)}, p90 ${formatValue('hours', m.p90)})`;
    const basis =
      m.status === 'not_measured' ? (m.reason ?? '') : m.denominator !== null ? `${m.denominator} cases` : '';
    rows.push([
      m.name,
      m.status === 'not_measured' ? 'not measured' : value,
      formatValue(m.unit, m.benchmark),
      formatValue(m.unit, m.target),
      STATUS[m.status],
      basis,
    ]);
  }
  const widths =
    rows[0]?.map((_, k) => Math.min(60, Math.max(...rows.map((r) => [...(r[k] ?? '')].length)))) ?? [];
  const lines = rows.map((r) =>
    r
      .map((cell, k) => pad(cell, widths[k] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  const header = `Support metrics ${window.from ?? '…'} → ${window.to ?? '…'} (UTC): ${counts.read} cases read, ${counts.created} created and ${counts.solved} solved in the window`;
  return [header, '', lines[0], lines[0]?.replace(/./g, '─'), ...lines.slice(1)].join('\n');
}

/** The completeness result as an agent reads it. */
export function formatCompleteness(r: CompletenessResult): string {
  const verdict = r.complete ? 'Ready to work' : 'Missing information';
  const lines = [
    `Completeness ${r.score}/100 — ${verdict}  (issue type: ${r.issueType}, from ${r.issueTypeSource})`,
    '',
  ];
  for (const item of r.items) {
    const mark = item.present ? '✓' : '✗';
    const req = item.required ? 'required' : 'optional';
    const evidence = item.evidence ? `  “${item.evidence.snippet}”` : '';
    lines.push(`  ${mark} ${pad(item.label, 28)} ${pad(req, 9)}${evidence}`);
  }
  if (r.requestDraft) lines.push('', 'Request for the missing information:', '', r.requestDraft);
  return lines.join('\n');
}
