import { defineProject } from 'vitest/config';

// Node-side parts of the Slack plugin: the command parser, Block Kit builders, the manifest, token crypto.
// The routes and handlers are tested through signed HTTP requests inside workerd in packages/worker/test.
export default defineProject({
  test: {
    name: 'slack-bot',
    include: ['src/**/*.test.ts'],
  },
});
