/**
 * The Zendesk plugin's public surface, what the worker and its scripts and tests use:
 * - wiring: `zendeskConfig` (its part of the worker's config), `zendeskRoutes` (the signed webhooks), `sidebarAuth`
 *   (the sidebar's JWT, before `/api/*`), `zendeskSyncRoutes` (the backfill's `/api/sync/zendesk`),
 *   `zendeskTicketNotes` (the TicketNotes port Slack and Jira write internal notes through);
 * - a tenant's Zendesk account: `ZendeskCredentialsSchema` (its `zendeskApi` setting, for `tenant.ts`),
 *   `createZendeskApi`;
 * - for the fuzz suite: the webhook bodies' schemas.
 * The backfill, the install and the preview are '@support-metrics/zendesk-app/backfill', '/install' and '/preview';
 * msw handlers '/mocks'; test wiring '/test-support'. The sidebar (src/sidebar) is built on its own (vite). Everything
 * else is internal: the package's own tests import its files directly.
 */
export { zendeskConfig } from './config.js';
export { sidebarAuth } from './routes/sidebar-auth.js';
export { zendeskSyncRoutes } from './routes/sync-route.js';
export { zendeskRoutes } from './routes/webhooks-route.js';
export {
  OrganizationEventDetailSchema,
  OrganizationTagsChangedSchema,
} from './webhook/organization-event-schema.js';
export {
  EventWebhookSchema,
  TicketEventDetailSchema,
  TriggerWebhookSchema,
} from './webhook/webhook-payload-schema.js';
export {
  type ZendeskCredentials,
  ZendeskCredentialsSchema,
  zendeskTicketNotes,
} from './zendesk-api/zendesk-account.js';
export { createZendeskApi } from './zendesk-api/zendesk-api.js';
