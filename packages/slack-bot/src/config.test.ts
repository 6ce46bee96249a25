import { ConfigError, composeConfig } from '@support-metrics/platform';
import { describe, expect, it } from 'vitest';
import { SlackConfigSchema, slackConfig } from './config.js';

const config = composeConfig([slackConfig]);
const slackOf = (env: object) => config.status(config.load(env)).slack;
const SIGNED = { SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5' };

describe("the Slack plugin's config", () => {
  it('is off without its signing secret, even with a bot token (Slack answers 503 naming it; the worker starts)', () => {
    expect(slackOf({})).toEqual({ enabled: false, message: 'set SLACK_SIGNING_SECRET to enable' });
    expect(slackOf({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '' })).toEqual({
      enabled: false,
      message: 'set SLACK_SIGNING_SECRET to enable',
    });
  });

  it('needs one of the two modes besides the signing secret, and names what OAuth still lacks', () => {
    expect(slackOf(SIGNED)).toEqual({
      enabled: false,
      message:
        'set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET (OAuth) to enable',
    });
    expect(slackOf({ ...SIGNED, SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'cs' })).toEqual({
      enabled: false,
      message: 'set SLACK_BOT_TOKEN (one workspace) or SLACK_STATE_SECRET (OAuth) to enable',
    });
  });

  it('is on in single-workspace mode with a bot token, and in OAuth mode with all three', () => {
    expect(slackOf({ ...SIGNED, SLACK_BOT_TOKEN: 'xoxb-1-2-abc' })).toEqual({
      enabled: true,
      mode: 'single-workspace',
    });
    const oauth = { SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'state' };
    expect(slackOf({ ...SIGNED, ...oauth })).toEqual({ enabled: true, mode: 'oauth' });
  });

  it.each([
    ['a user token', 'xoxp-1-2-abc'],
    ['an app-level token', 'xapp-1-A1-abc'],
    ['a token pasted with its name', 'SLACK_BOT_TOKEN=xoxb-1'],
  ])('refuses %s as SLACK_BOT_TOKEN, naming the variable and not the token', (_, token) => {
    expect(SlackConfigSchema.safeParse({ SLACK_BOT_TOKEN: token }).error?.issues.map((i) => i.path)).toEqual([
      ['SLACK_BOT_TOKEN'],
    ]);
    const load = () => config.load({ ...SIGNED, SLACK_BOT_TOKEN: token });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      'invalid configuration: SLACK_BOT_TOKEN: a bot token (xoxb-…), not a user (xoxp-) or app-level (xapp-) token',
    );
    expect(load).not.toThrow(token);
  });
});
