/**
 * The worker side of the Forge app (packages/jira-app), imported as '@support-metrics/jira-bridge/forge': the routes
 * the app calls (`forgeRoutes`, which the worker mounts at /forge/jira). Their Forge Invocation Token check, the
 * site → tenant map and the indexed impact property are internal (the manifest test reads the index through
 * '@support-metrics/jira-bridge/impact-index').
 */
export { forgeRoutes } from '../routes/forge-routes.js';
