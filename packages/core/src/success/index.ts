/**
 * Customer success: customers and their mapping, activity, facts, health, reports, the demand forecast. Only what
 * other packages use; core's own modules and tests import the files directly.
 */
export {
  type ActivityWindow,
  type CustomerActivity,
  customerActivity,
  emptyActivity,
} from './customer-activity.js';
export { customerFacts, signalInUse } from './customer-facts.js';
export {
  type CustomerMapping,
  CustomerMappingSchema,
  DEFAULT_CUSTOMER_MAPPING,
} from './customer-mapping-schema.js';
export { type Customer, type CustomerInput, CustomerSchema } from './customer-schema.js';
export {
  addMonths,
  COMPUTED_FROM_FORECAST,
  type DemandForecast,
  demandForecast,
  type ForecastTrack,
  forecastMetricParts,
  forecastTrack,
  type MonthlyDemand,
  preventionPerMonth,
} from './demand-forecast.js';
export type { CustomerHealth } from './health-score.js';
export { COMPUTED_FROM_NEXTGEN } from './nextgen-metrics.js';
export {
  COMPUTED_FROM_CUSTOMERS,
  type CustomerReport,
  churnShare,
  customerReport,
} from './success-metrics.js';
