#!/usr/bin/env -S npx tsx
import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';
import { reportCommand } from './commands/report.js';
import { scoreCommand } from './commands/score.js';
import { syncCommand } from './commands/sync.js';

const USAGE = `usage: support-metrics <command>

  score [FILE] [--json] [--policies FILE]
                               score the completeness of one case (case JSON, Zendesk ticket, or {"ticket": …}); stdin
                               without FILE; --policies: the tenant's rubric and policy as GET /api/policies gives them
  report --input FILE --format <zendesk-json|kaggle-csv|servicenow-csv|helpdesk-log-csv|cases-json>
         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
                               every metric with value, benchmark, target and status
  sync zendesk --since YYYY-MM-DD [--worker URL] [--restart] [--no-audits]
                               backfill the worker's store from Zendesk's incremental export (resumable)`;

/** Where the CLI writes: process.stdout / process.stderr, or a test's sink. */
export interface Output {
  write(text: string): unknown;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(
  argv: string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'score') {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { json: { type: 'boolean' }, policies: { type: 'string' } },
        allowPositionals: true,
      });
      out.write(`${await scoreCommand(positionals[0], values.json === true, values.policies)}\n`);
      return 0;
    }
    if (command === 'report') {
      const { values } = parseArgs({
        args: rest,
        options: {
          input: { type: 'string' },
          format: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
          json: { type: 'boolean' },
        },
      });
      const { stdout, stderr } = await reportCommand({ ...values, json: values.json === true });
      if (stderr) err.write(`${stderr}\n`);
      out.write(`${stdout}\n`);
      return 0;
    }
    if (command === 'sync') {
      const { values, positionals } = parseArgs({
        args: rest,
        options: {
          since: { type: 'string' },
          worker: { type: 'string' },
          restart: { type: 'boolean' },
          'no-audits': { type: 'boolean' },
        },
        allowPositionals: true,
      });
      let stop = false;
      const onSigint = () => {
        if (stop) process.exit(130);
        stop = true;
        err.write('\nstopping after this page… (Ctrl-C again to quit at once)\n');
      };
      process.on('SIGINT', onSigint);
      try {
        const summary = await syncCommand({
          source: positionals[0],
          since: values.since,
          worker: values.worker,
          restart: values.restart === true,
          audits: values['no-audits'] !== true,
          env: process.env,
          err,
          stopRequested: () => stop,
        });
        out.write(`${summary}\n`);
      } finally {
        process.off('SIGINT', onSigint);
      }
      return 0;
    }
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      out.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    throw new CliError(
      `unknown command "${command}" (commands: score, report, sync; see support-metrics help)`,
    );
  } catch (e) {
    if (e instanceof CliError) {
      err.write(`support-metrics: ${e.message}\n`);
      return 2;
    }
    // parseArgs raises TypeError with a code for unknown or malformed options.
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err.write(`support-metrics: ${(e as Error).message}\n`);
      return 2;
    }
    // Anything else is a bug of ours: still one line, and exit 1 so scripts can tell it from bad input.
    err.write(`support-metrics: internal error: ${(e as Error).name}: ${(e as Error).message}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('main.ts')) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
