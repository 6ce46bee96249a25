export * from './rollup.js';
export * from './sql.js';
