import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SHARED_DATA } from '@support-metrics/core/test-support';
import { describe, expect, it } from 'vitest';
import { main, type Output } from './main.js';

const SHARED = SHARED_DATA;
const SAMPLE = new URL('../../core/sample/zendesk-export.json', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sm-cli-'));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    ({
      write: (s: string) => {
        append(s);
        return true;
      },
    }) satisfies Output;
  const code = await main(
    argv,
    sink((s) => {
      stdout += s;
    }),
    sink((s) => {
      stderr += s;
    }),
  );
  return { code, stdout, stderr };
}

describe('support-metrics score', () => {
  it('prints exactly the completeness result as JSON for a case file', async () => {
    const file = join(dir, 'case.json');
    writeFileSync(file, JSON.stringify({ subject: 'Crash', description: 'The app crashed.' }));
    const { code, stdout } = await run('score', file, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(
      ['complete', 'issueType', 'items', 'missing', 'requestDraft', 'score'].sort(),
    );
    expect(result.missing).toContain('version');
  });

  it('scores under the tenant policies of GET /api/policies, as the worker does: a recorded issue type wins', async () => {
    const file = join(dir, 'tagged.json');
    writeFileSync(
      file,
      JSON.stringify({
        subject: 'Export crashes',
        description: 'Since 4.2.1 the desktop app crashes when I click Export. Error: "Unhandled exception".',
        tags: ['team_question'],
      }),
    );
    const policies = join(dir, 'policies.json');
    // The shape GET /api/policies answers (its other keys are ignored).
    writeFileSync(
      policies,
      JSON.stringify({
        rubricSource: 'default',
        closurePolicy: { tags: { issue_type: { team_question: 'how-to' } } },
      }),
    );
    const plain = JSON.parse((await run('score', file, '--json')).stdout);
    const scored = JSON.parse((await run('score', file, '--json', '--policies', policies)).stdout);
    expect(plain.issueType).toBe('bug');
    expect(scored.issueType).toBe('how_to');
    writeFileSync(policies, JSON.stringify({ closurePolicy: { required: ['nonsense'] } }));
    const bad = await run('score', file, '--policies', policies);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/not valid policies: closurePolicy\.required\.0/);
  });

  it('reads a Zendesk ticket wrapped as {"ticket": …} and prints a readable verdict', async () => {
    const tickets = (
      await import(`${SHARED}zendesk_api/zenpy_GET_tickets_list.json`, { with: { type: 'json' } })
    ).default.tickets as object[];
    const file = join(dir, 'ticket.json');
    writeFileSync(file, JSON.stringify({ ticket: tickets[0] }));
    const { code, stdout } = await run('score', file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Completeness \d+\/100 — (Ready to work|Missing information)/);
  });
});

describe('support-metrics report', () => {
  it('prints every metric of the bundled sample as a table', async () => {
    const { code, stdout } = await run('report', '--input', SAMPLE, '--format', 'zendesk-json');
    expect(code).toBe(0);
    expect(stdout).toContain('First contact resolution');
    expect(stdout).toMatch(/Case completeness\s+\d+\.\d%\s+47\.0%\s+80\.0%/);
    expect(stdout).toContain('not measured');
  });

  it('gives { window, metrics } as JSON with rates as fractions and times in hours', async () => {
    const { code, stdout } = await run(
      'report',
      '--input',
      SAMPLE,
      '--format',
      'zendesk-json',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.window).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    const fcr = report.metrics.first_contact_resolution;
    expect(fcr.value).toBeGreaterThan(0);
    expect(fcr.value).toBeLessThan(1);
    expect(fcr.value).toBeCloseTo(fcr.numerator / fcr.denominator);
    expect(report.metrics.nps.status).toBe('not_measured');
  });

  it('refuses a CSV of another format instead of skipping every row', async () => {
    const servicenow = `${SHARED}tickets_datasets/servicenow_incident_event_log/incident_event_log.csv`;
    const { code, stderr } = await run('report', '--input', servicenow, '--format', 'kaggle-csv');
    expect(code).toBe(2);
    expect(stderr).toMatch(/is not kaggle-csv: its header lacks "Ticket ID"/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports skipped rows of a real CSV on stderr with their numbers and a count', async () => {
    const { code, stderr } = await run(
      'report',
      '--input',
      `${SHARED}tickets_datasets/kaggle_customer_support_tickets/customer_support_tickets.csv`,
      '--format',
      'kaggle-csv',
      '--json',
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^skipped 4184 rows of .*\n {2}row 4: Time to Resolution is before First Response Time/,
    );
  });

  it.each([
    [['report', '--input', '/nope.json', '--format', 'zendesk-json'], /file not found: \/nope\.json/],
    [['report', '--input', SAMPLE, '--format', 'freshdesk'], /unknown format "freshdesk"/],
    [['report', '--input', SAMPLE], /missing --format/],
    [
      ['report', '--input', SAMPLE, '--format', 'zendesk-json', '--from', '1 Oct'],
      /--from must be a date YYYY-MM-DD/,
    ],
    [['score', join(dir, 'bad.json')], /malformed JSON in .*bad\.json/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [
      ['report', '--input', SAMPLE, '--format', 'zendesk-json', '--from', '2026-02-30'],
      /--from must be a date/,
    ],
    [
      ['report', '--input', SAMPLE, '--format', 'zendesk-json', '--from', '2026-10-05', '--to', '2026-10-01'],
      /--from 2026-10-05 is after --to/,
    ],
    [['score', join(dir, 'empty.json')], /expected a case with "subject" or "description"/],
    [['report', '--bogus'], /Unknown option '--bogus'/],
  ])('exits 2 with one clear line for %j', async (argv, message) => {
    writeFileSync(join(dir, 'bad.json'), '{"subject": ');
    writeFileSync(join(dir, 'empty.json'), '{}');
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')[0]).toMatch(/^support-metrics: /);
  });
});

describe('the real process', () => {
  it('sets exit code 2 and reads stdin', async () => {
    const exec = promisify(execFile);
    const tsx = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;
    const entry = new URL('./main.ts', import.meta.url).pathname;
    await expect(
      exec(tsx, [entry, 'report', '--input', '/nope', '--format', 'kaggle-csv']),
    ).rejects.toMatchObject({ code: 2 });
    const child = exec(tsx, [entry, 'score', '--json']);
    child.child.stdin?.end(
      JSON.stringify({
        subject: 'How do I export a report?',
        description: 'How do I export from the billing dashboard?',
      }),
    );
    const { stdout } = await child;
    expect(JSON.parse(stdout).issueType).toBe('how_to');
  }, 30_000);
});
