/**
 * Swarms: aging cases and the experts to ask. Only what other packages use; core's own modules
 * and tests import the files directly.
 */
export { cohortThresholds, findAgingCases, type ResolvedSample, resolvedSampleOf } from './aging.js';
export {
  type ExpertSuggestion,
  productOf,
  type SolvedCaseSummary,
  similarityProfile,
  suggestExperts,
} from './experts.js';
