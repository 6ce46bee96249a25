export * from './check-closure-record.js';
export * from './closure-policy-schema.js';
