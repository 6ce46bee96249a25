import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

/**
 * The worker's configuration, validated once from bindings and secrets. A plugin whose secrets are absent
 * is off (it answers 503 `not_configured` saying what to set); the worker itself still starts.
 */
export const WorkerConfigSchema = z.object({
  /** Tenant that `/zendesk/webhooks` and other tenant-less routes write to (self-hosted, single tenant). */
  DEFAULT_TENANT: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes')
    .default('default'),
  ZENDESK_SUBDOMAIN: optional,
  ZENDESK_EMAIL: optional,
  ZENDESK_API_TOKEN: optional,
  ZENDESK_WEBHOOK_SECRET: optional,
  /** Slack: every request from Slack is signed with this (both modes). */
  SLACK_SIGNING_SECRET: optional,
  /** Slack, single-workspace mode (self-hosted): the bot token of the one workspace, for the default tenant. */
  SLACK_BOT_TOKEN: optional,
  /** Slack, multi-workspace OAuth mode: the app's credentials, and the secret that signs install state and encrypts stored bot tokens. */
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  /** Jira: the site (https://acme.atlassian.net), and an account's email + API token for writing impact back. */
  JIRA_BASE_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  JIRA_EMAIL: optional,
  JIRA_API_TOKEN: optional,
  /** Jira: the secret of the Jira webhook (X-Hub-Signature); the default tenant's. */
  JIRA_WEBHOOK_SECRET: optional,
  /**
   * Seals the tenant settings that hold credentials (a tenant's own Zendesk and Jira accounts, its webhook secrets)
   * in D1, and opens them (store/tenant-secrets.ts). `tenant.ts` needs the same one to set them.
   */
  SETTINGS_SECRET: optional,
  /** While SETTINGS_SECRET is rotated: the one before, so that what it sealed still opens until `tenant.ts reseal`. */
  SETTINGS_SECRET_PREVIOUS: optional,
  /**
   * The worker's public address (https://…), for what it links to outside a request: the charts of the daily Slack
   * post (the cron has no request to take the address from). Optional: without it the post has no chart.
   */
  PUBLIC_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** Largest accepted webhook body, in bytes. */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** How far a webhook timestamp may be from now, in seconds. */
  WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().positive().default(300),
});
export type WorkerConfig = z.infer<typeof WorkerConfigSchema>;

/** Names of the secrets a plugin needs, for the "not configured" message. */
export const PLUGIN_SECRETS = {
  zendeskWebhooks: ['ZENDESK_WEBHOOK_SECRET'],
  zendeskApi: ['ZENDESK_SUBDOMAIN', 'ZENDESK_EMAIL', 'ZENDESK_API_TOKEN'],
  slack: ['SLACK_SIGNING_SECRET'],
  slackBotToken: ['SLACK_BOT_TOKEN'],
  slackOAuth: ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'],
  jiraWebhooks: ['JIRA_WEBHOOK_SECRET'],
  jiraApi: ['JIRA_BASE_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN'],
} as const;
