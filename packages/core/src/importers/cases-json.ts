import { CaseSchema } from '../case/case-schema.js';
import { describeIssues, ImportError, type ImportItem } from './import-result.js';

/**
 * Reads our own case JSON: an array of cases, `{ "cases": [...] }`, or one case per line (NDJSON).
 *
 * @example [...importCasesJson('[{"id":"1","createdAt":"2026-10-01T09:00:00Z"}]')]
 */
export function* importCasesJson(text: string, tenantId = 'default'): Generator<ImportItem> {
  let items: unknown[];
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{"cases"') || trimmed.startsWith('{ "cases"')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (e) {
      throw new ImportError(`malformed JSON: ${(e as Error).message}`);
    }
    items = Array.isArray(data) ? data : ((data as { cases?: unknown[] }).cases ?? []);
  } else {
    items = [];
    for (const [k, line] of trimmed.split('\n').entries()) {
      if (!line.trim()) continue;
      try {
        items.push(JSON.parse(line));
      } catch {
        items.push(new Error(`line ${k + 1} is not JSON`));
      }
    }
  }
  let row = 0;
  for (const raw of items) {
    row++;
    if (raw instanceof Error) {
      yield { ok: false, row, reason: raw.message };
      continue;
    }
    const parsed = CaseSchema.safeParse(
      typeof raw === 'object' && raw !== null && !('tenantId' in raw) ? { ...raw, tenantId } : raw,
    );
    yield parsed.success
      ? { ok: true, row, case: parsed.data }
      : { ok: false, row, reason: describeIssues(parsed.error.issues) };
  }
}
