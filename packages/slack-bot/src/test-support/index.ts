// The Slack plugin's test harness, for its own workers-pool tests and the worker's whole-app suites (fuzz):
// imported as '@support-metrics/slack-bot/test-support', never from the production barrel.
export * from './slack-harness.js';
