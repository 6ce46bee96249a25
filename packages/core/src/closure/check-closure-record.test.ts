import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../case/case-schema.js';
import { caseIssueType } from '../metrics/counters.js';
import { caseRollup } from '../metrics/rollup.js';
import { checkClosureRecord, recordedIssueType, withRecordedIssueType } from './check-closure-record.js';
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

describe('the issue type an agent recorded', () => {
  const bugText = {
    subject: 'Export crashes',
    description: 'The export crashes with error E4021 since 4.2.1.',
  };

  it('comes from the closure record, else the field or tag the policy names, in the words agents use', () => {
    expect(recordedIssueType(CaseSchema.parse({ ...base, closure: { issueType: 'how_to' } }))).toBe('how_to');
    for (const [value, type] of [
      ['Install/Config', 'install_config'],
      ['How-to', 'how_to'],
      ['how to', 'how_to'],
      ['Bug', 'bug'],
      ['question', 'how_to'],
      ['setup', 'install_config'],
    ] as const)
      expect(recordedIssueType(CaseSchema.parse({ ...base, customFields: { 'Issue type': value } }))).toBe(
        type,
      );
    // Not one of the study's types, or no such field: nothing recorded.
    expect(
      recordedIssueType(CaseSchema.parse({ ...base, customFields: { 'Issue type': 'Hardware' } })),
    ).toBeNull();
    expect(recordedIssueType(CaseSchema.parse({ ...base, customFields: { Product: 'bug' } }))).toBeNull();
    // A tenant whose policy names its own field.
    const policy = ClosurePolicySchema.parse({ fields: { issue_type: ['ticket_category'] } });
    const own = CaseSchema.parse({ ...base, customFields: { 'Ticket category': 'Install/Config' } });
    expect(recordedIssueType(own)).toBeNull();
    expect(recordedIssueType(own, policy)).toBe('install_config');
  });

  it("is counted with the tenant's own policy: its field, not the default ones", () => {
    const policy = ClosurePolicySchema.parse({ fields: { issue_type: ['ticket_category'] } });
    const c = CaseSchema.parse({
      ...base,
      ...bugText,
      customFields: { 'Ticket category': 'How-to', Category: 'Bug' },
    });
    const [created] = caseRollup(c, { closurePolicy: policy });
    expect(created?.counters).toMatchObject({ type_how_to: 1, type_bug: 0 });
    expect(checkClosureRecord(c, policy).values.issue_type).toBe('how_to');
    // With the default policy, Category is the field.
    expect(caseRollup(c)[0]?.counters).toMatchObject({ type_how_to: 0, type_bug: 1 });
  });

  it('goes ahead of the helpdesk type and the text, where the case counts and how it is scored', () => {
    const c = CaseSchema.parse({
      ...base,
      ...bugText,
      issueType: 'bug',
      customFields: { 'Issue type': 'How-to' },
    });
    expect(withRecordedIssueType(c).issueType).toBe('how_to');
    expect(caseIssueType(c)).toBe('how_to');
    expect(checkClosureRecord(withRecordedIssueType(c)).values.issue_type).toBe('how_to');
    // Nothing recorded: the helpdesk type, else the text.
    const plain = CaseSchema.parse({ ...base, ...bugText });
    expect(withRecordedIssueType(plain)).toBe(plain);
    expect(caseIssueType(plain)).toBe('bug');
  });
});
