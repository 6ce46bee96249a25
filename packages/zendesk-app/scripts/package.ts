/**
 * `pnpm --filter @support-metrics/zendesk-app package`: builds the sidebar and writes the installable zip
 * `dist/support-metrics-zendesk-app.zip` — manifest.json, translations/, assets/ and nothing else. The worker's
 * domain goes into the manifest's domainWhitelist: WORKER_URL=https://support-metrics.acme.workers.dev.
 * (zcli's own validation needs a Zendesk account; the manifest is checked by validate-manifest.ts here.)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { validateManifest } from '../src/app-package/validate-manifest.js';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});

const manifest = JSON.parse(readFileSync(join(root, 'app/manifest.json'), 'utf8'));
if (process.env.WORKER_URL) manifest.domainWhitelist = [new URL(process.env.WORKER_URL).hostname];
const translations = Object.fromEntries(
  readdirSync(join(root, 'app/translations')).map((f) => [
    f,
    JSON.parse(readFileSync(join(root, 'app/translations', f), 'utf8')),
  ]),
);
const problems = validateManifest(manifest, translations);
if (problems.length > 0) {
  console.error(`manifest.json is not valid:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const files: Record<string, Uint8Array> = {
  'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
};
for (const [name, json] of Object.entries(translations))
  files[`translations/${name}`] = new TextEncoder().encode(JSON.stringify(json, null, 2));
const walk = (dir: string) => {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else files[`assets/${relative(join(root, 'dist/assets'), p)}`] = readFileSync(p);
  }
};
walk(join(root, 'dist/assets'));
const out = join(root, 'dist/support-metrics-zendesk-app.zip');
writeFileSync(out, zipSync(files, { level: 9 }));
console.log(`wrote ${relative(process.cwd(), out)}: ${Object.keys(files).sort().join(', ')}`);
