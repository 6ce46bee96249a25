import { LogLevel, WebClient } from '@slack/web-api';
import type { WorkerConfig } from '@support-metrics/platform';
import { decryptToken } from '../install/token-crypto.js';
import type { SlackStore } from '../store/slack-store.js';

/**
 * A fetch for Slack's SDK on Workers: the SDK asks for `redirect: 'error'`, which workerd does not implement;
 * `'manual'` gives the same result for Slack's API (it does not redirect).
 */
export function workersFetch(base: typeof fetch = fetch): typeof fetch {
  return (input, init) => base(input, init?.redirect === 'error' ? { ...init, redirect: 'manual' } : init);
}

/** Bolt's and the SDK's logger: quiet below errors, and never a token in a line. */
export const slackLogger = {
  debug() {},
  info() {},
  warn() {},
  error(...args: unknown[]) {
    console.error(
      `slack: ${args
        .map((a) => (a instanceof Error ? a.message : String(a)))
        .join(' ')
        .replace(/xox[a-z]-[\w-]+/gi, 'xox?-[redacted]')
        .slice(0, 300)}`,
    );
  },
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

/** Retries of Web API calls made from the worker: a few, quickly (Slack's 429 Retry-After is honoured by the SDK). */
export const WEB_API_RETRIES = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 };
/** A Web API call that hangs is given up after this (then retried as above). */
export const WEB_API_TIMEOUT_MS = 8_000;

export interface SlackAuth {
  tenantId: string;
  teamId: string | null;
  botToken: string;
  botUserId: string | null;
}

/**
 * The bot token for a workspace or tenant. Single-workspace mode: SLACK_BOT_TOKEN serves the default tenant.
 * OAuth mode: the installation stored for the workspace (`teamId`) or the tenant, decrypted. Null when none.
 */
export async function resolveSlackAuth(
  config: WorkerConfig,
  slackStore: SlackStore,
  by: { teamId: string } | { tenantId: string; teamId?: string | null },
): Promise<SlackAuth | null> {
  if (config.SLACK_BOT_TOKEN) {
    if ('tenantId' in by && by.tenantId !== config.DEFAULT_TENANT) return null;
    return {
      tenantId: config.DEFAULT_TENANT,
      teamId: by.teamId ?? null,
      botToken: config.SLACK_BOT_TOKEN,
      botUserId: null,
    };
  }
  if (!config.SLACK_STATE_SECRET) return null;
  const installation =
    'tenantId' in by
      ? await slackStore.installationOfTenant(by.tenantId, by.teamId ?? null)
      : await slackStore.installationByTeam(by.teamId);
  if (!installation) return null;
  return {
    tenantId: installation.tenantId,
    teamId: installation.teamId,
    botToken: await decryptToken(config.SLACK_STATE_SECRET, installation.botTokenEnc),
    botUserId: installation.botUserId,
  };
}

/** A Web API client for a bot token, fit for Workers. */
export function webClient(
  token: string | undefined,
  fetchImpl?: typeof fetch,
  timeoutMs: number = WEB_API_TIMEOUT_MS,
): WebClient {
  return new WebClient(token, {
    fetch: workersFetch(fetchImpl),
    logger: slackLogger,
    retryConfig: WEB_API_RETRIES,
    timeout: timeoutMs,
  });
}
