import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rollup } from 'vite';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawIcon } from '../../scripts/icons.js';
import { APP_ROOT, collectAppFiles } from './app-files.js';
import { pngSize } from './png-size.js';
import type { AppFiles } from './validate-manifest.js';
import { validatePackage } from './validate-package.js';

const WORKER = 'https://support-metrics.acme.workers.dev';
let files: AppFiles;
let bundle: Rollup.OutputChunk;

// The sidebar built as `pnpm package` builds it (vite.config.ts), into a directory of its own.
beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'sm-sidebar-'));
  const out = (await build({
    configFile: join(APP_ROOT, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  })) as Rollup.RollupOutput;
  const chunk = out.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error('no chunk');
  bundle = chunk;
  files = collectAppFiles({ workerUrl: WORKER, builtAssets: outDir });
}, 120_000);

describe('the zip Zendesk receives', () => {
  it('passes every ported rule of Zendesk’s validator with no error and no warning', () => {
    const report = validatePackage(files, { workerHost: 'support-metrics.acme.workers.dev' });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    // The one warning Zendesk gives every app with a jwt_secret_key setting, set apart by name and reason.
    expect(report.accepted.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^Possible secrets found in manifest\.json \('secret\.\.\.'\), assets\/iframe-[\w-]+\.js \('secret\.\.\.'\)\. Consider reviewing the contents of these files before submitting your app\.$/,
      ),
    ]);
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'translations/en.json',
        'translations/de.json',
        'assets/iframe.html',
        'assets/logo.png',
        'assets/logo-small.png',
      ]),
    );
  });

  it('whitelists the configured worker, and fails for another', () => {
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).domainWhitelist).toEqual([
      'support-metrics.acme.workers.dev',
    ]);
    expect(validatePackage(files, { workerHost: 'sm.other.example' }).errors.map((e) => e.message)).toEqual([
      'domainWhitelist must name the worker sm.other.example: secure settings are sent only to whitelisted domains.',
    ]);
  });

  it('carries the icons Zendesk asks for: logo.png 320x320, logo-small.png 128x128 (real PNGs)', () => {
    expect(pngSize(files['assets/logo.png'] as Uint8Array)).toEqual({ width: 320, height: 320 });
    expect(pngSize(files['assets/logo-small.png'] as Uint8Array)).toEqual({ width: 128, height: 128 });
    const wrong = { ...files, 'assets/logo-small.png': drawIcon(64) };
    delete (wrong as Partial<AppFiles>)['assets/logo.png'];
    expect(validatePackage(wrong).errors.map((e) => e.message)).toEqual([
      'assets/logo.png must be a 320x320 PNG, it is missing.',
      'assets/logo-small.png must be a 128x128 PNG, it is 64x64.',
    ]);
  });

  it('the sidebar bundle holds only what the sidebar runs: no SQL, no store, no server code', () => {
    const modules = bundle.moduleIds.map((id) => id.replace(/^.*?\/packages\//, 'packages/'));
    const server = modules.filter((id) =>
      /^packages\/(?:platform|worker|slack-bot|jira-bridge|cli)\/|^packages\/zendesk-app\/src\/(?:server|backfill|zendesk-api)\/|^packages\/core\/src\/(?:store|importers|metrics|success)\//.test(
        id,
      ),
    );
    expect(server).toEqual([]);
    expect(modules.some((id) => id.includes('hono') || id.includes('node-zendesk'))).toBe(false);
    // Core's SQL is written in upper case: no statement of it survives in the code.
    expect(bundle.code).not.toMatch(
      /\b(?:SELECT\s[\s\S]{1,400}?\bFROM|INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:TABLE|INDEX))\b/,
    );
    expect(bundle.code).not.toMatch(/api_tokens|token_hash|tenant_id/);
    // What it does run is there: the scorer and the closed-record check.
    expect(modules).toEqual(
      expect.arrayContaining([
        'packages/core/src/completeness/score.ts',
        'packages/core/src/closure/check-closure-record.ts',
      ]),
    );
  });

  it('accepts the secrets keyword only when it is the jwt_secret_key scope: any other "secret" in manifest.json warns', () => {
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    manifest.parameters.push({ name: 'client_secret', secure: true, scopes: ['header'] });
    const report = validatePackage({
      ...files,
      'manifest.json': new TextEncoder().encode(JSON.stringify(manifest)),
    });
    expect(report.accepted).toEqual([]);
    expect(report.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining("Possible secrets found in manifest.json ('secret...')"),
    ]);
  });

  it('the check sees SQL and server code when they are bundled (the test can fail)', () => {
    const sql = 'const q = "SELECT tenant_id FROM api_tokens WHERE token_hash = ?"';
    expect(sql).toMatch(/\b(?:SELECT\s[\s\S]{1,400}?\bFROM)\b/);
    expect(
      validatePackage({ ...files, 'assets/server.js': new TextEncoder().encode(`${sql}; token: "abcd0123"`) })
        .warnings.length,
    ).toBeGreaterThan(0);
  });
});
