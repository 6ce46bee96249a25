import { z } from 'zod';
import { IssueTypeSchema } from '../case/case-schema.js';

/** The fixed vocabulary of completeness items: rubrics and reports rely on these ids. */
export const ItemIdSchema = z.enum([
  'product',
  'version',
  'environment',
  'error',
  'steps',
  'expected_actual',
  'impact',
  'goal',
  'timeline',
  'attachment',
]);
export type ItemId = z.infer<typeof ItemIdSchema>;
export const ITEM_IDS = ItemIdSchema.options;

const ItemRuleSchema = z.object({
  required: z.boolean(),
  weight: z.number().positive(),
  /** Replaces the default question for this issue type (e.g. "Which step of the installation failed?"). */
  question: z.string().optional(),
});

const IssueTypeRuleSchema = z.partialRecord(ItemIdSchema, ItemRuleSchema);

const LocaleTextSchema = z.object({
  labels: z.record(ItemIdSchema, z.string()),
  questions: z.record(ItemIdSchema, z.string()),
  /** Draft template: `{greeting}`, `{subject}` and `{questions}` are replaced. */
  draft: z.string(),
  greeting: z.string(),
  greetingNamed: z.string(),
});

/**
 * A completeness rubric: for each issue type, which items are required and how much each weighs.
 * `overrides` adapt it per product or per ticket form; the first matching override wins.
 */
export const RubricSchema = z.object({
  $comment: z.string().optional(),
  version: z.literal(1),
  /** Items this rubric knows, per issue type. Items not listed do not count for that type. */
  issueTypes: z.record(IssueTypeSchema, IssueTypeRuleSchema),
  /** Product names a team sells, so that `product` is detected even when the customer names it in passing. */
  products: z.array(z.string().min(2)).default([]),
  /** Custom fields (by name) that hold an item directly, e.g. `{ "version": ["app_version", "Version"] }`. */
  fields: z.partialRecord(ItemIdSchema, z.array(z.string())).default({}),
  text: z.record(z.string(), LocaleTextSchema),
  overrides: z
    .array(
      z.object({
        when: z.object({ product: z.string().optional(), formId: z.string().optional() }),
        issueTypes: z.partialRecord(IssueTypeSchema, IssueTypeRuleSchema),
      }),
    )
    .default([]),
});
export type Rubric = z.infer<typeof RubricSchema>;
export type RubricInput = z.input<typeof RubricSchema>;
