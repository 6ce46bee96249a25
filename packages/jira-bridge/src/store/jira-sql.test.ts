import { manyRowsSql } from '@support-metrics/platform';
import { describe, expect, it } from 'vitest';
import { JIRA_SQL, MANY_ROWS_IMPACT_OF_CASES } from './jira-sql.js';

describe('the Jira statements a case write carries (the caseSaved hook)', () => {
  it('each has a many-row form for the group commit: the link as INSERT … VALUES, the requeue as declared here', () => {
    expect(manyRowsSql(JIRA_SQL.insertLink)).toContain('FROM json_each(?) WHERE true');
    expect(manyRowsSql(JIRA_SQL.enqueueImpactOfCase)).toBe(MANY_ROWS_IMPACT_OF_CASES);
    expect(manyRowsSql(JIRA_SQL.retryLater)).toBeNull();
  });
});
