import type { Deflection, ImpactFigures, IssueImpact } from './remote-contract.js';

/** What the issue panel shows of an issue's impact: sentences, the chart's points and the case links. */
export interface PanelModel {
  headline: string;
  revenue: string;
  /** The weekly trend of new linked cases, oldest first (the chart's data). */
  trend: { week: string; cases: number }[];
  trendSummary: string;
  /** After a fix ships: forecast against actual and the deflection; before, what leaving it costs. */
  outlook: { appearance: 'success' | 'inprogress' | 'removed' | 'default'; label: string; text: string };
  cases: { caseId: string; label: string; url: string | null; open: boolean }[];
  /** How many cases the list leaves out (it shows the first 20). */
  moreCases: number;
  /** JQL over the indexed property, for the issue search. */
  jql: string;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const day = (iso: string) => iso.slice(0, 10);

/** Revenue at risk as a sentence ("150,000 ARR at risk", or that it is not measured). */
export function revenueText(revenue: number | null): string {
  return revenue === null
    ? 'Revenue at risk not measured (no organisation revenue in Zendesk)'
    : `${revenue.toLocaleString('en-US')} ARR at risk`;
}

/** Forecast vs actual after the fix shipped, or what the issue will still cost while unfixed. */
export function outlookOf(d: Deflection, impact: Pick<ImpactFigures, 'preventable'>): PanelModel['outlook'] {
  if (d.status === 'measured') {
    const share = d.deflection === null ? '' : ` (${Math.round(d.deflection * 100)}% deflection)`;
    return {
      appearance: d.prevented > 0 ? 'success' : 'removed',
      label: 'Fix shipped',
      text: `Since ${day(d.releasedAt)}: ${d.actual} cases against ${d.forecast} forecast, ${d.prevented} prevented${share}.`,
    };
  }
  if (d.status === 'too_early')
    return {
      appearance: 'inprogress',
      label: 'Fix shipped',
      text: `Shipped ${day(d.releasedAt)}: too early to tell how many cases it prevents (${d.weeksAfter} of ${d.minWeeksAfter} weeks).`,
    };
  return {
    appearance: 'default',
    label: 'Unfixed',
    text: impact.preventable
      ? `About ${impact.preventable.cases} more cases in the next ${impact.preventable.weeks} weeks if it stays unfixed.`
      : 'Not fixed yet.',
  };
}

/**
 * The panel's model of the worker's answer: the figures as sentences, the weekly trend as chart points, the outlook,
 * and the linked cases with their Zendesk links (open first, newest first).
 *
 * @example panelModel(impact).headline // '5 support cases (2 open) from 2 customers'
 */
export function panelModel(d: IssueImpact): PanelModel {
  const i = d.impact;
  const sorted = [...d.cases].sort(
    (a, b) =>
      Number(isOpen(b.status)) - Number(isOpen(a.status)) ||
      (b.createdAt ?? '').localeCompare(a.createdAt ?? ''),
  );
  return {
    headline: `${plural(i.cases, 'support case')} (${i.openCases} open) from ${plural(i.customers, 'customer')}`,
    revenue: revenueText(i.revenueAtRisk),
    trend: i.weekly.map((w) => ({ week: day(w.weekStart), cases: w.cases })),
    trendSummary: `${i.weeklyRate} new cases a week over the last ${i.weekly.length} weeks${i.lastSeen ? `; last on ${day(i.lastSeen)}` : ''}`,
    outlook: outlookOf(d.deflection, i),
    cases: sorted.slice(0, 20).map((c) => ({
      caseId: c.caseId,
      label: `#${c.caseId}${c.subject ? ` ${c.subject}` : ''}`,
      url: c.url,
      open: isOpen(c.status),
    })),
    moreCases: Math.max(0, sorted.length - 20),
    jql: 'supportCases > 0 ORDER BY supportRevenueAtRisk DESC',
  };
}

const isOpen = (status: string | null) => status !== 'solved' && status !== 'closed';
