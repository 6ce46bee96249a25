/**
 * Bugs: Jira keys (the one JiraKeySchema), a linked bug's support impact and ranking, a fix's deflection. Only what
 * other packages use; core's own modules and tests import the files directly.
 */
export { baselineBefore, bugFixDeflection, type Deflection, totalDeflection } from './bug-fix-deflection.js';
export { type BugImpact, type BugSort, bugImpact, type LinkedCase, rankBugs } from './bug-impact.js';
export { JIRA_KEY_EXACT, JiraKeySchema, jiraKeysOfCase } from './jira-keys.js';
