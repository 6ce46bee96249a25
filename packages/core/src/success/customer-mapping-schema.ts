import { z } from 'zod';

/**
 * Where a yes/no fact about a customer lives: a tag on the organisation, or an organisation field (true when it is
 * checked / non-empty, or equal to one of `values`). A tag is known for every customer (absent = no); a field is
 * unknown for a customer that has no value in it.
 */
export const CustomerSignalSchema = z
  .object({
    tag: z.string().min(1).optional(),
    field: z.string().min(1).optional(),
    values: z.array(z.string()).min(1).optional(),
  })
  .strict()
  .refine((s) => s.tag !== undefined || s.field !== undefined, { message: 'give a tag or a field' });
export type CustomerSignal = z.infer<typeof CustomerSignalSchema>;

/** Weights of the health score's indicators (relative; an indicator that is not measured drops out). */
export const HealthWeightsSchema = z
  .object({
    adoption: z.number().nonnegative().default(20),
    success: z.number().nonnegative().default(15),
    satisfaction: z.number().nonnegative().default(15),
    bugImpact: z.number().nonnegative().default(10),
    completeness: z.number().nonnegative().default(5),
    reopens: z.number().nonnegative().default(5),
    renewal: z.number().nonnegative().default(15),
    revenueChange: z.number().nonnegative().default(15),
  })
  .strict();
export type HealthWeights = z.infer<typeof HealthWeightsSchema>;

export const HealthConfigSchema = z
  .object({
    weights: HealthWeightsSchema.default(HealthWeightsSchema.parse({})),
    /** A customer scoring below this (0–100) is at risk. */
    atRiskBelow: z.number().min(0).max(100).default(50),
    /** At or above this the customer is healthy; between the two, "watch". */
    healthyFrom: z.number().min(0).max(100).default(70),
    /** Fewer measured indicators than this: no score ("not measured"). */
    minIndicators: z.number().int().min(1).default(2),
  })
  .strict()
  .refine((h) => h.healthyFrom >= h.atRiskBelow, { message: 'healthyFrom must be ≥ atRiskBelow' });
export type HealthConfig = z.infer<typeof HealthConfigSchema>;

/**
 * Per-tenant mapping from the helpdesk's organisation data to the success and health metrics (tenant setting
 * `customerMapping`, validated here). Defaults follow plain tag names, so a team that tags organisations
 * `onboarded`, `adoption_milestone`, … needs no configuration; a signal no customer carries is "not measured".
 *
 * @example CustomerMappingSchema.parse({ adopted: { field: 'adoption_stage', values: ['adopted', 'expanding'] } })
 */
export const CustomerMappingSchema = z
  .object({
    /** A date field holding when the customer became one; else the organisation's creation time. */
    customerSinceField: z.string().min(1).optional(),
    onboarded: CustomerSignalSchema.default({ tag: 'onboarded' }),
    adopted: CustomerSignalSchema.default({ tag: 'adoption_milestone' }),
    /** Who has a success plan (the success rate's denominator); absent or unmeasured: every active customer. */
    successPlan: CustomerSignalSchema.optional(),
    successReached: CustomerSignalSchema.default({ tag: 'success_milestone' }),
    renewalCommitted: CustomerSignalSchema.default({ tag: 'renewal_committed' }),
    churned: CustomerSignalSchema.default({ tag: 'churned' }),
    /** A date field holding when the customer churned: churn is then counted within the window, not as a snapshot. */
    churnedAtField: z.string().min(1).optional(),
    /** Organisation field with the annual recurring revenue now. */
    recurringRevenueField: z.string().min(1).default('annual_recurring_revenue'),
    /** Organisation field with the annual recurring revenue a year ago (for revenue change, GRR and NRR). */
    previousRecurringRevenueField: z.string().min(1).default('previous_annual_recurring_revenue'),
    /** Case tags meaning the customer's operations were interrupted (outage, downtime). Empty: availability is not measured. */
    outageTags: z.array(z.string().min(1)).default([]),
    /** Recurring-revenue tier floors for customer engagement, highest first. */
    revenueTiers: z
      .array(z.object({ name: z.string().min(1), from: z.number().nonnegative() }).strict())
      .min(1)
      .default([
        { name: 'strategic (≥ 100k)', from: 100_000 },
        { name: 'growth (10k–100k)', from: 10_000 },
        { name: 'standard (< 10k)', from: 0 },
      ]),
    health: HealthConfigSchema.default(HealthConfigSchema.parse({})),
    /** What support costs, for support costs and delivery efficiency. Absent: those are not measured. */
    costs: z
      .object({
        /** Loaded cost of one agent hour. */
        hourlyCost: z.number().positive(),
        /** Tooling and overhead per month, added to effort cost. */
        monthlyOverhead: z.number().nonnegative().default(0),
        currency: z.string().length(3).default('USD'),
      })
      .strict()
      .optional(),
    forecast: z
      .object({
        /** New customers expected per month (from sales); absent: the average of the last 3 full months. */
        plannedNewCustomersPerMonth: z.number().nonnegative().optional(),
        /** Expected yearly growth of demand from adoption efforts (study: 0–5% with little effort, +10% aggressive). */
        adoptionExpansion: z.number().min(-1).max(1).default(0),
      })
      .strict()
      .default({ adoptionExpansion: 0 }),
  })
  .strict();
export type CustomerMapping = z.infer<typeof CustomerMappingSchema>;

/** The mapping a tenant without a `customerMapping` setting gets. */
export const DEFAULT_CUSTOMER_MAPPING: CustomerMapping = CustomerMappingSchema.parse({});
