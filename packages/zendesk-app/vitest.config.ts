import { defineProject } from 'vitest/config';

// Node-side parts of the Zendesk plugin (backfill, API client, payload parsing, the app package) and the sidebar's
// components (happy-dom, ZAF client stubbed). The routes (src/routes/*.test.ts) run inside workerd in the
// zendesk-app-workers project (vitest.workers.config.ts).
export default defineProject({
  test: {
    name: 'zendesk-app',
    include: ['src/**/*.test.ts'],
    exclude: ['src/routes/**'],
  },
});
