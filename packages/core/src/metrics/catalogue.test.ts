import { describe, expect, it } from 'vitest';
import { METRIC_CATALOGUE } from './catalogue.js';
import { findMetric, getMetricDefinition } from './catalogue-lookup.js';
import { COMPUTED_FROM } from './compute-metrics.js';
import { metricStatus } from './status.js';

describe('the metric catalogue', () => {
  it('has unique ids and a definition, formula and source for every metric', () => {
    const ids = METRIC_CATALOGUE.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of METRIC_CATALOGUE) {
      expect(m.definition.length, m.id).toBeGreaterThan(20);
      expect(m.formula.length, m.id).toBeGreaterThan(5);
      expect(m.source, m.id).toMatch(/^00\d/);
    }
  });
  it.each([
    ['case_completeness', 0.47, 0.8],
    ['first_contact_resolution', 0.54, undefined],
    ['escalation_rate', 0.47, undefined],
    ['collaboration_rate', 0.75, undefined],
    ['time_to_resolution', 28, undefined],
    ['case_record_completion', 0.33, 1],
    ['knowledge_action', 0.42, undefined],
    ['csat', 0.867, undefined],
    ['nps', 35, undefined],
    ['self_help_deflection', 0.198, undefined],
    ['churn', 0.1, 0.03],
    ['recurring_revenue', 0.83, 0.95],
    ['net_recurring_revenue', 0.98, 1],
  ] as const)('%s has the study benchmark %s and target %s', (id, benchmark, target) => {
    const m = getMetricDefinition(id);
    expect(m.benchmark).toBe(benchmark);
    expect(m.target).toBe(target);
  });
  it('holds every metric the study names', () => {
    for (const id of [
      'interactions_per_case',
      'total_effort_to_resolve',
      'new_vs_known',
      'cases_by_channel',
      'issues_by_type',
      'support_access_point',
      'reopen_rate',
      'bug_impact',
      'bug_fix_deflection',
      'prevention_rate',
      'health_at_risk',
    ])
      expect(findMetric(id)?.id).toBe(id);
    expect(getMetricDefinition('health_at_risk').target).toBe(0.1);
  });
  it('finds metrics by short names', () => {
    expect(findMetric('fcr')?.id).toBe('first_contact_resolution');
    expect(findMetric('TTR')?.id).toBe('time_to_resolution');
    expect(findMetric('nope')).toBeUndefined();
  });
});

describe('metricStatus', () => {
  it('compares in the better direction, target before average', () => {
    const completeness = getMetricDefinition('case_completeness');
    expect(metricStatus(completeness, 0.85)).toBe('target_met');
    expect(metricStatus(completeness, 0.6)).toBe('better_than_average');
    expect(metricStatus(completeness, 0.3)).toBe('worse_than_average');
    const ttr = getMetricDefinition('time_to_resolution');
    expect(metricStatus(ttr, 20)).toBe('better_than_average');
    expect(metricStatus(ttr, 40)).toBe('worse_than_average');
    expect(metricStatus(getMetricDefinition('health_at_risk'), 0.2)).toBe('target_missed');
    expect(metricStatus(getMetricDefinition('reopen_rate'), 0.2)).toBe('no_benchmark');
    expect(metricStatus(completeness, null)).toBe('not_measured');
  });
});

describe('the metric table (docs/metrics.md, printed by scripts/metric-table.ts)', () => {
  it('documents every metric of the catalogue, and only catalogue metrics are computed', async () => {
    const { readFileSync } = await import('node:fs');
    const table = readFileSync(new URL('../../../../docs/metrics.md', import.meta.url), 'utf8');
    for (const m of METRIC_CATALOGUE) expect(table, m.id).toMatch(new RegExp(`\\|\\s*\`${m.id}\` `));
    const ids = new Set<string>(METRIC_CATALOGUE.map((m) => m.id));
    for (const id of Object.keys(COMPUTED_FROM)) expect(ids.has(id), id).toBe(true);
  });
});
