import { COMPUTED_FROM_JIRA_LINKS } from '../bugs/bug-fix-deflection.js';
import { COMPUTED_FROM_FORECAST } from '../success/demand-forecast.js';
import { COMPUTED_FROM_NEXTGEN } from '../success/nextgen-metrics.js';
import { COMPUTED_FROM_CUSTOMERS } from '../success/success-metrics.js';

/**
 * The metrics measured from something other than the cases of a window (linked Jira issues, customers, the demand
 * forecast), and where each is shown. `/api/metrics` names the place instead of calling them unmeasured, and the
 * metric table of docs/metrics.md (scripts/metric-table.ts) says the same.
 */
export const MEASURED_ELSEWHERE: [table: Record<string, string>, where: string, what: string][] = [
  [COMPUTED_FROM_JIRA_LINKS, '`/api/bugs`, Slack `bugs`', 'per bug, from its linked cases'],
  [COMPUTED_FROM_CUSTOMERS, '`/api/customers`, Slack `health`, sidebar', 'per customer'],
  [COMPUTED_FROM_NEXTGEN, '`/api/customers`, Slack `outcomes`', 'over customers'],
  [COMPUTED_FROM_FORECAST, '`/api/forecast`, Slack `forecast`', 'from customers and their demand'],
];

/** Where a metric measured from more than the cases of a window is shown, and how; null for any other. */
export function measuredElsewhere(id: string): { where: string; what: string } | null {
  // An entry that says it is not measured (prevention rate, answers delivered) is not shown there either.
  for (const [table, where, what] of MEASURED_ELSEWHERE)
    if (id in table && !table[id]?.startsWith('not measured')) return { where, what };
  return null;
}
