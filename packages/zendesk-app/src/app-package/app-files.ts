/**
 * The files of the installable zip, from the app's sources and the built sidebar (`vite build` into dist/assets):
 * manifest.json (its domainWhitelist set to the worker's host), requirements.json (its endpoints pointed at the
 * worker), translations/, the icons of app/assets and the built assets. Nothing else goes into the zip.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_WORKER, requirementsFor } from './requirements-for.js';
import type { AppFiles } from './validate-manifest.js';

export { EXAMPLE_WORKER };

export const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const encode = (v: unknown) => new TextEncoder().encode(`${JSON.stringify(v, null, 2)}\n`);

/**
 * Reads the app (built beforehand) into the zip's layout. `workerUrl`: the worker the admin's account will talk to
 * (its host goes into domainWhitelist, and requirements.json's webhook endpoints point at it, at `tenant`'s route when
 * one is given); `builtAssets`: where
 * `vite build` wrote the sidebar (dist/assets).
 * @example collectAppFiles({ workerUrl: 'https://support-metrics.acme.workers.dev' })['manifest.json']
 */
export function collectAppFiles(
  options: { workerUrl?: string; tenant?: string; root?: string; builtAssets?: string } = {},
): AppFiles {
  const root = options.root ?? APP_ROOT;
  const worker = new URL(options.workerUrl ?? EXAMPLE_WORKER);
  const files: AppFiles = {};
  const manifest = JSON.parse(readFileSync(join(root, 'app/manifest.json'), 'utf8'));
  manifest.domainWhitelist = [worker.hostname];
  files['manifest.json'] = encode(manifest);
  const requirementsPath = join(root, 'app/requirements.json');
  if (existsSync(requirementsPath)) {
    const source = JSON.parse(readFileSync(requirementsPath, 'utf8'));
    files['requirements.json'] = encode(requirementsFor(source, worker.origin, options.tenant));
  }
  for (const f of readdirSync(join(root, 'app/translations')))
    files[`translations/${f}`] = encode(JSON.parse(readFileSync(join(root, 'app/translations', f), 'utf8')));
  const walk = (dir: string, base: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p, base);
      else files[`assets/${relative(base, p)}`] = new Uint8Array(readFileSync(p));
    }
  };
  walk(join(root, 'app/assets'), join(root, 'app/assets'));
  const built = options.builtAssets ?? join(root, 'dist/assets');
  walk(built, built);
  return files;
}
