/**
 * The Slack plugin's public surface, what the worker wires:
 * - `slackConfig` (its part of the worker's config), `slackRoutes` (events, commands, interactivity, OAuth install,
 *   charts), `slackApiRoutes` (`/api/swarms`, `/api/slack/install-url`), `runSlackJobs` (daily posts and aging alerts,
 *   from the cron), `slackEvidence` (swarms for the maturity pre-fill: StorePlugins.evidence);
 * - for the fuzz suite: the inbound payloads' schemas `SlashCommandSchema`, `InteractionSchema`, `EventCallbackSchema`.
 * Test wiring is '@support-metrics/slack-bot/test-support'; msw handlers '@support-metrics/slack-bot/mocks'.
 * Everything else is internal: the package's own tests and scripts import its files directly.
 */
export { slackConfig } from './config.js';
export { runSlackJobs } from './jobs/slack-jobs.js';
export {
  EventCallbackSchema,
  InteractionSchema,
  SlashCommandSchema,
} from './request/slack-payload-schema.js';
export { slackApiRoutes } from './routes/slack-api-routes.js';
export { slackRoutes } from './routes/slack-routes.js';
export { slackEvidence } from './store/slack-store.js';
