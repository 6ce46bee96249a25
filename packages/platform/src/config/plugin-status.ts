import { PLUGIN_SECRETS, type WorkerConfig } from './env-schema.js';

function slackState(config: WorkerConfig) {
  if (!config.SLACK_SIGNING_SECRET) return { enabled: false, message: 'set SLACK_SIGNING_SECRET to enable' };
  const oauth = PLUGIN_SECRETS.slackOAuth.filter((n) => !config[n]);
  if (config.SLACK_BOT_TOKEN) return { enabled: true, mode: 'single-workspace' };
  if (oauth.length === 0) return { enabled: true, mode: 'oauth' };
  return {
    enabled: false,
    message: `set SLACK_BOT_TOKEN (one workspace) or ${oauth.join(', ')} (OAuth) to enable`,
  };
}

/** Which plugins are on, and for those that are off, what to set: shown at `GET /` and by `pnpm start`. */
export function pluginStatus(config: WorkerConfig) {
  const state = (names: readonly (keyof WorkerConfig)[]) => {
    const missing = names.filter((n) => !config[n]);
    return missing.length === 0
      ? { enabled: true }
      : { enabled: false, message: `set ${missing.join(', ')} to enable` };
  };
  return {
    zendeskWebhooks: state(PLUGIN_SECRETS.zendeskWebhooks),
    zendeskApi: state(PLUGIN_SECRETS.zendeskApi),
    // Slack needs its signing secret plus one of the two modes: a bot token (one workspace) or OAuth (many).
    slack: slackState(config),
    jiraWebhooks: state(PLUGIN_SECRETS.jiraWebhooks),
    jiraApi: state(PLUGIN_SECRETS.jiraApi),
  };
}
