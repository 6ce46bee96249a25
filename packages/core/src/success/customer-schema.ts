import { z } from 'zod';
import { FieldValueSchema } from '../case/case-schema.js';

/**
 * A customer as the helpdesk holds it (a Zendesk organisation): its tags and organisation fields, from which the
 * tenant's customer mapping reads onboarding, adoption, success, renewal, churn and recurring revenue.
 *
 * @example CustomerSchema.parse({ id: '700000', name: 'Customer A', tags: ['onboarded'] })
 */
export const CustomerSchema = z.object({
  id: z.string().min(1),
  name: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
  /** Organisation fields by key (Zendesk `organization_fields`). */
  fields: z.record(z.string(), FieldValueSchema).default({}),
  /** When the helpdesk created the organisation: the customer-since date unless a field says otherwise. */
  createdAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type Customer = z.infer<typeof CustomerSchema>;
export type CustomerInput = z.input<typeof CustomerSchema>;
