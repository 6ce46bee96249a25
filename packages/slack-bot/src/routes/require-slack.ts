import { NotConfiguredError, type WorkerConfig } from '@support-metrics/platform';
import { SLACK_SECRETS } from '../config.js';

/** Slack must be configured: the signing secret and one of the two modes. */
export function requireSlack(config: WorkerConfig): string {
  if (!config.SLACK_SIGNING_SECRET) throw new NotConfiguredError(SLACK_SECRETS.signing);
  const oauth = SLACK_SECRETS.oauth.every((n) => config[n]);
  if (!config.SLACK_BOT_TOKEN && !oauth)
    throw new NotConfiguredError([
      'SLACK_BOT_TOKEN (one workspace)',
      'or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET (OAuth)',
    ]);
  return config.SLACK_SIGNING_SECRET;
}
