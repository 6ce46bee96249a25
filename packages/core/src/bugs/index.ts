export * from './bug-fix-deflection.js';
export * from './bug-impact.js';
export * from './jira-keys.js';
