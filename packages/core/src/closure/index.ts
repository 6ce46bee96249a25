/**
 * The closed-record check and its policy. Only what other packages use; core's own modules and
 * tests import the files directly.
 */
export { type ClosureCheck, checkClosureRecord, withRecordedIssueType } from './check-closure-record.js';
export { type ClosurePolicy, ClosurePolicySchema, DEFAULT_CLOSURE_POLICY } from './closure-policy-schema.js';
