/**
 * Statements for `wrangler d1 execute --command` (the seed, tenant.ts): the owners' own statements with their `?`
 * placeholders replaced by SQL literals, so no script writes a table's SQL of its own.
 */

export function literal(v: string | number | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  return `'${v.replaceAll("'", "''")}'`;
}

/**
 * A statement on one line with its `?` placeholders replaced by SQL literals. The statement's own whitespace is
 * folded first, the values are kept byte for byte (a description's paragraphs, a secret's spaces).
 *
 * @example render(SQL.insertToken, [hash, 'acme', 'created by tenant.ts', now])
 */
export function render(sql: string, params: readonly (string | number | null)[]): string {
  let i = 0;
  return `${sql.replace(/\s+/g, ' ').replace(/\?/g, () => literal(params[i++] ?? null))};`;
}
