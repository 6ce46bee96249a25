// The Zendesk app's test helpers (signed webhooks as Zendesk sends them, its event shapes), for its own workers-pool
// tests and the worker's whole-app suites: imported as '@support-metrics/zendesk-app/test-support', never from the
// production barrel.
export * from './zendesk-harness.js';
