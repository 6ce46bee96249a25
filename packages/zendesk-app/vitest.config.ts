import { defineProject } from 'vitest/config';

// Node-side parts of the Zendesk plugin (backfill, API client, payload parsing). The webhook routes are
// tested inside workerd with a real D1 in packages/worker/test.
export default defineProject({
  test: { name: 'zendesk-app', include: ['src/**/*.test.ts'] },
});
