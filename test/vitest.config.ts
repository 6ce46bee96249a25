import { defineProject } from 'vitest/config';

export default defineProject({
  // Each file starts its own `wrangler dev`: give them time, and run them one at a time on this 2-core machine.
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts', 'repo/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
