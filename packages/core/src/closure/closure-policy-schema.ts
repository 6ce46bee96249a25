import { z } from 'zod';

/** The items of the study's minimal closed-case record. */
export const ClosureItemSchema = z.enum([
  'reason',
  'issue_type',
  'solution',
  'new_vs_known',
  'knowledge_action',
]);
export type ClosureItem = z.infer<typeof ClosureItemSchema>;
export const CLOSURE_ITEMS = ClosureItemSchema.options;

/**
 * Where a helpdesk keeps each closure item: custom fields (by name) and tags. The case's own
 * `closure` object, `issueType` and `knowledgeLinks` are always read first.
 */
export const ClosurePolicySchema = z.object({
  required: z.array(ClosureItemSchema).default([...CLOSURE_ITEMS]),
  fields: z.partialRecord(ClosureItemSchema, z.array(z.string())).default({}),
  /** Tags that fill an item, e.g. `{ new_vs_known: { known_issue: 'known', new_issue: 'new' } }`. */
  tags: z.partialRecord(ClosureItemSchema, z.record(z.string(), z.string())).default({}),
});
export type ClosurePolicy = z.infer<typeof ClosurePolicySchema>;
export type ClosurePolicyInput = z.input<typeof ClosurePolicySchema>;

/** Field and tag names that Zendesk teams commonly use for the closed record. */
export const DEFAULT_CLOSURE_POLICY: ClosurePolicy = ClosurePolicySchema.parse({
  fields: {
    reason: ['contact_reason', 'reason_for_contact', 'reason', 'root_cause'],
    issue_type: ['issue_type', 'case_type', 'category'],
    solution: ['solution', 'resolution', 'resolution_notes', 'fix'],
    new_vs_known: ['new_vs_known', 'known_issue'],
    knowledge_action: ['knowledge_action', 'kb_action', 'article'],
  },
  // The tags of the drop-down fields the Zendesk app creates on install (packages/zendesk-app/app/requirements.json:
  // a drop-down sets its option's tag, which ticket events and triggers carry), and the usual ones.
  tags: {
    reason: {
      sm_reason_how_to: 'how-to question',
      sm_reason_defect: 'something is broken',
      sm_reason_setup: 'installation or configuration',
      sm_reason_account: 'account, access or billing',
      sm_reason_feature_request: 'feature request',
      sm_reason_other: 'other',
    },
    issue_type: {
      sm_type_how_to: 'how_to',
      sm_type_bug: 'bug',
      sm_type_install_config: 'install_config',
      sm_type_other: 'other',
    },
    solution: {
      sm_resolution_answered: 'answered or explained',
      sm_resolution_configured: 'configuration changed',
      sm_resolution_workaround: 'workaround given',
      sm_resolution_fixed: 'fixed by a release',
      sm_resolution_escalated: 'escalated to engineering',
      sm_resolution_no_action: 'no action needed',
    },
    new_vs_known: { new_issue: 'new', known_issue: 'known' },
    knowledge_action: { kb_linked: 'linked', kb_updated: 'updated', kb_created: 'created', kb_none: 'none' },
  },
});
