export * from '../app-package/requirements-for.js';
export * from './installed-webhooks.js';
