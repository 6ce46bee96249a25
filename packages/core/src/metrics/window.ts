import { addDays } from '../case/calendar-date.js';

/** A window of UTC days, both ends inclusive (`YYYY-MM-DD`). */
export interface DayWindow {
  from: string;
  to: string;
}

/**
 * The one definition of the day windows every surface uses (`/api/metrics`, `/support-metrics`, the customers):
 * the last `days` days ending on `to`, both inclusive.
 *
 * @example lastDays('2026-11-30', 30) // { from: '2026-11-01', to: '2026-11-30' }
 */
export function lastDays(to: string, days: number): DayWindow {
  return { from: addDays(to, -(days - 1)), to };
}

/** How many days a window covers. */
export function windowDays(w: DayWindow): number {
  return Math.round((Date.parse(w.to) - Date.parse(w.from)) / 86_400_000) + 1;
}

/** The window of the same length just before `w` (for trends and "change vs the previous period"). */
export function previousWindow(w: DayWindow): DayWindow {
  const days = windowDays(w);
  return { from: addDays(w.from, -days), to: addDays(w.from, -1) };
}
