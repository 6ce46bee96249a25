import { SQL } from './sql.js';

/**
 * One statement for many rows. A single-row statement `INSERT INTO t (cols) VALUES (?, …) [ON CONFLICT …]` becomes
 *
 *   INSERT INTO t (cols) SELECT value->>0, value->>1, … FROM json_each(?) WHERE true [ON CONFLICT …]
 *
 * bound to one JSON array holding each row's bind values, in order. SQLite runs it row by row as it would the
 * statements one after another: a later row with the same key as an earlier one takes the ON CONFLICT path, and a
 * refused row (a unique key, a trigger's RAISE) aborts the statement. (`WHERE true` is SQLite's documented way to
 * let ON CONFLICT follow a SELECT.) The group commit sends the writes of a group this way: a handful of statements
 * per batch instead of a few per write, and one bound parameter each, whatever D1's limit on bind values.
 *
 * Returns null for a statement with no such form (anything but a plain INSERT … VALUES, except the ones below).
 */
export function manyRowsSql(sql: string): string | null {
  let many = cache.get(sql);
  if (many === undefined) {
    many = SPECIAL.get(sql) ?? fromValues(sql);
    cache.set(sql, many);
  }
  return many;
}

const cache = new Map<string, string | null>();

/** Statements whose single form is not INSERT … VALUES, with their many-row form written out (manyRowsForm). */
const SPECIAL = new Map<string, string>();

/**
 * Declares the many-row form of a statement that is not a plain INSERT … VALUES, for the package that owns it (the
 * Jira bridge's "queue the impact of every issue this case is linked to"). Bound to one JSON array holding each
 * row's bind values, as manyRowsSql's forms are. A statement without one is sent as it is, row by row.
 *
 * @example manyRowsForm(JIRA_SQL.enqueueImpactOfCase, MANY_ROWS_IMPACT_OF_CASES)
 */
export function manyRowsForm(single: string, many: string): void {
  SPECIAL.set(single, many);
  cache.delete(single);
}

const VALUES_FORM = /^(INSERT INTO \w+ \([\w\s,]+\))\s+VALUES \(([?,\s]+)\)(\s+ON CONFLICT\b[\s\S]*)?$/;

function fromValues(sql: string): string | null {
  const m = VALUES_FORM.exec(sql.trim());
  if (!m) return null;
  const [, head, marks, onConflict] = m as unknown as [string, string, string, string | undefined];
  const count = marks.split(',').length;
  if (marks.replace(/[\s,]/g, '') !== '?'.repeat(count)) return null;
  const columns = Array.from({ length: count }, (_, i) => `value->>${i}`).join(', ');
  return `${head} SELECT ${columns} FROM json_each(?) WHERE true${onConflict ?? ''}`;
}

/**
 * For an additive upsert (every bind value after the key is added to what is stored: `ON CONFLICT … DO UPDATE SET
 * n = n + excluded.n`), how many leading bind values make the key; null for any other statement. Rows with the same
 * key can be summed before they are sent: one row instead of many, the same totals. The daily rollups are one: a
 * group of new tickets mostly lands on the same day, channel, group and brand.
 */
export function additiveKeyLength(sql: string): number | null {
  return ADDITIVE.get(sql) ?? null;
}

const ADDITIVE = new Map<string, number>([[SQL.addRollup, 5]]);
