const WEEK_MS = 7 * 86_400_000;

export interface DeflectionOptions {
  now: Date;
  /** Weeks before the release the expected rate is taken from (fewer when the first case is more recent). Default 8. */
  baselineWeeks?: number;
  /** Full weeks after the release before a number is given; until then the answer is "too early". Default 4. */
  minWeeksAfter?: number;
}

/** Bug-fix deflection of one issue: not fixed yet, too early to tell, or the cases prevented against the forecast. */
export type Deflection =
  | { status: 'unfixed' }
  | { status: 'too_early'; releasedAt: string; weeksAfter: number; minWeeksAfter: number }
  | {
      status: 'measured';
      releasedAt: string;
      /** Cases per week before the release (the forecast's rate). */
      baselineRate: number;
      baselineWeeks: number;
      weeksAfter: number;
      /** Cases expected after the release had it not shipped: baselineRate × weeksAfter. */
      forecast: number;
      /** Linked cases that arrived after the release. */
      actual: number;
      /** forecast − actual (negative when more came than before). */
      prevented: number;
      /** prevented ÷ forecast: the study's bug-fix deflection; null when nothing was expected. */
      deflection: number | null;
    };

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The weekly rate of linked cases before a release: cases created in the `weeks` (default 8) weeks before it ÷ those
 * weeks, fewer weeks when the first case is more recent (at least one). What a fix is expected to prevent per week.
 *
 * @example baselineBefore(['2026-09-20T00:00:00Z', '2026-09-27T00:00:00Z'], '2026-10-01T00:00:00Z').rate // 1: 2 cases in 2 weeks
 */
export function baselineBefore(
  caseCreatedAts: readonly string[],
  releasedAt: string,
  weeks = 8,
): { rate: number; weeks: number } {
  const release = Date.parse(releasedAt);
  const before = caseCreatedAts.map((t) => Date.parse(t)).filter((t) => Number.isFinite(t) && t < release);
  const first = before.length ? Math.min(...before) : release;
  const baselineWeeks = Math.min(weeks, Math.max(1, Math.ceil((release - first) / WEEK_MS)));
  const inBaseline = before.filter((t) => t >= release - baselineWeeks * WEEK_MS).length;
  return { rate: inBaseline / baselineWeeks, weeks: baselineWeeks };
}

/**
 * Bug-fix deflection (the study's "Bug-Fix Deflection"): when a fix ships, the cases linked afterwards against the
 * forecast from the weekly rate before it.
 *
 * baselineRate = linked cases created in the `baselineWeeks` weeks before the release ÷ those weeks (from the first
 * case when younger, at least one); forecast = baselineRate × whole weeks since the release; prevented = forecast −
 * cases created since the release; deflection = prevented ÷ forecast. "Too early" until `minWeeksAfter` whole weeks
 * have passed.
 *
 * @example bugFixDeflection(createdAts, '2026-10-01T00:00:00Z', { now }) // { status: 'measured', prevented: 9.5, … }
 */
export function bugFixDeflection(
  caseCreatedAts: readonly string[],
  releasedAt: string | null,
  opts: DeflectionOptions,
): Deflection {
  if (!releasedAt) return { status: 'unfixed' };
  const release = Date.parse(releasedAt);
  const now = opts.now.getTime();
  const minWeeks = opts.minWeeksAfter ?? 4;
  const weeksAfter = Math.max(0, Math.floor((now - release) / WEEK_MS));
  if (weeksAfter < minWeeks) return { status: 'too_early', releasedAt, weeksAfter, minWeeksAfter: minWeeks };

  const times = caseCreatedAts.map((t) => Date.parse(t)).filter(Number.isFinite);
  const { rate: baselineRate, weeks: baselineWeeks } = baselineBefore(
    caseCreatedAts,
    releasedAt,
    opts.baselineWeeks,
  );
  const end = release + weeksAfter * WEEK_MS;
  const actual = times.filter((t) => t >= release && t < end).length;
  const forecast = baselineRate * weeksAfter;
  return {
    status: 'measured',
    releasedAt,
    baselineRate: round(baselineRate),
    baselineWeeks,
    weeksAfter,
    forecast: round(forecast),
    actual,
    prevented: round(forecast - actual),
    deflection: forecast > 0 ? round((forecast - actual) / forecast) : null,
  };
}

/** All measured fixes together: cases prevented, and the share of the expected demand they are. */
export function totalDeflection(deflections: readonly Deflection[]) {
  const measured = deflections.filter(
    (d): d is Extract<Deflection, { status: 'measured' }> => d.status === 'measured',
  );
  const forecast = measured.reduce((s, d) => s + d.forecast, 0);
  const actual = measured.reduce((s, d) => s + d.actual, 0);
  return {
    fixes: measured.length,
    tooEarly: deflections.filter((d) => d.status === 'too_early').length,
    forecast: round(forecast),
    actual,
    prevented: round(forecast - actual),
    /** (forecast − actual) ÷ forecast over every measured fix; null when none is measured yet. */
    deflection: forecast > 0 ? round((forecast - actual) / forecast) : null,
  };
}

/**
 * How the metrics computed from Jira links (not from cases alone) are computed, for the metric table of docs/metrics.md
 * beside COMPUTED_FROM.
 */
export const COMPUTED_FROM_JIRA_LINKS = {
  bug_fix_deflection:
    'per Jira issue whose fix shipped (resolved, fix version released), and over all of them: (forecast − linked cases created since the release) ÷ forecast; forecast = linked cases created in the 8 weeks before the release ÷ weeks covered × whole weeks since; "too early" for the first 4 weeks [`jira_links`, case `createdAt`, issue resolution and fix versions; `GET /api/bugs`]',
  prevention_rate:
    'not measured as a whole: only its bug-fix part is, as cases prevented by shipped fixes (`GET /api/bugs` → `deflection.prevented`); skills and self-help prevention need inputs the helpdesk does not hold',
} as const;
