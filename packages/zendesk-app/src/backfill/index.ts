export { createZendeskApi, ZendeskApiError } from '../zendesk-api/zendesk-api.js';
export * from './backfill.js';
export * from './worker-sink.js';
