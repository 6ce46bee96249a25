import { z } from 'zod';
import { MATURITY_STATEMENT_IDS } from './model.js';

/**
 * A rating on the document's 1-3 scale: 1 = non-existent, 2 = partially implemented, 3 = fully implemented.
 *
 * @example MaturityRatingSchema.parse(2) // 2
 */
export const MaturityRatingSchema = z.literal([1, 2, 3]);
export type MaturityRating = z.infer<typeof MaturityRatingSchema>;

/**
 * The id of a self-evaluation statement; anything else is rejected.
 *
 * @example MaturityStatementIdSchema.safeParse('s1_dedicated_team').success // true
 */
export const MaturityStatementIdSchema = z.enum(MATURITY_STATEMENT_IDS);

/**
 * Self-evaluation answers: statement id → rating. Partial (an unanswered statement is simply absent, so a
 * half-filled form can be saved and assessed) but strict: an unknown id is an error, not silently dropped,
 * because it means the client and the model disagree about the statements.
 *
 * @example MaturityAnswersSchema.parse({ s1_dedicated_team: 3, s1_crm_dedicated: 2 })
 */
export const MaturityAnswersSchema = z.partialRecord(MaturityStatementIdSchema, MaturityRatingSchema);
export type MaturityAnswers = z.infer<typeof MaturityAnswersSchema>;
