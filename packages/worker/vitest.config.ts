import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { SHARED_DATA } from '../core/src/test-support/shared-data.js';

// Worker tests run inside workerd with a real local D1 (miniflare), migrated from packages/worker/migrations.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(fileURLToPath(new URL('./migrations', import.meta.url)));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.jsonc' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            ZENDESK_WEBHOOK_SECRET: 'test-webhook-secret',
            // The signing secret of Slack's documented test vector (../shared/data/slack/PROVENANCE.txt).
            SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
            SLACK_BOT_TOKEN: 'xoxb-test-bot-token',
            JIRA_WEBHOOK_SECRET: 'test-jira-webhook-secret',
            JIRA_BASE_URL: 'https://acme.atlassian.net',
            JIRA_EMAIL: 'bot@acme.com',
            JIRA_API_TOKEN: 'test-jira-api-token',
            // Opens the tenant settings that hold credentials (tenant-secrets.test.ts seals some with it).
            SETTINGS_SECRET: 'test-settings-secret',
            DEFAULT_TENANT: 'demo',
          },
        },
      }),
    ],
    // Real outside payloads (../shared/data), imported by tests as '@shared-data/…' (JSON, or `?raw` for exact bytes).
    resolve: {
      alias: {
        '@shared-data': SHARED_DATA.replace(/\/$/, ''),
        // As in wrangler.jsonc: bolt's socket mode (undici) does not load on workerd and is not used.
        '@slack/socket-mode': fileURLToPath(
          new URL('../slack-bot/src/stubs/slack-socket-mode.cjs', import.meta.url),
        ),
      },
    },
    test: {
      name: 'worker',
      include: ['test/**/*.test.ts'],
      setupFiles: ['./test/apply-migrations.ts'],
      testTimeout: 30_000,
    },
  };
});
