import { METRIC_CATALOGUE } from './catalogue.js';
import type { MetricDefinition } from './metric-definition.js';

/** Ids of every metric in the catalogue. */
export type MetricId = (typeof METRIC_CATALOGUE)[number]['id'];

const BY_ID = new Map<string, MetricDefinition>(METRIC_CATALOGUE.map((m) => [m.id, m]));

/**
 * The catalogue entry of a metric.
 *
 * @example getMetricDefinition('first_contact_resolution').benchmark // 0.54
 */
export function getMetricDefinition(id: MetricId): MetricDefinition {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`unknown metric: ${id}`);
  return def;
}

/** Finds a metric by id or a common short name (`fcr`, `ttr`, `csat`, …); undefined when unknown. */
export function findMetric(name: string): MetricDefinition | undefined {
  const key = name.toLowerCase().replace(/[- ]/g, '_');
  const alias: Record<string, string> = {
    fcr: 'first_contact_resolution',
    ttr: 'time_to_resolution',
    completeness: 'case_completeness',
    escalation: 'escalation_rate',
    collaboration: 'collaboration_rate',
    reopens: 'reopen_rate',
    interactions: 'interactions_per_case',
    record: 'case_record_completion',
    knowledge: 'knowledge_action',
    channels: 'cases_by_channel',
    types: 'issues_by_type',
  };
  return BY_ID.get(alias[key] ?? key);
}
