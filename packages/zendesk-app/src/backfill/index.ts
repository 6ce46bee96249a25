export { createZendeskApi, ZendeskApiError } from '../zendesk-api/zendesk-api.js';
export { ZendeskSubdomainSchema } from '../zendesk-api/zendesk-subdomain.js';
export * from './backfill.js';
export * from './worker-sink.js';
