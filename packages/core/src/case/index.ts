export * from './calendar-date.js';
export * from './case-schema.js';
export * from './field-names.js';
export * from './plain-text.js';
export * from './ticket-type.js';
