import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { SHARED_DATA } from '../core/src/test-support/shared-data.js';

// The Jira bridge's routes tested inside workerd with a real local D1 (miniflare), as the platform's are: a hono app
// of the platform middleware and the bridge's routes (src/routes/*.test.ts, `app.request`), migrated with the
// deployable worker's migrations (every table, each file named for its owner), jira.js and Atlassian's JWKS over msw.
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
            JIRA_WEBHOOK_SECRET: 'test-jira-webhook-secret',
            JIRA_BASE_URL: 'https://acme.atlassian.net',
            JIRA_EMAIL: 'bot@acme.com',
            JIRA_API_TOKEN: 'test-jira-api-token',
            SETTINGS_SECRET: 'test-settings-secret',
            DEFAULT_TENANT: 'demo',
          },
        },
      }),
    ],
    resolve: {
      alias: {
        // Real outside payloads (../shared/data), imported by tests as '@shared-data/…'.
        '@shared-data': SHARED_DATA.replace(/\/$/, ''),
        // The Forge app's side of the Forge Remote contract (zod only), which forge-routes.test.ts parses the routes'
        // answers with. A path, not a dependency: packages/jira-app depends on this package, and a dependency back
        // would be a workspace cycle (pnpm -r refuses it); the worker's devDependency on jira-app names it for real.
        '@support-metrics/jira-app/contract': fileURLToPath(
          new URL('../jira-app/src/view/remote-contract.ts', import.meta.url),
        ),
      },
    },
    test: {
      name: 'jira-bridge-workers',
      include: ['src/routes/**/*.test.ts'],
      setupFiles: ['../platform/src/test-support/apply-migrations.ts'],
      testTimeout: 30_000,
    },
  };
});
