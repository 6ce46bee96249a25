import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { SHARED_DATA } from '../core/src/test-support/shared-data.js';

// The Zendesk app's routes tested inside workerd with a real local D1 (miniflare), as the platform's are: a hono app
// of the platform middleware and the app's routes (src/test-support/wiring.ts, `app.request`) over signed webhooks
// with Zendesk's real payloads and msw as Zendesk's API (src/routes/*.test.ts), migrated with the deployable
// worker's migrations (every table, each file named for its owner).
export default defineConfig(async () => {
  const migrations = await readD1Migrations(fileURLToPath(new URL('../worker/migrations', import.meta.url)));
  return {
    plugins: [
      cloudflareTest({
        miniflare: {
          compatibilityDate: '2026-04-20',
          compatibilityFlags: ['nodejs_compat'],
          d1Databases: ['DB'],
          bindings: {
            TEST_MIGRATIONS: migrations,
            ZENDESK_WEBHOOK_SECRET: 'test-webhook-secret',
            // Opens the tenant settings that hold credentials.
            SETTINGS_SECRET: 'test-settings-secret',
            DEFAULT_TENANT: 'demo',
          },
        },
      }),
    ],
    // Real outside payloads (../shared/data), imported by tests as '@shared-data/…' (JSON, or `?raw` for exact bytes).
    resolve: { alias: { '@shared-data': SHARED_DATA.replace(/\/$/, '') } },
    test: {
      name: 'zendesk-app-workers',
      include: ['src/routes/**/*.test.ts'],
      setupFiles: ['../platform/src/test-support/apply-migrations.ts'],
      testTimeout: 30_000,
    },
  };
});
