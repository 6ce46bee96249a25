import { defineConfig } from 'vitest/config';

// One `vitest run` at the root runs every package's tests plus the cross-package suite in test/.
export default defineConfig({
  test: {
    projects: ['packages/*', 'test'],
  },
});
