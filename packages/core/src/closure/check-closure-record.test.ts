import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../case/case-schema.js';
import { checkClosureRecord } from './check-closure-record.js';
import { ClosurePolicySchema } from './closure-policy-schema.js';

const base = { id: '1', createdAt: '2026-10-01T09:00:00Z', status: 'solved' as const };

describe('checkClosureRecord', () => {
  it('is complete when the closure record holds all five items', () => {
    const c = CaseSchema.parse({
      ...base,
      closure: {
        reason: 'login fails',
        issueType: 'bug',
        solution: 'patched',
        newVsKnown: 'known',
        knowledgeAction: 'linked',
      },
    });
    expect(checkClosureRecord(c)).toMatchObject({ complete: true, missing: [] });
  });

  it('reads custom fields and tags named by the policy, and knowledge links', () => {
    const c = CaseSchema.parse({
      ...base,
      customFields: { 'Contact reason': 'setup', Resolution: 'explained' },
      tags: ['known_issue'],
      issueType: 'install_config',
      knowledgeLinks: [{ article: '360001', action: 'created' }],
    });
    const check = checkClosureRecord(c);
    expect(check.complete).toBe(true);
    expect(check.values).toEqual({
      reason: 'setup',
      issue_type: 'install_config',
      solution: 'explained',
      new_vs_known: 'known',
      knowledge_action: 'created',
    });
  });

  it('lists what is missing; "none" is not a knowledge action', () => {
    const c = CaseSchema.parse({ ...base, closure: { solution: 'restarted', knowledgeAction: 'none' } });
    expect(checkClosureRecord(c).missing).toEqual([
      'reason',
      'issue_type',
      'new_vs_known',
      'knowledge_action',
    ]);
  });

  it('follows a policy that requires fewer items and other field names', () => {
    const policy = ClosurePolicySchema.parse({ required: ['solution'], fields: { solution: ['fix_notes'] } });
    const c = CaseSchema.parse({ ...base, customFields: { fix_notes: 'hotfix 4.2.2' } });
    expect(checkClosureRecord(c, policy)).toMatchObject({ complete: true, missing: [] });
  });
});
