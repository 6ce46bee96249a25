/** Prints the metric table of docs/metrics.md from the catalogue. Run: npx tsx packages/core/scripts/metric-table.ts */
import { COMPLETENESS_OUTCOMES_METHOD } from '../src/completeness/outcomes.js';
import { METRIC_CATALOGUE } from '../src/metrics/catalogue.js';
import { COMPUTED_FROM } from '../src/metrics/compute-metrics.js';
import { MEASURED_ELSEWHERE } from '../src/metrics/measured-elsewhere.js';
import type { MetricDefinition } from '../src/metrics/metric-definition.js';

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
// Not a metric of the catalogue but the study's central claim, measured per team (completeness outcomes).
console.log(
  `| \`completeness_outcomes\` What incompleteness costs | The study's claim that an incomplete case costs two or more extra interactions, measured on the team's own cases: complete against incomplete at creation, and per missing item. | ${cell(COMPLETENESS_OUTCOMES_METHOD)} — *\`/api/metrics\` (\`completeness_outcomes\`), Slack \`completeness\` and the daily post* | count, ratio, hours | lower cost | 2+ interactions | — |`,
);
