import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../app-package/app-files.js';
import { verifyZendeskSignature } from '../webhook/webhook-signature.js';
import { ZendeskApiError } from '../zendesk-api/zendesk-api.js';
import { InstallationError, installedWebhooks, updateInstallation } from './installed-webhooks.js';
import { zendeskAccountMock } from './zendesk-account-mock.js';

const requirements = JSON.parse(readFileSync(join(APP_ROOT, 'app/requirements.json'), 'utf8'));
const account = { subdomain: 'acme', email: 'admin@acme.com', token: 'zd-api-token' };

async function installed(opts: { perPage?: number; rateLimitOnce?: string[] } = {}) {
  const zd = zendeskAccountMock({ ...account, ...opts });
  const fetch = async (url: string, init?: RequestInit) =>
    (await getResponse(zd.handlers, new Request(url, init))) ?? new Response('no handler', { status: 599 });
  const app = zd.uploadApp({ name: 'Support Metrics', requirements });
  const auth = `Basic ${btoa(`${account.email}/token:${account.token}`)}`;
  const res = await fetch('https://acme.zendesk.com/api/v2/apps/installations.json', {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ app_id: app, settings: { worker_url: 'https://sm.example' } }),
  });
  expect(res.status).toBe(201);
  return { zd, fetch };
}

describe('installing the app from requirements.json, and finding its webhooks’ signing secrets', () => {
  it('creates the five closed-record fields, the two webhooks and the trigger that notifies the second', async () => {
    const { zd } = await installed();
    expect(zd.ticketFields.map((f) => f.title)).toEqual([
      'Contact reason',
      'Issue type',
      'Resolution',
      'New vs known',
      'Knowledge action',
    ]);
    expect(zd.webhooks.map((w) => w.name)).toEqual([
      'Support Metrics: ticket and organization events',
      'Support Metrics: closed record',
    ]);
    const [trigger] = zd.triggers;
    expect(trigger?.actions[0]?.value).toEqual([
      zd.webhooks[1]?.id,
      expect.stringContaining('{{ticket.id}}'),
    ]);
  });

  it('finds both webhooks through the Apps API (every page, a 429 waited out) and their secrets verify their deliveries', async () => {
    const waits: number[] = [];
    const { zd, fetch } = await installed({
      perPage: 3,
      rateLimitOnce: ['/api/v2/apps/installations/1/requirements.json'],
    });
    const found = await installedWebhooks({ ...account, fetch, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([1000]);
    expect(found.events.id).toBe(zd.webhooks[0]?.id);
    expect(found.trigger.id).toBe(zd.webhooks[1]?.id);
    const [delivery] = await zd.event({
      type: 'zen:event-type:ticket.created',
      id: 'e1',
      detail: { id: '1' },
    });
    const body = new Uint8Array(await (delivery as Request).arrayBuffer());
    const verify = (secret: string) =>
      verifyZendeskSignature({
        secret,
        signature: delivery?.headers.get('x-zendesk-webhook-signature') ?? undefined,
        timestamp: delivery?.headers.get('x-zendesk-webhook-signature-timestamp') ?? undefined,
        rawBody: body,
        now: Date.now(),
        toleranceSeconds: 300,
      });
    await expect(verify(found.events.secret)).resolves.toBeTypeOf('string');
    await expect(verify(found.trigger.secret)).rejects.toThrow('signature does not match');
  });

  it('sets the sidebar’s signing key on the installation (a secure setting: never shown in the API’s answers)', async () => {
    const { zd, fetch } = await installed();
    const found = await installedWebhooks({ ...account, fetch });
    await updateInstallation({ ...account, fetch }, found.installationId, { signing_key: 'k-123' });
    expect(zd.secureSetting(found.installationId, 'signing_key')).toBe('k-123');
    const listed = await (
      await fetch('https://acme.zendesk.com/api/v2/apps/installations.json', {
        headers: { authorization: `Basic ${btoa(`${account.email}/token:${account.token}`)}` },
      })
    ).json();
    expect(JSON.stringify(listed)).not.toContain('k-123');
    await expect(updateInstallation({ ...account, fetch }, 99, { signing_key: 'x' })).rejects.toThrow(
      ZendeskApiError,
    );
  });

  it('says when the app is not installed, or the account refuses the credentials', async () => {
    const zd = zendeskAccountMock(account);
    const fetch = async (url: string, init?: RequestInit) =>
      (await getResponse(zd.handlers, new Request(url, init))) ?? new Response('', { status: 599 });
    await expect(installedWebhooks({ ...account, fetch })).rejects.toThrow(
      new InstallationError('Support Metrics is not installed in acme.zendesk.com'),
    );
    await expect(installedWebhooks({ ...account, token: 'wrong', fetch })).rejects.toThrow(ZendeskApiError);
  });
});
