import { z } from 'zod';

/**
 * A UTC calendar day `YYYY-MM-DD` that exists: "2026-02-30" is refused (Date would roll it over to March).
 *
 * @example CalendarDateSchema.parse('2026-10-01')
 */
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((d) => {
    const at = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === d;
  }, 'not a calendar date');

/**
 * The UTC calendar day `n` days after (or before, for negative `n`) a day.
 *
 * @example addDays('2026-03-01', -1) // '2026-02-28'
 */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
