import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import {
  type AppEnv,
  type Bindings,
  notFound,
  onError,
  openSettings,
  platform,
  seal,
  sealSetting,
  unseal,
} from '@support-metrics/platform';
import { createZendeskApi, type ZendeskCredentials, zendeskRoutes } from '@support-metrics/zendesk-app';
import { Hono } from 'hono';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { storePlugins } from '../src/index.js';
import {
  api,
  BASE,
  postWebhook,
  seedTenant,
  ticketCreated,
  ticketEvent,
  zendeskSignature,
} from './helpers.js';

// The worker's SETTINGS_SECRET in these tests (vitest.config.ts).
const KEY = 'test-settings-secret';
const OWN_HOOK = 'vault-own-hook-secret';
const OWN_ACCOUNT = { subdomain: 'vaultco', email: 'bot@vaultco.example', token: 'vaultco-api-token' };

describe('seal and unseal (AES-256-GCM, a key per secret and label)', () => {
  it('round-trips, with a fresh IV each time, and opens only with the same secret, label and context', async () => {
    const a = await seal('s1', 'label', 'plain text', 'acme/zendeskApi');
    const b = await seal('s1', 'label', 'plain text', 'acme/zendeskApi');
    expect(a).toMatch(/^v1\.[^.]+\.[^.]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('plain');
    expect(await unseal('s1', 'label', a, 'acme/zendeskApi')).toBe('plain text');
    await expect(unseal('s2', 'label', a, 'acme/zendeskApi')).rejects.toThrow();
    await expect(unseal('s1', 'other-label', a, 'acme/zendeskApi')).rejects.toThrow();
    await expect(unseal('s1', 'label', a, 'other/zendeskApi')).rejects.toThrow();
    await expect(unseal('s1', 'label', `${a.slice(0, -4)}AAAA`, 'acme/zendeskApi')).rejects.toThrow();
    await expect(unseal('s1', 'label', 'v2.x.y')).rejects.toThrow(/format/);
  });
});

describe('tenant credentials stored sealed', () => {
  const warnings: string[] = [];
  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    });
    await seedTenant('vault', 'vault-token', {
      zendeskWebhookSecret: await sealSetting(KEY, 'vault', 'zendeskWebhookSecret', OWN_HOOK),
      zendeskApi: await sealSetting(KEY, 'vault', 'zendeskApi', OWN_ACCOUNT),
    });
    // Sealed with a SETTINGS_SECRET the worker does not have (another install, or the secret was rotated).
    await seedTenant('rotated', 'rotated-token', {
      zendeskWebhookSecret: await sealSetting(
        'an-old-settings-secret',
        'rotated',
        'zendeskWebhookSecret',
        OWN_HOOK,
      ),
    });
    // vault's sealed value copied into another tenant's row: bound to vault, it opens nowhere else.
    const vault = await env.DB.prepare("SELECT settings FROM tenants WHERE id = 'vault'").first<{
      settings: string;
    }>();
    await seedTenant('copycat', 'copycat-token', {
      zendeskWebhookSecret: (JSON.parse(vault?.settings ?? '{}') as Record<string, unknown>)
        .zendeskWebhookSecret,
    });
    // Set before sealing existed: still used, and named as stored unsealed.
    await seedTenant('legacy', 'legacy-token', { zendeskWebhookSecret: 'legacy-hook-secret' });
  });
  afterEach(() => {
    for (const w of warnings) for (const s of [OWN_HOOK, OWN_ACCOUNT.token, KEY]) expect(w).not.toContain(s);
  });

  it('keeps no credential readable in D1, and the worker opens them to verify and to call Zendesk', async () => {
    const row = await env.DB.prepare("SELECT settings FROM tenants WHERE id = 'vault'").first<{
      settings: string;
    }>();
    expect(row?.settings).toMatch(/"zendeskWebhookSecret":"sealed:v1\./);
    for (const clear of [OWN_HOOK, OWN_ACCOUNT.token, OWN_ACCOUNT.email])
      expect(row?.settings).not.toContain(clear);

    const res = await postWebhook(ticketCreated('9101'), {
      path: '/t/vault/zendesk/webhooks',
      secret: OWN_HOOK,
    });
    expect(res.status).toBe(200);
    expect((await api('/api/cases/9101', 'vault-token')).status).toBe(200);
    // The sealed value itself is not a key anyone can sign with.
    const sealedText = (JSON.parse(row?.settings ?? '{}') as { zendeskWebhookSecret: string })
      .zendeskWebhookSecret;
    expect(
      (await postWebhook(ticketCreated('9102'), { path: '/t/vault/zendesk/webhooks', secret: sealedText }))
        .status,
    ).toBe(401);

    const policies = (await (await api('/api/policies', 'vault-token')).json()) as { problems: string[] };
    expect(policies.problems).toEqual([]);
    expect(JSON.stringify(policies)).not.toContain(OWN_ACCOUNT.token);
  });

  /** The Zendesk routes with the tenant's account answered by `zendesk` (Zendesk cannot be reached from here). */
  async function deliver(
    ticketId: string,
    zendesk: (url: string) => Response,
    bindings: Partial<Bindings> = {},
    tenant = 'vault',
  ): Promise<{ res: Response; seen: ZendeskCredentials[] }> {
    const seen: ZendeskCredentials[] = [];
    const app = new Hono<AppEnv>();
    app.use('*', platform(storePlugins));
    app.route(
      '/',
      zendeskRoutes({
        zendeskApi: (credentials) => {
          seen.push(credentials);
          return createZendeskApi({
            ...credentials,
            fetch: async (url) => zendesk(url),
            sleep: async () => {},
          });
        },
      }),
    );
    app.onError(onError);
    app.notFound(notFound);
    // An event for a ticket the store has not seen: the worker fetches it from the tenant's account.
    const raw = JSON.stringify(
      ticketEvent('ticket.priority_changed', ticketId, { current: 'HIGH' }, { priority: 'HIGH' }),
    );
    const ts = new Date().toISOString();
    const ctx = createExecutionContext();
    const res = await app.request(
      `${BASE}/t/${tenant}/zendesk/webhooks`,
      {
        method: 'POST',
        headers: {
          'x-zendesk-webhook-signature': await zendeskSignature(OWN_HOOK, ts, raw),
          'x-zendesk-webhook-signature-timestamp': ts,
        },
        body: raw,
      },
      { ...(env as unknown as Bindings), ...bindings },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return { res, seen };
  }
  const notFoundAnswer = () =>
    Response.json({ error: 'RecordNotFound', description: 'Not found' }, { status: 404 });

  it("calls the tenant's own Zendesk account with the opened credentials", async () => {
    const { res, seen } = await deliver('9199', notFoundAnswer);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ message: expect.stringContaining('9199') });
    expect(seen).toEqual([OWN_ACCOUNT]);
  });

  it('answers 503 with Retry-After when that account fails, applies nothing, and takes the redelivery', async () => {
    const down = await deliver('9198', () => new Response('upstream down', { status: 500 }));
    expect(down.res.status).toBe(503);
    expect(down.res.headers.get('retry-after')).toBe('60');
    const body = JSON.stringify(await down.res.json());
    expect(body).toContain('upstream_unavailable');
    expect(body).toContain('ticket 9198');
    for (const s of [OWN_ACCOUNT.token, OWN_ACCOUNT.email, OWN_HOOK]) expect(body).not.toContain(s);
    // Not marked processed: the same ticket's next delivery is applied, not called a duplicate.
    expect((await deliver('9198', notFoundAnswer)).res.status).toBe(404);
  });

  it('without a SETTINGS_SECRET the sealed ones stay shut: the webhook is off and says so', async () => {
    const { res, seen } = await deliver('9197', notFoundAnswer, { SETTINGS_SECRET: '' } as Partial<Bindings>);
    expect(res.status).toBe(503);
    expect(seen).toEqual([]);
    expect(
      warnings.some((w) => w.includes('tenant vault: zendeskWebhookSecret: sealed, and this worker has no')),
    ).toBe(true);
  });

  it('while SETTINGS_SECRET is rotated, opens what the previous one sealed, and says it is to be sealed again', async () => {
    const OLD = 'the-settings-secret-before';
    await seedTenant('rotating', 'rotating-token', {
      zendeskWebhookSecret: await sealSetting(OLD, 'rotating', 'zendeskWebhookSecret', OWN_HOOK),
    });
    const rotating = { SETTINGS_SECRET_PREVIOUS: OLD } as Partial<Bindings>;
    // Verified and applied (this tenant has no Zendesk account: an unseen ticket is skipped).
    expect((await deliver('9196', notFoundAnswer, rotating, 'rotating')).res.status).toBe(202);
    // Without the previous one it no longer opens.
    expect((await deliver('9196', notFoundAnswer, {}, 'rotating')).res.status).toBe(503);
    const opened = await openSettings(
      { zendeskWebhookSecret: await sealSetting(OLD, 'rotating', 'zendeskWebhookSecret', OWN_HOOK) },
      'rotating',
      KEY,
      OLD,
    );
    expect(opened.settings).toEqual({ zendeskWebhookSecret: OWN_HOOK });
    expect(opened.problems).toEqual([
      'zendeskWebhookSecret: sealed with SETTINGS_SECRET_PREVIOUS (tenant.ts reseal seals it with the current one)',
    ]);
    expect(opened.shut).toEqual([]);
  });

  it('opens a sealed value only under its own tenant and setting', async () => {
    const sealed = await sealSetting(KEY, 'vault', 'zendeskWebhookSecret', OWN_HOOK);
    expect((await openSettings({ zendeskWebhookSecret: sealed }, 'vault', KEY)).settings).toEqual({
      zendeskWebhookSecret: OWN_HOOK,
    });
    const moved = await openSettings({ jiraWebhookSecret: sealed }, 'vault', KEY);
    expect(moved.settings).toEqual({});
    expect(moved.problems).toEqual([
      'jiraWebhookSecret: sealed with another SETTINGS_SECRET, or altered; set it again',
    ]);
    // Only credentials are opened; another setting that happens to start with "sealed:" is left as it is.
    expect((await openSettings({ zendeskSubdomain: sealed }, 'vault', KEY)).settings).toEqual({
      zendeskSubdomain: sealed,
    });
  });

  it('leaves one that does not open (another secret, another tenant) off, says why, and logs no value', async () => {
    for (const tenant of ['rotated', 'copycat']) {
      const res = await postWebhook(ticketCreated('9103'), {
        path: `/t/${tenant}/zendesk/webhooks`,
        secret: OWN_HOOK,
      });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: 'not_configured' });
      const policies = (await (await api('/api/policies', `${tenant}-token`)).json()) as {
        problems: string[];
      };
      expect(policies.problems).toEqual([
        'zendeskWebhookSecret: sealed with another SETTINGS_SECRET, or altered; set it again',
      ]);
    }
    expect(warnings.some((w) => w.includes('tenant rotated: zendeskWebhookSecret'))).toBe(true);
    expect((await api('/api/cases/9103', 'rotated-token')).status).toBe(404);
  });

  it('still uses one stored unsealed, and names it so that it gets sealed', async () => {
    const res = await postWebhook(ticketCreated('9104'), {
      path: '/t/legacy/zendesk/webhooks',
      secret: 'legacy-hook-secret',
    });
    expect(res.status).toBe(200);
    const policies = (await (await api('/api/policies', 'legacy-token')).json()) as { problems: string[] };
    expect(policies.problems).toEqual([
      'zendeskWebhookSecret: stored unsealed (tenant.ts seal legacy seals it)',
    ]);
  });
});
