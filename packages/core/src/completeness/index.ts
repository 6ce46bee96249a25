/**
 * Completeness: the rubric and its default, scoreCompleteness and scoreCase (how every surface scores a case under
 * the tenant's policies), outcomes by completeness, rubric suggestions, product vocabulary. Only what other
 * packages use; core's own modules and tests import the files directly.
 */
export { DEFAULT_RUBRIC } from './default-rubric.js';
export type { CompletenessInput } from './detect-items.js';
export {
  type CompletenessOutcomes,
  completenessOutcomes,
  MIN_GROUP,
  type OutcomeComparison,
  type ScoredOutcome,
} from './outcomes.js';
export { type Rubric, RubricSchema } from './rubric-schema.js';
export { type CalibrationCase, suggestRubric } from './rubric-suggestions.js';
export { type CompletenessResult, scoreCompleteness } from './score.js';
export { type ScoringPolicies, scoreCase } from './score-case.js';
export { productVocabulary, withProducts } from './vocabulary.js';
