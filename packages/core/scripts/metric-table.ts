/** Prints the README's metric table from the catalogue. Run: npx tsx packages/core/scripts/metric-table.ts */
import { COMPUTED_FROM, MEASURED_ELSEWHERE, METRIC_CATALOGUE, type MetricDefinition } from '../src/index.js';

const fmt = (m: MetricDefinition, v: number | undefined) =>
  v === undefined
    ? '—'
    : m.unit === 'ratio'
      ? `${+(v * 100).toFixed(1)}%`
      : m.unit === 'hours'
        ? `${v} h`
        : String(v);
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

console.log(
  '| Metric | Definition (study) | How we compute it, from which fields | Unit | Better | Benchmark | Target |',
);
console.log('| --- | --- | --- | --- | --- | ---: | ---: |');
for (const m of METRIC_CATALOGUE as readonly MetricDefinition[]) {
  const from = (table: Record<string, string>, where: string) =>
    table[m.id] === undefined ? undefined : `${table[m.id]} — *${where}*`;
  const how =
    from(COMPUTED_FROM, '`/api/metrics`, Slack KPIs') ??
    MEASURED_ELSEWHERE.map(([table, where]) => from(table, where)).find((h) => h !== undefined) ??
    `not measured from helpdesk cases yet — needs ${m.needs.map((n) => `\`${n}\``).join(', ')}. Formula: ${m.formula}`;
  console.log(
    `| \`${m.id}\` ${m.name} | ${cell(m.definition)} | ${cell(how)} | ${m.unit} | ${m.better} | ${fmt(m, m.benchmark)} | ${fmt(m, m.target)} |`,
  );
}
