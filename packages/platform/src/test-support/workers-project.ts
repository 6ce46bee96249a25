import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/**
 * A plugin's workers-pool vitest project (its `vitest.workers.config.ts`): its routes' tests (src/routes/*.test.ts,
 * `app.request`) inside workerd with a real local D1 (miniflare), migrated with the deployable worker's migrations
 * (every table, each file named for its owner) by the platform's setup file, real outside payloads imported as
 * '@shared-data/…' (JSON, or `?raw` for exact bytes). Each plugin adds its test secrets and any aliases of its own.
 */
export function workersProject(o: {
  name: string;
  /** Core's SHARED_DATA, imported by the config by path (a config file is loaded by Node, untransformed packages aside). */
  sharedData: string;
  bindings: Record<string, string>;
  alias?: Record<string, string>;
}) {
  return defineConfig(async () => {
    const migrations = await readD1Migrations(
      fileURLToPath(new URL('../../../worker/migrations', import.meta.url)),
    );
    return {
      plugins: [
        cloudflareTest({
          miniflare: {
            compatibilityDate: '2026-04-20',
            compatibilityFlags: ['nodejs_compat'],
            d1Databases: ['DB'],
            bindings: {
              TEST_MIGRATIONS: migrations,
              // Opens the tenant settings that hold credentials.
              SETTINGS_SECRET: 'test-settings-secret',
              DEFAULT_TENANT: 'demo',
              ...o.bindings,
            },
          },
        }),
      ],
      resolve: { alias: { '@shared-data': o.sharedData.replace(/\/$/, ''), ...o.alias } },
      test: {
        name: o.name,
        include: ['src/routes/**/*.test.ts'],
        setupFiles: [fileURLToPath(new URL('./apply-migrations.ts', import.meta.url))],
        testTimeout: 30_000,
      },
    };
  });
}
