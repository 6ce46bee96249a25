import {
  CalendarDateSchema,
  type Case,
  computeMetrics,
  IMPORT_FORMATS,
  ImportError,
  type ImportFormat,
  importCases,
  parseCsv,
} from '@support-metrics/core';
import { CliError } from '../cli-error.js';
import { formatMetricsTable } from '../format.js';
import { readInput } from '../read-input.js';

export interface ReportOptions {
  input?: string | undefined;
  format?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  json: boolean;
}

// Columns each CSV format cannot do without: a file with another header is the wrong format, not bad rows.
const REQUIRED_COLUMNS: Partial<Record<ImportFormat, string[]>> = {
  'kaggle-csv': ['Ticket ID', 'Ticket Description', 'First Response Time'],
  'servicenow-csv': ['number', 'incident_state', 'opened_at'],
  'helpdesk-log-csv': ['case:concept:name', 'time:timestamp'],
};

function checkFormat(text: string, format: ImportFormat, file: string): void {
  const required = REQUIRED_COLUMNS[format];
  if (!required) return;
  const first = parseCsv(text).next();
  const header = first.done ? [] : first.value.fields.map((h) => h.trim());
  const absent = required.filter((c) => !header.includes(c));
  if (absent.length > 0)
    throw new CliError(
      `${file} is not ${format}: its header lacks ${absent.map((c) => `"${c}"`).join(', ')}`,
    );
}

function checkDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!CalendarDateSchema.safeParse(value).success)
    throw new CliError(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

/** `support-metrics report --input FILE --format F [--from D] [--to D] [--json]`: output and the skipped-rows note for stderr. */
export async function reportCommand(opts: ReportOptions): Promise<{ stdout: string; stderr: string }> {
  if (!opts.input) throw new CliError('missing --input FILE');
  if (!opts.format) throw new CliError(`missing --format (one of ${IMPORT_FORMATS.join(', ')})`);
  if (!(IMPORT_FORMATS as readonly string[]).includes(opts.format))
    throw new CliError(`unknown format "${opts.format}" (one of ${IMPORT_FORMATS.join(', ')})`);
  const from = checkDate('from', opts.from);
  const to = checkDate('to', opts.to);
  if (from && to && from > to) throw new CliError(`--from ${from} is after --to ${to}`);

  const text = await readInput(opts.input);
  checkFormat(text, opts.format as ImportFormat, opts.input);
  const skipped: { row: number; reason: string }[] = [];
  let skippedCount = 0;
  let items: Iterable<{ ok: true; case: Case } | { ok: false; row: number; reason: string }>;
  try {
    items = importCases(text, opts.format as ImportFormat);
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(`${opts.input}: ${e.message}`);
    throw e;
  }
  function* cases(): Generator<Case> {
    for (const item of items) {
      if (item.ok) yield item.case;
      else {
        skippedCount++;
        if (skipped.length < 10) skipped.push({ row: item.row, reason: item.reason });
      }
    }
  }
  let report: ReturnType<typeof computeMetrics>;
  try {
    report = computeMetrics(cases(), { from, to });
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(`${opts.input}: ${e.message}`);
    throw e;
  }
  const note =
    skippedCount === 0
      ? ''
      : [
          `skipped ${skippedCount} row${skippedCount === 1 ? '' : 's'} of ${opts.input}:`,
          ...skipped.map((s) => `  row ${s.row}: ${s.reason}`),
          ...(skippedCount > skipped.length ? [`  … and ${skippedCount - skipped.length} more`] : []),
        ].join('\n');
  const stdout = opts.json
    ? JSON.stringify(
        { window: report.window, counts: report.counts, skipped: skippedCount, metrics: report.metrics },
        null,
        2,
      )
    : formatMetricsTable(report.metrics, report.window, report.counts);
  return { stdout, stderr: note };
}
