export * from './customer-sql.js';
export * from './jira-sql.js';
export * from './many-rows.js';
export * from './rollup.js';
export * from './slack-sql.js';
export * from './sql.js';
