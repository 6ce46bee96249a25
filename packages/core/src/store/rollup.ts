import type { Case } from '../case/case-schema.js';
import { dayOf } from '../metrics/compute-metrics.js';
import {
  addCounters,
  addCreatedCounters,
  addSolvedCounters,
  COUNTER_NAMES,
  type CounterOptions,
  type Counters,
  emptyCounters,
  isSolved,
} from '../metrics/counters.js';

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
  const rows = new Map<string, RollupDelta>();
  const add = (deltas: RollupDelta[], sign: number) => {
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
  if (before) add(caseRollup(before, opts), -1);
  if (after) add(caseRollup(after, opts), 1);
  return [...rows.values()].filter((r) => COUNTER_NAMES.some((n) => Math.abs(r.counters[n]) > 1e-9));
}
