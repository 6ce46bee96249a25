import { defineProject } from 'vitest/config';

// The Forge app: its manifest through @forge/manifest's own validators (offline), the UI Kit components rendered by
// @forge/react's reconciler into the tree Forge sends to Jira (no Jira needed), and the view logic behind them. The
// worker side (Forge Invocation Tokens, resolvers, triggers) is tested inside workerd in packages/worker/test.
export default defineProject({
  test: {
    name: 'jira-app',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-support/forge-bridge.ts'],
    // @forge/manifest compiles its JSON schema (several MB) on each full validation: seconds, not milliseconds.
    testTimeout: 60_000,
  },
});
