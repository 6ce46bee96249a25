import { defineProject } from 'vitest/config';

// The platform's pure parts (statement forms, group commit plans, errors). Its stores and middleware run inside
// workerd with a real local D1 in packages/worker/test, through the worker's routes.
export default defineProject({
  test: { name: 'platform', include: ['src/**/*.test.ts'] },
});
