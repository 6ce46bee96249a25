/**
 * Sidebar benchmarks: the bundle's gzip size, and the time from ZAF's `app.registered` to the first score painted
 * in Chromium (the preview harness plays Zendesk; marks set by the app). Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startPreview } from '@support-metrics/zendesk-app/preview';
import { launchChromium } from '../test/support/chromium.js';

const app = new URL('../packages/zendesk-app/', import.meta.url).pathname;
execFileSync(`${app}node_modules/.bin/vite`, ['build', '--logLevel', 'warn'], { cwd: app, stdio: 'inherit' });
const dir = `${app}dist/assets/`;
const gzip = readdirSync(dir).reduce((s, f) => s + gzipSync(readFileSync(dir + f), { level: 9 }).length, 0);

const preview = await startPreview({ port: 0, worker: 'http://127.0.0.1:9' });
const browser = await launchChromium();
const times: number[] = [];
for (let i = 0; i < 15; i++) {
  const page = await browser.newPage();
  await page.goto(preview.url);
  const frame = page.frameLocator('#app');
  await frame.locator('[data-testid=score]').waitFor();
  const ms = await page.frames()[1]?.evaluate(() => {
    const [reg] = performance.getEntriesByName('sm:registered');
    const [first] = performance.getEntriesByName('sm:first-score');
    return reg && first ? first.startTime - reg.startTime : Number.NaN;
  });
  if (ms !== undefined && i > 0) times.push(ms); // the first load warms the dev server
  await page.close();
}
await browser.close();
await preview.stop();
times.sort((a, b) => a - b);
const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? Number.NaN;
console.log('\nSidebar (Chromium, preview harness)\n');
console.log(
  `bundle (js + css + html), gzip        ${(gzip / 1024).toFixed(1)} KB   target ≤ 150 KB   ${(150 / (gzip / 1024)).toFixed(1)}× under`,
);
console.log(
  `app.registered → first score, p50/p95  ${p(0.5).toFixed(0)} / ${p(0.95).toFixed(0)} ms   target ≤ 200 ms   ${(200 / p(0.95)).toFixed(1)}× under`,
);
