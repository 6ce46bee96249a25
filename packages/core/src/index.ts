/**
 * Support Metrics core: pure functions over helpdesk-neutral cases. No I/O, no Node built-ins:
 * it runs unchanged in Node, in workerd and in the browser.
 */

export * from './bugs/index.js';
export * from './case/index.js';
export * from './closure/index.js';
export * from './completeness/index.js';
export * from './importers/index.js';
export * from './maturity/index.js';
export * from './metrics/index.js';

export * from './success/index.js';
export * from './swarm/index.js';
