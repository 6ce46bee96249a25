import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The first step of `pnpm test` on a machine that lacks something it cannot install: one clear line, exit 1.
const script = fileURLToPath(new URL('../support/prerequisites.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const run = (env: Record<string, string>) => {
  const r = spawnSync(tsx, [script], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, lines: r.stderr.trim().split('\n') };
};

describe('pnpm test on a fresh machine (test/support/prerequisites.ts)', () => {
  it('passes here: Chromium, scikit-learn and the shared data are found', () => {
    expect(run({})).toEqual({ status: 0, lines: [''] });
  });

  it('stops with one line naming what to install when Chromium is not where it is said to be', () => {
    expect(run({ CHROMIUM_PATH: '/nonexistent/chromium' })).toEqual({
      status: 1,
      lines: [
        "pnpm test: CHROMIUM_PATH=/nonexistent/chromium does not exist: point it at a Chromium binary, or unset it and install Debian's chromium (apt-get install chromium).",
      ],
    });
  });

  it('stops with one line when the shared data is not where SUPPORT_METRICS_SHARED_DATA says', () => {
    expect(run({ SUPPORT_METRICS_SHARED_DATA: '/nonexistent/shared/data' })).toEqual({
      status: 1,
      lines: [
        'pnpm test: SUPPORT_METRICS_SHARED_DATA=/nonexistent/shared/data holds no shared data (no tickets_datasets in it)',
      ],
    });
  });
});
