import {
  type EnvOf,
  featureState,
  optionalEnv,
  optionalHttpUrl,
  type PluginConfig,
  type WorkerConfig,
} from '@support-metrics/platform';
import { z } from 'zod';
import { ForgeConfigSchema } from './forge/forge-config.js';

/**
 * The Jira bridge's variables: the default tenant's Jira webhook secret and Jira site (other tenants: their settings
 * `jiraWebhookSecret` and `jiraApi`), and the Forge app's (ForgeConfigSchema: FORGE_APP_ID, FORGE_JWKS_URL,
 * JIRA_CLOUD_ID). All optional: without them the Jira webhook answers 503 `not_configured` and impact waits in the
 * outbox; a malformed address or email stops the worker at start-up with its name.
 */
export const JiraConfigSchema = z.object({
  /** The default tenant's site, `https://acme.atlassian.net` (an http address only for a local stand-in). */
  JIRA_BASE_URL: optionalHttpUrl,
  /** The Atlassian account whose API token writes impact back (Basic authentication: email and token). */
  JIRA_EMAIL: optionalEnv.pipe(z.email('an email address (the account of the API token)').optional()),
  JIRA_API_TOKEN: optionalEnv,
  /** The secret of the default tenant's Jira webhook (`X-Hub-Signature`). */
  JIRA_WEBHOOK_SECRET: optionalEnv,
  ...ForgeConfigSchema.shape,
});
export type JiraConfig = z.infer<typeof JiraConfigSchema>;

declare module '@support-metrics/platform' {
  interface WorkerConfig extends JiraConfig {}
  interface Bindings extends EnvOf<typeof JiraConfigSchema> {}
}

/** The variables each Jira feature needs, for its "not configured" message. */
export const JIRA_SECRETS = {
  webhooks: ['JIRA_WEBHOOK_SECRET'],
  api: ['JIRA_BASE_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN'],
  forge: ['FORGE_APP_ID'],
} as const satisfies Record<string, readonly (keyof JiraConfig)[]>;

/**
 * The Jira bridge's part of the worker's config: its schema, and its features for `GET /` — the webhook
 * (`jiraWebhooks`), writing impact back (`jiraApi`) and the Forge app's calls (`forge`).
 *
 * @example composeConfig([zendeskConfig, slackConfig, jiraConfig])
 */
export const jiraConfig: PluginConfig<typeof JiraConfigSchema> = {
  schema: JiraConfigSchema,
  status: (config: WorkerConfig) => ({
    jiraWebhooks: featureState(config, JIRA_SECRETS.webhooks),
    jiraApi: featureState(config, JIRA_SECRETS.api),
    forge: featureState(config, JIRA_SECRETS.forge),
  }),
};
