const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** A case linked to a Jira issue, as impact needs it. */
export interface LinkedCase {
  caseId: string;
  /** When the case arrived (the demand is counted when it arrives, not when it was linked). */
  createdAt: string;
  open: boolean;
  organizationId: string | null;
  /** The organisation's annual recurring revenue; null when the helpdesk does not hold it. */
  recurringRevenue: number | null;
}

export interface BugImpactOptions {
  /** Now (the clock is the caller's). */
  now: Date;
  /** Weeks of history the weekly rate is taken over (fewer when the first case is more recent). Default 8. */
  rateWeeks?: number;
  /** Weeks ahead for "preventable if unfixed". Default 12. */
  horizonWeeks?: number;
  /** Whether the fix has shipped: then nothing more is preventable by fixing it. */
  fixed?: boolean;
}

/** The support demand behind one Jira issue (the study's "Bug Impact", per issue). */
export interface BugImpact {
  cases: number;
  openCases: number;
  /** Distinct organisations among the linked cases. */
  customers: number;
  /**
   * Sum of those organisations' recurring revenue, each counted once (the figure on its latest case that has one);
   * null (not measured) when none of them has it.
   */
  revenueAtRisk: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Cases that arrived in each of the last `rateWeeks` 7-day weeks ending now, oldest first. */
  weekly: { weekStart: string; cases: number }[];
  /** Mean new cases per week over those weeks (or since the first case, when that is more recent). */
  weeklyRate: number;
  /** Cases the next `horizonWeeks` weeks will bring at that rate if it stays unfixed; null once fixed. */
  preventable: { weeks: number; cases: number } | null;
}

/**
 * Support impact of a Jira issue from the cases linked to it: how many (open), which customers and their revenue,
 * first and last seen, new cases per week, and what leaving it unfixed will cost over the next weeks.
 *
 * Weekly rate = cases created in the last `rateWeeks` weeks ÷ the weeks covered (from the first case when it is
 * younger, at least one week). Preventable = weekly rate × `horizonWeeks`, rounded to one decimal.
 *
 * @example bugImpact(linkedCases, { now: new Date() }).preventable // { weeks: 12, cases: 18 }
 */
export function bugImpact(cases: readonly LinkedCase[], opts: BugImpactOptions): BugImpact {
  const now = opts.now.getTime();
  const rateWeeks = opts.rateWeeks ?? 8;
  const horizon = opts.horizonWeeks ?? 12;
  const times = cases.map((c) => Date.parse(c.createdAt)).filter(Number.isFinite);
  const first = times.length ? Math.min(...times) : null;
  const last = times.length ? Math.max(...times) : null;

  const weekly = Array.from({ length: rateWeeks }, (_, k) => {
    const start = now - (rateWeeks - k) * WEEK_MS;
    return { start, weekStart: new Date(start).toISOString(), cases: 0 };
  });
  for (const t of times) {
    const k = rateWeeks - 1 - Math.floor((now - t) / WEEK_MS);
    const bucket = k >= 0 && k < rateWeeks && t <= now ? weekly[k] : undefined;
    if (bucket) bucket.cases++;
  }
  const inWindow = weekly.reduce((s, w) => s + w.cases, 0);
  const covered =
    first === null ? rateWeeks : Math.min(rateWeeks, Math.max(1, Math.ceil((now - first) / WEEK_MS)));
  const weeklyRate = inWindow / covered;

  // One revenue per organisation, whatever the order of the cases: the one on its latest case that carries any (the
  // helpdesk's most recent figure; an older case may hold last year's).
  const orgs = new Map<string, { revenue: number | null; at: number }>();
  for (const c of cases) {
    if (!c.organizationId) continue;
    const seen = orgs.get(c.organizationId);
    const at = Date.parse(c.createdAt);
    if (!seen) orgs.set(c.organizationId, { revenue: c.recurringRevenue, at });
    else if (c.recurringRevenue !== null && (seen.revenue === null || at > seen.at))
      orgs.set(c.organizationId, { revenue: c.recurringRevenue, at });
  }
  const known = [...orgs.values()].map((o) => o.revenue).filter((r): r is number => r !== null);

  return {
    cases: cases.length,
    openCases: cases.filter((c) => c.open).length,
    customers: orgs.size,
    revenueAtRisk: known.length ? known.reduce((s, r) => s + r, 0) : null,
    firstSeen: first === null ? null : new Date(first).toISOString(),
    lastSeen: last === null ? null : new Date(last).toISOString(),
    weekly: weekly.map(({ weekStart, cases: n }) => ({ weekStart, cases: n })),
    weeklyRate: Math.round(weeklyRate * 100) / 100,
    preventable: opts.fixed ? null : { weeks: horizon, cases: Math.round(weeklyRate * horizon * 10) / 10 },
  };
}

export type BugSort = 'cases' | 'customers' | 'revenue';

/** Orders issues by support demand: the chosen measure, then cases, then open cases, then key. Revenue unknown sorts last. */
export function rankBugs<
  T extends {
    issueKey: string;
    impact: Pick<BugImpact, 'cases' | 'openCases' | 'customers' | 'revenueAtRisk'>;
  },
>(bugs: readonly T[], sort: BugSort): T[] {
  const measure = (b: T) =>
    sort === 'cases'
      ? b.impact.cases
      : sort === 'customers'
        ? b.impact.customers
        : (b.impact.revenueAtRisk ?? -1);
  return [...bugs].sort(
    (a, b) =>
      measure(b) - measure(a) ||
      b.impact.cases - a.impact.cases ||
      b.impact.openCases - a.impact.openCases ||
      a.issueKey.localeCompare(b.issueKey),
  );
}
