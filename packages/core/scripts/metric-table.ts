/** Prints the README's metric table from the catalogue. Run: npx tsx packages/core/scripts/metric-table.ts */
import {
  COMPUTED_FROM,
  COMPUTED_FROM_JIRA_LINKS,
  METRIC_CATALOGUE,
  type MetricDefinition,
} from '../src/index.js';

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
for (const m of METRIC_CATALOGUE) {
  const how =
    (COMPUTED_FROM as Record<string, string>)[m.id] ??
    (COMPUTED_FROM_JIRA_LINKS as Record<string, string>)[m.id] ??
    `not measured from helpdesk cases yet — needs ${m.needs.map((n) => `\`${n}\``).join(', ')}. Formula: ${m.formula}`;
  console.log(
    `| \`${m.id}\` ${m.name} | ${cell(m.definition)} | ${cell(how)} | ${m.unit} | ${m.better} | ${fmt(m, m.benchmark)} | ${fmt(m, m.target)} |`,
  );
}
