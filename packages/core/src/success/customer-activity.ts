import type { Case } from '../case/case-schema.js';
import { dayOf } from '../metrics/day.js';
import { type DayWindow, previousWindow } from '../metrics/window.js';

/**
 * What one customer's cases say over a window (and the window of equal length before it, for trends). The store
 * computes the same sums in SQL (`SUCCESS_SQL.customerActivity`); `customerActivity` computes them from cases in
 * memory, for tests and imports.
 */
export interface CustomerActivity {
  orgId: string;
  /** Cases created in the window. */
  created: number;
  /** Cases created in the window whose first message was scored, and those scored incomplete. */
  scored: number;
  incomplete: number;
  prevScored: number;
  prevIncomplete: number;
  /** Cases solved in the window. */
  solved: number;
  /** Solved cases whose reopen count is known, and those reopened at least once. */
  reopenKnown: number;
  reopened: number;
  prevReopenKnown: number;
  prevReopened: number;
  /** Solved cases with a known reopen count that were not reopened and not rated bad: a positive outcome. */
  positive: number;
  /** CSAT ratings of cases solved in the window. */
  good: number;
  bad: number;
  /** Cases created in the window carrying one of the outage tags. */
  outageCases: number;
  /** Open cases linked to a Jira issue that is not resolved or released. */
  openBugCases: number;
  /** Agent effort (minutes) on cases solved in the window, and how many of them record it. */
  effortMinutes: number;
  effortKnown: number;
  /** Solved cases on which an article was shared (knowledge linked), and of those, not reopened. */
  answersShared: number;
  answersAccepted: number;
  /** Knowledge items shared (links of any action) on solved cases, and solved cases that can record them. */
  knowledgeItems: number;
  knowledgeKnown: number;
}

export function emptyActivity(orgId: string): CustomerActivity {
  return {
    orgId,
    created: 0,
    scored: 0,
    incomplete: 0,
    prevScored: 0,
    prevIncomplete: 0,
    solved: 0,
    reopenKnown: 0,
    reopened: 0,
    prevReopenKnown: 0,
    prevReopened: 0,
    positive: 0,
    good: 0,
    bad: 0,
    outageCases: 0,
    openBugCases: 0,
    effortMinutes: 0,
    effortKnown: 0,
    answersShared: 0,
    answersAccepted: 0,
    knowledgeItems: 0,
    knowledgeKnown: 0,
  };
}

/** The days a customer's activity covers (metrics/window.ts: one definition of windows). */
export type ActivityWindow = DayWindow;

/**
 * Per-customer activity from cases in memory (cases without an organisation are left out).
 * `openBugKeys`: Jira issues still open; a case linked to one of them while open counts in `openBugCases`.
 *
 * @example customerActivity(cases, { from: '2026-09-01', to: '2026-11-30' }, { outageTags: ['outage'] })
 */
export function customerActivity(
  cases: Iterable<Case>,
  window: ActivityWindow,
  opts: { outageTags?: readonly string[]; openBugKeys?: ReadonlySet<string> } = {},
): Map<string, CustomerActivity> {
  const prev = previousWindow(window);
  const within = (d: string, w: ActivityWindow) => d >= w.from && d <= w.to;
  const out = new Map<string, CustomerActivity>();
  for (const c of cases) {
    const org = c.organization?.id;
    if (!org) continue;
    let a = out.get(org);
    if (!a) {
      a = emptyActivity(org);
      out.set(org, a);
    }
    const created = dayOf(c.createdAt);
    const solvedDay =
      c.solvedAt && (c.status === 'solved' || c.status === 'closed') ? dayOf(c.solvedAt) : null;
    if (within(created, window)) {
      a.created++;
      if (c.completeness) {
        a.scored++;
        if (!c.completeness.complete) a.incomplete++;
      }
      if (opts.outageTags?.some((t) => c.tags.includes(t))) a.outageCases++;
    } else if (within(created, prev) && c.completeness) {
      a.prevScored++;
      if (!c.completeness.complete) a.prevIncomplete++;
    }
    if (!solvedDay && opts.openBugKeys && c.jiraLinks.some((k) => opts.openBugKeys?.has(k))) a.openBugCases++;
    if (!solvedDay) continue;
    if (within(solvedDay, prev) && c.reopens !== null) {
      a.prevReopenKnown++;
      if (c.reopens > 0) a.prevReopened++;
    }
    if (!within(solvedDay, window)) continue;
    a.solved++;
    if (c.reopens !== null) {
      a.reopenKnown++;
      if (c.reopens > 0) a.reopened++;
      else if (c.satisfaction !== 'bad') a.positive++;
    }
    if (c.satisfaction === 'good') a.good++;
    if (c.satisfaction === 'bad') a.bad++;
    if (c.agentEffortMinutes !== null) {
      a.effortMinutes += c.agentEffortMinutes;
      a.effortKnown++;
    }
    const links = c.knowledgeLinks ?? [];
    if (c.knowledgeLinks !== null) a.knowledgeKnown++;
    a.knowledgeItems += links.length;
    if (links.some((l) => l.action === 'linked')) {
      a.answersShared++;
      if (c.reopens === 0) a.answersAccepted++;
    }
  }
  return out;
}
