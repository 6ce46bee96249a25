export * from './normalise-organization.js';
export * from './normalise-ticket.js';
export * from './ticket-schema.js';
export * from './zendesk-export.js';
