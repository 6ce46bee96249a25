export * from './default-rubric.js';
export * from './detect-items.js';
export * from './evaluate.js';
export * from './issue-type.js';
export * from './language.js';
export * from './request-draft.js';
export * from './rubric-schema.js';
export * from './score.js';
