import { defineProject } from 'vitest/config';

// Node-side parts of the Jira bridge: webhook verification and payload parsing, jira.js over msw.
// The routes are tested through signed HTTP requests inside workerd in packages/worker/test.
export default defineProject({
  test: {
    name: 'jira-bridge',
    include: ['src/**/*.test.ts'],
  },
});
