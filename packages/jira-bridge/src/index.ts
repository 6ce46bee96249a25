/**
 * The Jira bridge's public surface, what the worker and the scripts use:
 * - wiring: `jiraConfig` (its part of the worker's config), `jiraRoutes` (the signed webhook), `jiraApiRoutes`
 *   (`/api/links`, `/api/bugs`), `runJiraJobs` (the outbox, in the cron and after a delivery), `jiraCaseSaved` (its
 *   statements in a case's transaction) and `JiraStore` (the platform's bug links);
 * - for `tenant.ts` and the seed: `JiraCredentialsSchema` (a tenant's `jiraApi` setting), `JIRA_SQL`;
 * - for the fuzz suite: `JiraWebhookSchema`.
 * The Forge routes are '@support-metrics/jira-bridge/forge'; msw handlers '@support-metrics/jira-bridge/mocks'.
 * Everything else is internal: the package's own tests import its files directly.
 */
export { jiraConfig } from './config.js';
export { JiraCredentialsSchema } from './jira-api/jira-account.js';
export { runJiraJobs } from './jobs/jira-jobs.js';
export { jiraApiRoutes } from './routes/jira-api-routes.js';
export { jiraRoutes } from './routes/jira-routes.js';
export { jiraCaseSaved } from './store/case-saved.js';
export { JIRA_SQL } from './store/jira-sql.js';
export { JiraStore } from './store/jira-store.js';
export { JiraWebhookSchema } from './webhook/jira-payload-schema.js';
