import { env } from 'cloudflare:workers';
import { jiraConfig } from '@support-metrics/jira-bridge';
import { PlatformConfigSchema } from '@support-metrics/platform';
import { slackConfig } from '@support-metrics/slack-bot';
import { zendeskConfig } from '@support-metrics/zendesk-app';
import { describe, expect, it } from 'vitest';
import { app, workerConfig } from '../src/index.js';

// The worker's config is the platform's part and each plugin's (their src/config.ts), composed once: whatever a part
// rejects, the whole rejects, at the same path, and the worker answers every request with the startup error.

const parts = [
  ['the platform', PlatformConfigSchema, { DEFAULT_TENANT: 'Acme Corp', PUBLIC_URL: 'metrics.acme.com' }],
  ['Zendesk', zendeskConfig.schema, { ZENDESK_SUBDOMAIN: 'acme.zendesk.com', ZENDESK_EMAIL: 'bot' }],
  ['Slack', slackConfig.schema, { SLACK_BOT_TOKEN: 'xoxp-user-token' }],
  ['Jira', jiraConfig.schema, { JIRA_BASE_URL: 'acme.atlassian.net', FORGE_JWKS_URL: 'keys' }],
] as const;

const pathsOf = (r: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join('.'));

describe("the worker's composed config", () => {
  it.each(parts)('rejects what %s rejects, at the same paths', (_, schema, bad) => {
    const alone = pathsOf(schema.safeParse(bad));
    expect(alone).toEqual(Object.keys(bad));
    expect(pathsOf(workerConfig.schema.safeParse({ ...env, ...bad }))).toEqual(alone);
  });

  it("names every part's bad variables in one startup error", () => {
    const bad = Object.assign({}, ...parts.map(([, , b]) => b));
    expect(pathsOf(workerConfig.schema.safeParse({ ...env, ...bad }))?.sort()).toEqual(
      Object.keys(bad).sort(),
    );
  });

  it("keeps the parts' variables and nothing else of the env", () => {
    const declared = [PlatformConfigSchema, ...[zendeskConfig, slackConfig, jiraConfig].map((p) => p.schema)]
      .flatMap((s) => Object.keys(s.shape))
      .sort();
    const loaded = workerConfig.load({ ...env, UNRELATED: 'x' });
    expect(Object.keys(loaded).every((k) => declared.includes(k))).toBe(true);
    expect(loaded).toMatchObject({ DEFAULT_TENANT: 'demo', SLACK_BOT_TOKEN: 'xoxb-test-bot-token' });
  });

  it('answers every request with the startup error (500 config_error, the variable named, never its value)', async () => {
    const res = await app.request('/', {}, { ...env, SLACK_BOT_TOKEN: 'xoxp-user-token' });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; message: string };
    expect(body).toEqual({
      error: 'config_error',
      message:
        'invalid configuration: SLACK_BOT_TOKEN: a bot token (xoxb-…), not a user (xoxp-) or app-level (xapp-) token',
    });
  });

  it("lists each plugin's features at GET /, in the parts' order", async () => {
    const res = await app.request('/', {}, env);
    expect(await res.json()).toEqual({
      name: 'support-metrics',
      plugins: {
        zendeskWebhooks: { enabled: true },
        zendeskApi: {
          enabled: false,
          message: 'set ZENDESK_SUBDOMAIN, ZENDESK_EMAIL, ZENDESK_API_TOKEN to enable',
        },
        slack: { enabled: true, mode: 'single-workspace' },
        jiraWebhooks: { enabled: true },
        jiraApi: { enabled: true },
        forge: { enabled: false, message: 'set FORGE_APP_ID to enable' },
      },
    });
  });
});
