import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One `vitest run` at the root runs every package's tests plus the cross-package suite in test/.
export default defineConfig({
  // The worker project's CommonJS requires (bolt → @slack/socket-mode) are resolved by the root server when run from
  // here, so the alias of the workers-pool configs is repeated (see packages/slack-bot/src/stubs).
  resolve: {
    alias: {
      '@slack/socket-mode': fileURLToPath(
        new URL('./packages/slack-bot/src/stubs/slack-socket-mode.cjs', import.meta.url),
      ),
    },
  },
  test: {
    // Each package's vitest.config.ts, and a plugin's workers-pool project for its routes (vitest.workers.config.ts).
    projects: ['packages/*', 'packages/*/vitest.workers.config.ts', 'test'],
  },
});
