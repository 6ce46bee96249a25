/**
 * Importers: CSV, the case files of each format (importCases), Zendesk exports, tickets and organisations
 * normalised to cases and customers. Only what other packages use; core's own modules and
 * tests import the files directly.
 */
export { csvObjects, parseCsv } from './csv.js';
export { importCases } from './import-cases.js';
export { describeIssues, IMPORT_FORMATS, ImportError, type ImportFormat } from './import-result.js';
export {
  normaliseZendeskOrganization,
  type ZendeskCustomer,
  zendeskExportCustomers,
  zendeskFieldValue,
} from './zendesk/normalise-organization.js';
export { normaliseZendeskTicket, zendeskChannel } from './zendesk/normalise-ticket.js';
export {
  type ZendeskAudit,
  ZendeskAuditSchema,
  ZendeskOrganizationSchema,
  type ZendeskTicketMetric,
  ZendeskTicketMetricSchema,
  ZendeskTicketSchema,
} from './zendesk/ticket-schema.js';
export { importZendeskExport } from './zendesk/zendesk-export.js';
