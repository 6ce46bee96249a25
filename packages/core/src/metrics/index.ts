export * from './catalogue.js';
export * from './catalogue-lookup.js';
export * from './compute-metrics.js';
export * from './counters.js';
export * from './measured-elsewhere.js';
export * from './metric-definition.js';
export * from './status.js';
export * from './window.js';
