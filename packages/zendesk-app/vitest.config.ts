import { defineProject } from 'vitest/config';

// Node-side parts of the Zendesk plugin (backfill, API client, payload parsing, the app package) and the sidebar's
// components (happy-dom, ZAF client stubbed). The webhook routes are tested inside workerd in packages/worker/test.
export default defineProject({
  test: {
    name: 'zendesk-app',
    include: ['src/**/*.test.ts'],
  },
});
