import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// The platform's tests run inside workerd with a real local D1 (miniflare), migrated with the deployable worker's
// migrations (the schema of every table, each file named for its owner). Its stores, auth and errors are tested here
// through a small hono app of their own; the worker's tests keep the wiring.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(fileURLToPath(new URL('../worker/migrations', import.meta.url)));
  return {
    plugins: [
      cloudflareTest({
        miniflare: {
          compatibilityDate: '2026-04-20',
          compatibilityFlags: ['nodejs_compat'],
          d1Databases: ['DB'],
          bindings: { TEST_MIGRATIONS: migrations, SETTINGS_SECRET: 'platform-test-settings-secret' },
        },
      }),
    ],
    test: {
      name: 'platform',
      include: ['src/**/*.test.ts'],
      setupFiles: ['./src/test-support/apply-migrations.ts'],
    },
  };
});
