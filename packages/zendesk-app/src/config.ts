import {
  type EnvOf,
  featureState,
  optionalEnv,
  type PluginConfig,
  type WorkerConfig,
} from '@support-metrics/platform';
import { z } from 'zod';
import { ZendeskSubdomainSchema } from './zendesk-api/zendesk-subdomain.js';

/**
 * The Zendesk plugin's variables: the default tenant's webhook secret and Zendesk account (other tenants: their
 * settings `zendeskWebhookSecret` and `zendeskApi`). All optional: without them the webhooks answer 503
 * `not_configured` and unseen tickets are not fetched; a value that is set but malformed stops the worker at start-up
 * with its name (`ZENDESK_SUBDOMAIN: the subdomain only, …`).
 */
export const ZendeskConfigSchema = z.object({
  /** `acme` for acme.zendesk.com: the default tenant's account, and its ticket links. */
  ZENDESK_SUBDOMAIN: optionalEnv.pipe(ZendeskSubdomainSchema.optional()),
  /** The agent whose API token the worker uses (`email/token` authentication). */
  ZENDESK_EMAIL: optionalEnv.pipe(z.email('an email address (the agent of the API token)').optional()),
  ZENDESK_API_TOKEN: optionalEnv,
  /** The signing secret of the default tenant's Zendesk webhook (`/zendesk/webhooks`). */
  ZENDESK_WEBHOOK_SECRET: optionalEnv,
});
export type ZendeskConfig = z.infer<typeof ZendeskConfigSchema>;

declare module '@support-metrics/platform' {
  interface WorkerConfig extends ZendeskConfig {}
  interface Bindings extends EnvOf<typeof ZendeskConfigSchema> {}
}

/** The variables each Zendesk feature needs, for its "not configured" message. */
export const ZENDESK_SECRETS = {
  webhooks: ['ZENDESK_WEBHOOK_SECRET'],
  api: ['ZENDESK_SUBDOMAIN', 'ZENDESK_EMAIL', 'ZENDESK_API_TOKEN'],
} as const satisfies Record<string, readonly (keyof ZendeskConfig)[]>;

/**
 * The Zendesk plugin's part of the worker's config: its schema, and its two features for `GET /` — the webhooks
 * (`zendeskWebhooks`) and the API (`zendeskApi`: fetching unseen tickets, write-back, notes).
 *
 * @example composeConfig([zendeskConfig, slackConfig, jiraConfig])
 */
export const zendeskConfig: PluginConfig<typeof ZendeskConfigSchema> = {
  schema: ZendeskConfigSchema,
  status: (config: WorkerConfig) => ({
    zendeskWebhooks: featureState(config, ZENDESK_SECRETS.webhooks),
    zendeskApi: featureState(config, ZENDESK_SECRETS.api),
  }),
};
