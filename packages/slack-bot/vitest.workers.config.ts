import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { SHARED_DATA } from '../core/src/test-support/shared-data.js';

// The Slack plugin's routes tested inside workerd with a real local D1 (miniflare), as the platform's are: a hono app
// of the platform middleware and the plugin's routes (src/test-support/slack-harness.ts, `app.request`) over signed
// requests with Slack's real payloads and msw as the Web API (src/routes/*.test.ts), migrated with the deployable
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
            // The signing secret of Slack's documented test vector (../shared/data/slack/PROVENANCE.txt).
            SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
            SLACK_BOT_TOKEN: 'xoxb-test-bot-token',
            SETTINGS_SECRET: 'test-settings-secret',
            DEFAULT_TENANT: 'demo',
          },
        },
      }),
    ],
    resolve: {
      alias: {
        // Real outside payloads (../shared/data), imported by tests as '@shared-data/…' (JSON, or `?raw` for bytes).
        '@shared-data': SHARED_DATA.replace(/\/$/, ''),
        // As in the worker's wrangler.jsonc: bolt's socket mode (undici) does not load on workerd and is not used.
        '@slack/socket-mode': fileURLToPath(new URL('./src/stubs/slack-socket-mode.cjs', import.meta.url)),
      },
    },
    test: {
      name: 'slack-bot-workers',
      include: ['src/routes/**/*.test.ts'],
      setupFiles: ['../platform/src/test-support/apply-migrations.ts'],
      testTimeout: 30_000,
    },
  };
});
