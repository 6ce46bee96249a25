/**
 * The platform's public surface: what the plugins, the worker, the scripts and the tests of other packages use.
 * - config: `PlatformConfigSchema`, `WorkerConfig` and `Bindings` (which each plugin extends), `PluginConfig`,
 *   `composeConfig`, `featureState`, `optionalEnv`/`optionalHttpUrl`, `loadConfig`, `NotComposed`, `ticketUrlFor`;
 * - http: the `platform()` middleware and `AppEnv`, `bearerAuth`, errors (`apiError`, `invalidInput`, `onError`,
 *   `notFound`, the named errors), the webhook preamble (`tenantWebhook`, `readWebhookBody`, `verifiedJson`, …),
 *   bounded zod fields for payload schemas, the TicketNotes port, digests and seals;
 * - stores: `createStores`/`Stores`, `TenantStore`, `CustomerStore`, `NameStore`, `saveWithRetry`, the ports and
 *   hooks the plugins implement (`BugLinks`, `CaseSavedHook`), the tenant secrets' helpers (for `tenant.ts`), the
 *   SQL the seed reuses, and the write coalescer's parts that the Zendesk webhook's tests drive;
 * - routes and jobs: `apiRoutes`, `customerApiRoutes`, `runScheduledJobs`, and the customer services Slack answers.
 * The statements alone are '@support-metrics/platform/sql'; the shared test harness
 * '@support-metrics/platform/test-support'. Everything else is internal: the platform's tests import its files.
 */
export { apiRoutes } from './api/api-routes.js';
export { customerApiRoutes } from './api/customer-routes.js';
export {
  type EnvOf,
  optionalEnv,
  optionalHttpUrl,
  PlatformConfigSchema,
  type WorkerConfig,
} from './config/env-schema.js';
export { ticketUrlFor } from './config/helpdesk-links.js';
export { loadConfig } from './config/load-config.js';
export {
  composeConfig,
  featureState,
  type NotComposed,
  type PluginConfig,
  type PluginState,
} from './config/plugin-config.js';
export { hmacSha256Base64, hmacSha256Hex, sha256Hex, timingSafeEqual } from './crypto/digest.js';
export { seal, unseal } from './crypto/sealed.js';
export { customerReportOf, demandOf, maturityEvidenceOf } from './customers/customer-service.js';
export { CUSTOMER_SQL } from './customers/customer-sql.js';
export {
  CustomerStore,
  type EvidenceSource,
  type OrganizationWrite,
  type StoredOrganization,
} from './customers/customer-store.js';
export type { AppEnv, Bindings } from './http/app-env.js';
export { bearerAuth } from './http/bearer-auth.js';
export {
  BOUNDS,
  BoundedDescription,
  BoundedId,
  BoundedName,
  BoundedTags,
  BoundedText,
  boundedRecord,
  NumericId,
  NumericIdInput,
} from './http/bounded-fields.js';
export {
  apiError,
  ConfigError,
  invalidInput,
  NotConfiguredError,
  notFound,
  onError,
  SignatureError,
} from './http/errors.js';
export { type PlatformPlugins, platform } from './http/platform-middleware.js';
export type { TicketNotes, TicketNotesFor } from './http/ticket-notes.js';
export {
  parseWebhookJson,
  readWebhookBody,
  signedBytes,
  tenantAccount,
  tenantWebhook,
  verifiedJson,
  webhookText,
} from './http/webhook-request.js';
export { runScheduledJobs } from './jobs/scheduled-jobs.js';
export type { BugLinks, CaseBugLink, RankedBug, RankedBugsQuery } from './store/bug-links-port.js';
export type { CaseSavedHook } from './store/case-saved.js';
export {
  caseRowParams,
  isUniqueViolation,
  type MetricsQuery,
  processedMark,
  type SaveResult,
} from './store/case-store.js';
export { additiveKeyLength, manyRowsForm, manyRowsSql } from './store/many-rows.js';
export {
  type DimensionKind,
  type DimensionNames,
  NameStore,
  NO_DIMENSION_NAMES,
} from './store/name-store.js';
export { saveWithRetry } from './store/save-with-retry.js';
export { rollupParams, SQL } from './store/sql.js';
export { createStores, type Stores } from './store/stores.js';
export {
  isSealed,
  isSecretSetting,
  openSetting,
  openSettings,
  SECRET_SETTINGS,
  sealSetting,
} from './store/tenant-secrets.js';
export { TenantStore } from './store/tenant-store.js';
export {
  type BoundStatement,
  coalescerOf,
  MAX_GROUP,
  mergeStatements,
  WriteCoalescer,
} from './store/write-coalescer.js';
