/**
 * The support maturity model: statements, answers, the assessment and its pre-fill from evidence. Only what other
 * packages use; core's own modules and tests import the files directly.
 */
export { type MaturityAnswers, MaturityAnswersSchema, type MaturityRating } from './answers-schema.js';
export { assessMaturity, type MaturityAssessment } from './assess.js';
export { MATURITY_STAGES, MATURITY_STATEMENTS, type MaturityStatementId } from './model.js';
export {
  type MaturityEvidence,
  MaturityEvidenceSchema,
  type PrefilledRating,
  prefillMaturity,
} from './prefill.js';
