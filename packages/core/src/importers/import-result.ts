import type { Case } from '../case/case-schema.js';

/** One row of an import: a case, or the reason the row was skipped. */
export type ImportItem = { ok: true; row: number; case: Case } | { ok: false; row: number; reason: string };

/** Formats the importers understand, as named on the command line. */
export const IMPORT_FORMATS = [
  'zendesk-json',
  'kaggle-csv',
  'servicenow-csv',
  'helpdesk-log-csv',
  'cases-json',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Raised for input that cannot be read at all (as opposed to one bad row, which is skipped). */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Describes a zod error in one line: `createdAt: Invalid ISO datetime; id: Required`. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
