import { revenueText } from './panel-view.js';
import type { BugSort, RankedBugs } from './remote-contract.js';

/** The sorts of the page, as /api/bugs names them. */
export const SORTS: { sort: BugSort; label: string }[] = [
  { sort: 'cases', label: 'Cases' },
  { sort: 'customers', label: 'Customers' },
  { sort: 'revenue', label: 'Revenue at risk' },
];

export interface BugRow {
  rank: number;
  issueKey: string;
  href: string;
  summary: string;
  cases: number;
  openCases: number;
  customers: number;
  revenue: string;
  /** New cases a week, and the last 8 weeks as a sparkline of block characters. */
  trend: string;
  fix: string;
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** A week-by-week count as a one-line sparkline (empty weeks as the lowest block). */
export function sparkline(counts: readonly number[]): string {
  const max = Math.max(0, ...counts);
  return counts.map((n) => BLOCKS[max === 0 ? 0 : Math.round((n / max) * (BLOCKS.length - 1))]).join('');
}

/**
 * The page's rows in the worker's order (the ranking of /api/bugs, never re-sorted here).
 *
 * @example pageRows(ranked)[0] // { rank: 1, issueKey: 'FCX-1', cases: 5, … }
 */
export function pageRows(r: RankedBugs): BugRow[] {
  return r.bugs.map((b, k) => ({
    rank: k + 1,
    issueKey: b.issueKey,
    href: `/browse/${b.issueKey}`,
    summary: b.summary ?? '',
    cases: b.impact.cases,
    openCases: b.impact.openCases,
    customers: b.impact.customers,
    revenue:
      b.impact.revenueAtRisk === null ? '—' : revenueText(b.impact.revenueAtRisk).replace(' ARR at risk', ''),
    trend: `${b.impact.weeklyRate}/wk ${sparkline(b.impact.weekly.map((w) => w.cases))}`,
    fix:
      b.deflection.status === 'measured'
        ? `${b.deflection.prevented} prevented`
        : b.deflection.status === 'too_early'
          ? 'shipped, too early'
          : 'unfixed',
  }));
}
