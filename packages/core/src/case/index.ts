/**
 * The case model (CaseSchema, the one helpdesk-neutral shape), calendar dates, field names, plain text, ticket
 * types. Only what other packages use; core's own modules and tests import the files directly.
 */
export { addDays, CalendarDateSchema } from './calendar-date.js';
export {
  type Case,
  type CaseInput,
  CaseSchema,
  type FieldValue,
  type IssueType,
  IssueTypeSchema,
} from './case-schema.js';
export { normaliseFieldName } from './field-names.js';
export { firstMessageText } from './plain-text.js';
export { ticketTypeOf } from './ticket-type.js';
