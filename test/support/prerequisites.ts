/**
 * The first step of `pnpm test` (the README's test command, and `.ci/run`'s): what the tests need from outside the
 * checkout, checked before anything runs, so that a fresh machine either gets it or is told in one line.
 * - Chromium (the sidebar's browser tests; playwright-core drives the system's, no browser download): CHROMIUM_PATH,
 *   else /usr/bin/chromium. Missing: installed with apt-get when this runs as root on a machine that has it, else
 *   the run stops saying what to install.
 * - scikit-learn for /usr/bin/python3 (the completeness model's reproducibility test retrains it): the same, Debian's
 *   python3-sklearn.
 * - The real outside data (../shared/data): found beside the checkout, one of its parent folders, or the local
 *   repository it was cloned from, or where SUPPORT_METRICS_SHARED_DATA says (core's test-support/shared-data.ts);
 *   neither: the run stops saying so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const stop = (line: string): never => {
  console.error(`pnpm test: ${line}`);
  process.exit(1);
};
const hasApt = () => spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
const isRoot = () => process.getuid?.() === 0;
let aptUpdated = false;
function aptInstall(pkg: string): boolean {
  if (!isRoot() || !hasApt()) return false;
  console.error(`pnpm test: installing ${pkg} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    if (!aptUpdated)
      execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    aptUpdated = true;
    execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: ['ignore', 'ignore', 'inherit'], env });
    return true;
  } catch {
    return false;
  }
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (
  !existsSync(chromium) &&
  !(chromium === '/usr/bin/chromium' && aptInstall('chromium') && existsSync(chromium))
)
  stop(
    process.env.CHROMIUM_PATH
      ? `CHROMIUM_PATH=${chromium} does not exist: point it at a Chromium binary, or unset it and install Debian's chromium (apt-get install chromium).`
      : 'the browser tests need Chromium at /usr/bin/chromium: install it (as root: apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary.',
  );

const sklearn = () =>
  spawnSync('/usr/bin/python3', ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
if (!sklearn() && !(aptInstall('python3-sklearn') && sklearn()))
  stop(
    "the completeness model's reproducibility test needs scikit-learn for /usr/bin/python3: install it (as root: apt-get install python3-sklearn).",
  );

try {
  await import('@support-metrics/core/test-support');
} catch (e) {
  stop((e as Error).message);
}
