export * from './aging.js';
export * from './experts.js';
