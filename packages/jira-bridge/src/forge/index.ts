// The worker side of the Forge app (packages/jira-app): Forge Invocation Tokens, the site → tenant map, the routes
// the app calls and the indexed impact property. Imported as '@support-metrics/jira-bridge/forge'.

export * from '../routes/forge-routes.js';
export * from './forge-auth.js';
export * from './forge-config.js';
export * from './forge-event-schema.js';
export * from './forge-tenant.js';
export * from './impact-property.js';
export * from './invocation-token.js';
