export * from './customer-activity.js';
export * from './customer-facts.js';
export * from './customer-mapping-schema.js';
export * from './customer-schema.js';
export * from './demand-forecast.js';
export * from './health-score.js';
export * from './nextgen-metrics.js';
export * from './success-metrics.js';
