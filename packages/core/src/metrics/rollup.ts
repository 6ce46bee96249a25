import type { Case } from '../case/case-schema.js';
import {
  addCounters,
  addCreatedCounters,
  addSolvedCounters,
  COUNTER_NAMES,
  type CounterOptions,
  type Counters,
  emptyCounters,
  isSolved,
} from './counters.js';
import { dayOf } from './day.js';

/** One row of `daily_rollups`: a UTC day and dimensions (empty string for none) with counter deltas. */
export interface RollupDelta {
  day: string;
  channel: string;
  grp: string;
  brand: string;
  counters: Counters;
}

const keyOf = (d: Omit<RollupDelta, 'counters'>) =>
  `${d.day}\u0000${d.channel}\u0000${d.grp}\u0000${d.brand}`;

/** The rows a case adds to the rollups: its creation day's counters and, once solved, its solved day's. */
export function caseRollup(c: Case, opts: CounterOptions = {}): RollupDelta[] {
  const dims = { channel: c.channel ?? '', grp: c.group ?? '', brand: c.brand ?? '' };
  const created = emptyCounters();
  addCreatedCounters(created, c, opts);
  const rows: RollupDelta[] = [{ day: dayOf(c.createdAt), ...dims, counters: created }];
  if (isSolved(c)) {
    const solved = emptyCounters();
    addSolvedCounters(solved, c, opts);
    rows.push({ day: dayOf(c.solvedAt), ...dims, counters: solved });
  }
  return rows;
}

/** A contribution as stored with the case: per rollup row, only the counters that are not zero. */
export interface StoredContribution {
  day: string;
  channel: string;
  grp: string;
  brand: string;
  counters: Partial<Counters>;
}

/** The compact form of a case's rollup rows, for the `contribution` column. */
export function compactContribution(rows: readonly RollupDelta[]): StoredContribution[] {
  return rows.map(({ counters, ...key }) => {
    const c: Partial<Counters> = {};
    for (const n of COUNTER_NAMES) if (counters[n] !== 0) c[n] = counters[n];
    return { ...key, counters: c };
  });
}

/** Rollup rows back from their compact form. */
export function expandContribution(rows: readonly StoredContribution[]): RollupDelta[] {
  return rows.map(({ counters, ...key }) => {
    const c = emptyCounters();
    for (const [n, v] of Object.entries(counters) as [keyof Counters, number][]) c[n] = v;
    return { ...key, counters: c };
  });
}

/**
 * The rows that move the rollups from one contribution to the next: `before` subtracted, `after` added, rows
 * merged, rows that net to zero dropped.
 */
export function rollupDiff(
  before: readonly RollupDelta[] | null,
  after: readonly RollupDelta[],
): RollupDelta[] {
  const rows = new Map<string, RollupDelta>();
  const add = (deltas: readonly RollupDelta[], sign: number) => {
    for (const d of deltas) {
      const key = keyOf(d);
      const row = rows.get(key);
      if (row) addCounters(row.counters, d.counters, sign);
      else {
        const counters = emptyCounters();
        addCounters(counters, d.counters, sign);
        rows.set(key, { ...d, counters });
      }
    }
  };
  if (before) add(before, -1);
  add(after, 1);
  return [...rows.values()].filter((r) => COUNTER_NAMES.some((n) => Math.abs(r.counters[n]) > 1e-9));
}

/**
 * What changing a case from `before` to `after` does to the rollups: the old contribution subtracted,
 * the new one added, rows merged, rows that net to zero dropped. Nothing is counted twice.
 *
 * @example rollupChange(null, newCase) // the new case's rows
 */
export function rollupChange(
  before: Case | null,
  after: Case | null,
  opts: CounterOptions = {},
): RollupDelta[] {
  return rollupDiff(before ? caseRollup(before, opts) : null, after ? caseRollup(after, opts) : []);
}
