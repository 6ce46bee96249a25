/** UTC day (YYYY-MM-DD) of an ISO timestamp. */
export function dayOf(ts: string): string {
  return ts.endsWith('Z') ? ts.slice(0, 10) : new Date(ts).toISOString().slice(0, 10);
}
