import { z } from 'zod';

/**
 * An optional variable: absent and blank (`KEY=` in `.dev.vars`, an empty secret) both mean unset. Every plugin's
 * schema builds its optional secrets from this, so that "set" means the same everywhere.
 */
export const optionalEnv = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

/** An optional http(s) address (PUBLIC_URL, JIRA_BASE_URL, …): unset when blank, else a URL or a startup error. */
export const optionalHttpUrl = optionalEnv.pipe(z.url({ protocol: /^https?$/ }).optional());

/**
 * What the platform itself reads of the worker's env: the default tenant, the secrets that seal tenant credentials,
 * the public address and the webhook limits. Each plugin declares its own variables (its `src/config.ts`, a
 * PluginConfig) and the worker composes them with this one (composeConfig), so the whole env is validated once.
 */
export const PlatformConfigSchema = z.object({
  /** Tenant that `/zendesk/webhooks` and other tenant-less routes write to (self-hosted, single tenant). */
  DEFAULT_TENANT: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes')
    .default('default'),
  /**
   * Seals the tenant settings that hold credentials (a tenant's own Zendesk and Jira accounts, its webhook secrets)
   * in D1, and opens them (store/tenant-secrets.ts). `tenant.ts` needs the same one to set them.
   */
  SETTINGS_SECRET: optionalEnv,
  /** While SETTINGS_SECRET is rotated: the one before, so that what it sealed still opens until `tenant.ts reseal`. */
  SETTINGS_SECRET_PREVIOUS: optionalEnv,
  /**
   * The worker's public address (https://…), for what it links to outside a request: the charts of the daily Slack
   * post (the cron has no request to take the address from). Optional: without it the post has no chart.
   */
  PUBLIC_URL: optionalHttpUrl,
  /** Largest accepted webhook body, in bytes. */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** How far a webhook timestamp may be from now, in seconds. */
  WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().positive().default(300),
});
export type PlatformConfig = z.infer<typeof PlatformConfigSchema>;

/** The variables of a config schema as the worker's env holds them: each an optional string (or a binding). */
export type EnvOf<S extends z.ZodObject> = { [K in keyof z.input<S>]?: string };

/**
 * The worker's validated config as every package sees it: the platform's part, and each plugin's, which the plugin
 * adds to this interface (`declare module '@support-metrics/platform' { interface WorkerConfig extends ZendeskConfig
 * {} }`, as hono's ContextVariableMap is extended). So the platform's own code sees only its own fields, a plugin
 * its own and the platform's, and the worker all of them; the worker's composeConfig builds the one schema they
 * describe (and its index.ts checks at compile time that the schema yields every field declared here).
 */
export interface WorkerConfig extends PlatformConfig {}
