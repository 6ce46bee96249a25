import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { JiraStore, jiraCaseSaved } from '@support-metrics/jira-bridge';
import {
  type AppEnv,
  apiRoutes,
  composeConfig,
  customerApiRoutes,
  notFound,
  onError,
  type PlatformPlugins,
  platform,
} from '@support-metrics/platform';
import { testHarness } from '@support-metrics/platform/test-support';
import { Hono } from 'hono';
import { zendeskConfig } from '../config.js';
import { sidebarAuth } from '../routes/sidebar-auth.js';
import { zendeskSyncRoutes } from '../routes/sync-route.js';
import { zendeskRoutes } from '../routes/webhooks-route.js';
import { zendeskRequests } from './zendesk-harness.js';

/**
 * The Zendesk app on the platform for its workers-pool tests: its config composed with the platform's, and the bug
 * tracker the worker wires beside it (the Jira bridge's case-saved hook and bug links), since a ticket's Jira field
 * and tags become links in the case's own write. A test-only dependency (devDependencies); the app's code never
 * imports the bridge.
 */
export const zendeskPlugins: PlatformPlugins = {
  config: composeConfig([zendeskConfig]),
  caseSaved: [jiraCaseSaved],
  bugLinks: (db) => new JiraStore(db),
};

/** The stores over the test's local D1 with these parts, and a tenant with an API token. */
export const { testStores, seedTenant } = testHarness(zendeskPlugins);

/**
 * The Zendesk app's routes mounted as the worker mounts them (the sidebar's JWT before `/api/*`, the backfill's sync
 * API, the webhooks), with the platform's API the tests read their effects back through.
 */
const app = new Hono<AppEnv>();
app.use('*', platform(zendeskPlugins));
app.use('/api/*', sidebarAuth());
app.route('/api/sync/zendesk', zendeskSyncRoutes());
app.route('/api', customerApiRoutes());
app.route('/api', apiRoutes());
app.route('/', zendeskRoutes());
app.onError(onError);
app.notFound(notFound);

/**
 * Signed webhooks and API reads through that app (`app.request`), each with its own execution context; work left
 * under `waitUntil` (a name refresh after the answer) runs on, as on the worker.
 */
export const { postWebhook, api } = zendeskRequests(async (request) =>
  app.request(request, undefined, env, createExecutionContext()),
);
