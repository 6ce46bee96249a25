import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error.js';
import { syncCommand } from './sync.js';

const options = (env: NodeJS.ProcessEnv) => ({
  source: 'zendesk',
  restart: false,
  audits: false,
  env,
  err: { write: () => true },
  stopRequested: () => false,
  fetch: () => Promise.reject(new Error('no request is made for bad configuration')),
});

describe('support-metrics sync zendesk: its Zendesk account from the environment', () => {
  it('names what is missing', async () => {
    await expect(syncCommand(options({ ZENDESK_SUBDOMAIN: 'acme' }))).rejects.toThrow(
      new CliError('set ZENDESK_SUBDOMAIN, ZENDESK_EMAIL and ZENDESK_API_TOKEN'),
    );
  });

  it.each(['acme.zendesk.com', 'https://acme.zendesk.com'])(
    'refuses the subdomain %j as the worker does, before any request',
    async (sub) => {
      const env = { ZENDESK_SUBDOMAIN: sub, ZENDESK_EMAIL: 'bot@acme.com', ZENDESK_API_TOKEN: 't' };
      await expect(syncCommand(options(env))).rejects.toThrow(
        new CliError('ZENDESK_SUBDOMAIN: the subdomain only, as in acme for acme.zendesk.com'),
      );
    },
  );
});
