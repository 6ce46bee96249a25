import { ConfigError, composeConfig } from '@support-metrics/platform';
import { describe, expect, it } from 'vitest';
import { ZendeskConfigSchema, zendeskConfig } from './config.js';

const pathsOf = (env: object) =>
  ZendeskConfigSchema.safeParse(env).error?.issues.map((i) => i.path.join('.'));
const config = composeConfig([zendeskConfig]);

describe("the Zendesk plugin's config", () => {
  it('is off without its secrets, and says what to set for each feature', () => {
    expect(config.status(config.load({}))).toEqual({
      zendeskWebhooks: { enabled: false, message: 'set ZENDESK_WEBHOOK_SECRET to enable' },
      zendeskApi: {
        enabled: false,
        message: 'set ZENDESK_SUBDOMAIN, ZENDESK_EMAIL, ZENDESK_API_TOKEN to enable',
      },
    });
  });

  it('names what is still missing of a half-set account, and takes a blank value as unset', () => {
    const loaded = config.load({ ZENDESK_SUBDOMAIN: 'acme', ZENDESK_EMAIL: '', ZENDESK_WEBHOOK_SECRET: ' ' });
    expect(loaded.ZENDESK_EMAIL).toBeUndefined();
    expect(config.status(loaded)).toEqual({
      zendeskWebhooks: { enabled: false, message: 'set ZENDESK_WEBHOOK_SECRET to enable' },
      zendeskApi: { enabled: false, message: 'set ZENDESK_EMAIL, ZENDESK_API_TOKEN to enable' },
    });
  });

  it('is on with the webhook secret and the whole account', () => {
    const loaded = config.load({
      ZENDESK_WEBHOOK_SECRET: 'whsec',
      ZENDESK_SUBDOMAIN: 'acme-support',
      ZENDESK_EMAIL: 'bot@acme.com',
      ZENDESK_API_TOKEN: 'zd-token',
    });
    expect(config.status(loaded)).toEqual({
      zendeskWebhooks: { enabled: true },
      zendeskApi: { enabled: true },
    });
  });

  it.each(['acme.zendesk.com', 'https://acme.zendesk.com', 'acme/'])(
    'refuses the subdomain %j (the subdomain only, as the zendeskApi setting)',
    (sub) => {
      expect(pathsOf({ ZENDESK_SUBDOMAIN: sub })).toEqual(['ZENDESK_SUBDOMAIN']);
    },
  );

  it('refuses an email that is not one, and stops the worker naming the variable, never a secret', () => {
    expect(pathsOf({ ZENDESK_EMAIL: 'bot' })).toEqual(['ZENDESK_EMAIL']);
    const env = { ZENDESK_SUBDOMAIN: 'acme.zendesk.com', ZENDESK_API_TOKEN: 'zd-secret-token' };
    expect(() => config.load(env)).toThrow(ConfigError);
    expect(() => config.load(env)).toThrow(
      'invalid configuration: ZENDESK_SUBDOMAIN: the subdomain only, as in acme for acme.zendesk.com',
    );
    expect(() => config.load(env)).not.toThrow(/zd-secret-token/);
  });
});
