import type { BugImpact } from '@support-metrics/core';

/**
 * What the Forge app's `jira:entityProperty` module indexes of the `supportImpact` issue property: each path, its
 * index type and its JQL alias (`supportCases > 10 ORDER BY supportRevenueAtRisk DESC`). packages/jira-app's
 * manifest.yml declares exactly these (a test compares them), and forgeImpactProperty writes exactly these paths.
 */
export const FORGE_IMPACT_INDEX = [
  { path: 'cases', type: 'number', searchAlias: 'supportCases' },
  { path: 'openCases', type: 'number', searchAlias: 'supportOpenCases' },
  { path: 'customers', type: 'number', searchAlias: 'supportCustomers' },
  { path: 'revenueAtRisk', type: 'number', searchAlias: 'supportRevenueAtRisk' },
  { path: 'lastSeen', type: 'date', searchAlias: 'supportLastSeen' },
] as const;

/** The property's value: one field per indexed path. */
export type ForgeImpactProperty = {
  [K in (typeof FORGE_IMPACT_INDEX)[number] as K['path']]: K['type'] extends 'number'
    ? number | null
    : string | null;
};

/**
 * The `supportImpact` property the app writes: the indexed numbers of the impact, nothing else (the panel
 * reads the rest from the worker). Revenue not measured and no case yet are null, which Jira leaves unindexed, so
 * `supportRevenueAtRisk` sorts only issues whose revenue is known.
 *
 * @example forgeImpactProperty(detail) // { cases: 6, openCases: 2, customers: 3, revenueAtRisk: 150000, lastSeen: '2026-11-22T12:00:00.000Z' }
 */
export function forgeImpactProperty(d: { impact: BugImpact }): ForgeImpactProperty {
  return {
    cases: d.impact.cases,
    openCases: d.impact.openCases,
    customers: d.impact.customers,
    revenueAtRisk: d.impact.revenueAtRisk,
    lastSeen: d.impact.lastSeen,
  };
}
