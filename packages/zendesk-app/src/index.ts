export * from './server/sync-route.js';
export * from './server/ticket-events.js';
export * from './server/webhook-payload-schema.js';
export * from './server/webhook-signature.js';
export * from './server/webhooks-route.js';
export * from './server/write-back.js';
export * from './zendesk-api/retrying-fetch.js';
export * from './zendesk-api/zendesk-api.js';
