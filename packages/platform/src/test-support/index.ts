// Test helpers shared by the platform's, the plugins' and the worker's workers-pool tests (workerd, a real local D1):
// imported as '@support-metrics/platform/test-support', never from the production barrel.
export * from './harness.js';
export * from './mutate.js';
export * from './signing.js';
