export * from './rollup.js';
export * from './sql.js';
export * from './slack-sql.js';
