import { ConfigError, composeConfig } from '@support-metrics/platform';
import { describe, expect, it } from 'vitest';
import { JiraConfigSchema, jiraConfig } from './config.js';
import { FORGE_JWKS_URL } from './forge/forge-config.js';

const config = composeConfig([jiraConfig]);
const pathsOf = (env: object) => JiraConfigSchema.safeParse(env).error?.issues.map((i) => i.path.join('.'));
const SITE = {
  JIRA_BASE_URL: 'https://acme.atlassian.net',
  JIRA_EMAIL: 'bot@acme.com',
  JIRA_API_TOKEN: 'jt',
};

describe("the Jira bridge's config", () => {
  it('is off without its secrets, and says what to set for each feature', () => {
    expect(config.status(config.load({}))).toEqual({
      jiraWebhooks: { enabled: false, message: 'set JIRA_WEBHOOK_SECRET to enable' },
      jiraApi: { enabled: false, message: 'set JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN to enable' },
      forge: { enabled: false, message: 'set FORGE_APP_ID to enable' },
    });
  });

  it('is on with the webhook secret, the whole site and the Forge app id', () => {
    const loaded = config.load({ ...SITE, JIRA_WEBHOOK_SECRET: 'whsec', FORGE_APP_ID: 'f0e1d2c3' });
    expect(config.status(loaded)).toEqual({
      jiraWebhooks: { enabled: true },
      jiraApi: { enabled: true },
      forge: { enabled: true },
    });
    // The Forge part as forgeConfigOf reads it: the app id as its ARI, Atlassian's keys unless pointed elsewhere.
    expect(loaded).toMatchObject({ FORGE_APP_ID: 'ari:cloud:ecosystem::app/f0e1d2c3', FORGE_JWKS_URL });
  });

  it.each([
    ['without its scheme', 'acme.atlassian.net'],
    ['another scheme', 'ftp://acme.atlassian.net'],
  ])('refuses a site address %s, at its path', (_, url) => {
    expect(pathsOf({ ...SITE, JIRA_BASE_URL: url })).toEqual(['JIRA_BASE_URL']);
  });

  it('refuses an email that is not one and a JWKS address that is not a URL, together', () => {
    expect(pathsOf({ ...SITE, JIRA_EMAIL: 'bot at acme', FORGE_JWKS_URL: 'keys' })).toEqual([
      'JIRA_EMAIL',
      'FORGE_JWKS_URL',
    ]);
  });

  it('stops the worker naming the variable, never the token', () => {
    const load = () =>
      config.load({ ...SITE, JIRA_BASE_URL: 'acme.atlassian.net', JIRA_API_TOKEN: 'jira-secret' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/^invalid configuration: JIRA_BASE_URL: /);
    expect(load).not.toThrow(/jira-secret/);
  });
});
