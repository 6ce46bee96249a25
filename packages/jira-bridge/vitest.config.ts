import { defineProject } from 'vitest/config';

// Node-side parts of the Jira bridge: webhook verification and payload parsing, jira.js over msw.
// The routes (src/routes/*.test.ts) run inside workerd in the jira-bridge-workers project (vitest.workers.config.ts).
export default defineProject({
  test: {
    name: 'jira-bridge',
    include: ['src/**/*.test.ts'],
    exclude: ['src/routes/**'],
  },
});
