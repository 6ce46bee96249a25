import { CalendarDateSchema, lastDays } from '@support-metrics/core';
import { z } from 'zod';

const Day = CalendarDateSchema;

/** Query of `GET /api/metrics`: a window of UTC days (both inclusive) and optional filters and breakdown. */
export const MetricsQuerySchema = z
  .object({
    from: Day.optional(),
    to: Day.optional(),
    channel: z.string().min(1).optional(),
    group: z.string().min(1).optional(),
    brand: z.string().min(1).optional(),
    groupBy: z.enum(['channel', 'group', 'brand']).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from is after to', path: ['from'] });
export type MetricsQueryInput = z.infer<typeof MetricsQuerySchema>;

/** The window a query asks for: `to` defaults to today, `from` to `days` − 1 days before `to` (30 days in all by default). */
export function resolveWindow(
  q: Pick<MetricsQueryInput, 'from' | 'to'>,
  today: string,
  days = 30,
): { from: string; to: string } {
  const to = q.to ?? today;
  return { from: q.from ?? lastDays(to, days).from, to };
}
