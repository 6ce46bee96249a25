import { defineProject } from 'vitest/config';

// Node-side parts of the Slack plugin: the command parser, Block Kit builders, the manifest, token crypto.
// The routes and handlers (src/routes/*.test.ts) run through signed HTTP requests inside workerd in the
// slack-bot-workers project (vitest.workers.config.ts).
export default defineProject({
  test: {
    name: 'slack-bot',
    include: ['src/**/*.test.ts'],
    exclude: ['src/routes/**'],
  },
});
