/**
 * Support Metrics core: pure functions over helpdesk-neutral cases. No I/O, no Node built-ins:
 * it runs unchanged in Node, in workerd and in the browser.
 *
 * The public surface is each area's barrel (`bugs/`, `case/`, `closure/`, `completeness/`, `importers/`,
 * `maturity/`, `metrics/`, `success/`, `swarm/`), each listing by name only what the other packages, test/ and bench/
 * import; the shared test data is '@support-metrics/core/test-support'. Core's own modules,
 * tests and scripts import the files directly, never a barrel (so no module's load order depends on this file's).
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
