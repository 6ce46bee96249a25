import {
  type EnvOf,
  optionalEnv,
  type PluginConfig,
  type PluginState,
  type WorkerConfig,
} from '@support-metrics/platform';
import { z } from 'zod';

/**
 * The Slack plugin's variables. Slack is on with its signing secret and one of two modes: a bot token (one workspace,
 * serving the default tenant) or OAuth's three (many workspaces, each installed for a tenant). All optional: without
 * them Slack answers 503 `not_configured` naming what to set; a token of the wrong kind stops the worker at start-up
 * with its name.
 */
export const SlackConfigSchema = z.object({
  /** Every request from Slack is signed with this (both modes). */
  SLACK_SIGNING_SECRET: optionalEnv,
  /**
   * Single-workspace mode (self-hosted): the bot token of the one workspace, for the default tenant. A user token
   * (`xoxp-`) or an app-level token (`xapp-`) is the usual mistake: the bot's calls need the bot token.
   */
  SLACK_BOT_TOKEN: optionalEnv.pipe(
    z
      .string()
      .startsWith('xoxb-', 'a bot token (xoxb-…), not a user (xoxp-) or app-level (xapp-) token')
      .optional(),
  ),
  /** OAuth mode: the app's credentials (Basic Information → App Credentials). */
  SLACK_CLIENT_ID: optionalEnv,
  SLACK_CLIENT_SECRET: optionalEnv,
  /** OAuth mode: signs install links and (through HKDF) encrypts stored bot tokens; rotating it means installing again. */
  SLACK_STATE_SECRET: optionalEnv,
});
export type SlackConfig = z.infer<typeof SlackConfigSchema>;

declare module '@support-metrics/platform' {
  interface WorkerConfig extends SlackConfig {}
  interface Bindings extends EnvOf<typeof SlackConfigSchema> {}
}

/** The variables of each part of Slack, for its "not configured" message. */
export const SLACK_SECRETS = {
  signing: ['SLACK_SIGNING_SECRET'],
  botToken: ['SLACK_BOT_TOKEN'],
  oauth: ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'],
} as const satisfies Record<string, readonly (keyof SlackConfig)[]>;

/** Slack's state: its signing secret plus one of the two modes, a bot token (one workspace) or OAuth (many). */
export function slackState(config: SlackConfig): PluginState {
  if (!config.SLACK_SIGNING_SECRET) return { enabled: false, message: 'set SLACK_SIGNING_SECRET to enable' };
  const oauth = SLACK_SECRETS.oauth.filter((n) => !config[n]);
  if (config.SLACK_BOT_TOKEN) return { enabled: true, mode: 'single-workspace' };
  if (oauth.length === 0) return { enabled: true, mode: 'oauth' };
  return {
    enabled: false,
    message: `set SLACK_BOT_TOKEN (one workspace) or ${oauth.join(', ')} (OAuth) to enable`,
  };
}

/**
 * The Slack plugin's part of the worker's config: its schema and its state (`slack` at `GET /`, which the maturity
 * evidence reads as "Slack is connected").
 *
 * @example composeConfig([zendeskConfig, slackConfig, jiraConfig])
 */
export const slackConfig: PluginConfig<typeof SlackConfigSchema> = {
  schema: SlackConfigSchema,
  status: (config: WorkerConfig) => ({ slack: slackState(config) }),
};
