export * from './answers-schema.js';
export * from './assess.js';
export * from './model.js';
export * from './prefill.js';
