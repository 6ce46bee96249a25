/**
 * `WORKER_URL=https://support-metrics.acme.workers.dev TENANT=acme pnpm --filter @support-metrics/zendesk-app package`: builds
 * the sidebar and writes the installable zip `dist/support-metrics-zendesk-app.zip` — manifest.json,
 * requirements.json, translations/ and assets/ — after running the port of Zendesk's upload validator over exactly
 * those files (validate-package.ts). Any error or warning Zendesk would give stops it. The worker's host goes into
 * the manifest's domainWhitelist and requirements.json's webhook endpoints.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { APP_ROOT, collectAppFiles, EXAMPLE_WORKER } from '../src/app-package/app-files.js';
import { validatePackage } from '../src/app-package/validate-package.js';

const workerUrl = process.env.WORKER_URL ?? EXAMPLE_WORKER;
if (!process.env.WORKER_URL) console.warn(`WORKER_URL is not set: building for ${EXAMPLE_WORKER}`);
execFileSync(join(APP_ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
  cwd: APP_ROOT,
  stdio: 'inherit',
});
// TENANT: the tenant this Zendesk account is (its webhooks post to /t/<tenant>/zendesk/webhooks); none: the default.
const files = collectAppFiles({ workerUrl, ...(process.env.TENANT ? { tenant: process.env.TENANT } : {}) });
const { errors, warnings, accepted } = validatePackage(files, { workerHost: new URL(workerUrl).hostname });
for (const f of errors) console.error(`error: ${f.message}  [${f.rule}]`);
for (const f of warnings) console.error(`warning: ${f.message}  [${f.rule}]`);
for (const f of accepted)
  console.error(`note: Zendesk will also warn: ${f.message}  [${f.rule}] — accepted: ${f.why}`);
if (errors.length + warnings.length > 0) process.exit(1);
const out = join(APP_ROOT, 'dist/support-metrics-zendesk-app.zip');
writeFileSync(out, zipSync(files, { level: 9 }));
console.log(`wrote ${relative(process.cwd(), out)}: ${Object.keys(files).sort().join(', ')}`);
