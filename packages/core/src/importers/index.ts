export * from './cases-json.js';
export * from './csv.js';
export * from './helpdesk-log-csv.js';
export * from './import-cases.js';
export * from './import-result.js';
export * from './kaggle-csv.js';
export * from './servicenow-csv.js';
export * from './zendesk/index.js';
