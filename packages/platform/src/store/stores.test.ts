import { env } from 'cloudflare:workers';
import { CaseSchema } from '@support-metrics/core';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { WorkerConfig } from '../config/env-schema.js';
import { loadConfig } from '../config/load-config.js';
import { sha256Hex } from '../crypto/digest.js';
import type { AppEnv } from '../http/app-env.js';
import { bearerAuth } from '../http/bearer-auth.js';
import { apiError, onError } from '../http/errors.js';
import { platform } from '../http/platform-middleware.js';
import type { CaseSavedHook } from './case-saved.js';
import { StaleCaseError } from './case-store.js';
import { saveWithRetry } from './save-with-retry.js';
import { createStores } from './stores.js';
import { sealSetting } from './tenant-secrets.js';

const config: WorkerConfig = loadConfig(env);
const at = '2026-11-20T10:00:00Z';
const ticket = (id: string, extra: Record<string, unknown> = {}) =>
  CaseSchema.parse({
    id,
    tenantId: 'acme',
    helpdesk: 'zendesk',
    createdAt: '2026-11-20T09:00:00Z',
    subject: 'Export to CSV crashes',
    description:
      'Since 4.2.1 the desktop app on Windows 11 crashes when I click Export > CSV. Error: "0xC0000005".',
    ...extra,
  });

/** A plugin's part of a case write, for the test: the case id written as a sync cursor (a platform table). */
const marker: CaseSavedHook = ({ tenantId, case: c, at: when }) => [
  {
    sql: "INSERT INTO sync_state (tenant_id, source, cursor, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, source) DO UPDATE SET cursor = cursor || ',' || excluded.cursor",
    params: [tenantId, 'hook', c.id, when],
  },
];

describe('the stores, built once (createStores)', () => {
  it('keeps tenants and their tokens: a token names its tenant by its hash only', async () => {
    const { tenants } = createStores(env.DB, config);
    await tenants.ensureTenant('acme', 'Acme', at);
    await tenants.addTokenHash('acme', await sha256Hex('acme-token'), 'test', at);
    expect(await tenants.tenantForTokenHash(await sha256Hex('acme-token'))).toBe('acme');
    expect(await tenants.tenantForTokenHash('acme-token')).toBeNull();
    expect(await tenants.tenantIds()).toContain('acme');
  });

  it("opens a sealed credential with the config's SETTINGS_SECRET, and reports a policy that does not parse", async () => {
    const sealed = await sealSetting(env.SETTINGS_SECRET, 'sealed-co', 'zendeskApi', { token: 't' });
    await env.DB.prepare('INSERT INTO tenants (id, name, settings, created_at) VALUES (?, ?, ?, ?)')
      .bind('sealed-co', 'Sealed', JSON.stringify({ zendeskApi: sealed, rubric: { how_to: 'nope' } }), at)
      .run();
    const { tenants } = createStores(env.DB, config);
    expect((await tenants.tenantSettings('sealed-co'))?.zendeskApi).toEqual({ token: 't' });
    const policies = await tenants.tenantPolicies('sealed-co');
    expect(policies.rubric).toBeUndefined();
    expect(policies.problems.join(' ')).toMatch(/^rubric: /);
  });

  it("writes a plugin's statements in the case's own transaction: once per change, none for a duplicate", async () => {
    const { cases } = createStores(env.DB, config, { caseSaved: [marker] });
    const first = await cases.saveCase('acme', ticket('c1'), { source: 'test', eventId: 'e1', at });
    expect(first.outcome).toBe('created');
    expect(first.result?.issueType).toBe('bug');
    const again = await cases.saveCase('acme', ticket('c1'), { source: 'test', eventId: 'e1', at });
    expect(again.outcome).toBe('duplicate');
    const cursor = await cases.syncCursor('acme', 'hook');
    expect(cursor?.cursor).toBe('c1');
    const { counts } = await cases.metrics('acme', { from: '2026-11-20', to: '2026-11-20' });
    expect(counts.created).toBe(1);
  });

  it('refuses a write based on a stale version, and saveWithRetry applies it again on the version now stored', async () => {
    const { cases } = createStores(env.DB, config);
    await cases.saveCase('acme', ticket('c2'), { source: 'test', eventId: 'c2-1', at });
    const read = await cases.getCase('acme', 'c2');
    // Another delivery wins meanwhile.
    await cases.saveCase('acme', ticket('c2', { status: 'pending' }), {
      source: 'test',
      eventId: 'c2-2',
      at,
    });
    await expect(
      cases.saveCase(
        'acme',
        ticket('c2', { status: 'solved', solvedAt: at }),
        { source: 'test', eventId: 'c2-3', at },
        {
          stored: read,
        },
      ),
    ).rejects.toBeInstanceOf(StaleCaseError);
    let tries = 0;
    const saved = await saveWithRetry(async () => {
      tries++;
      const stored = tries === 1 ? read : await cases.getCase('acme', 'c2');
      return cases.saveCase(
        'acme',
        ticket('c2', { status: 'solved', solvedAt: at }),
        { source: 'test', eventId: 'c2-3', at },
        { stored },
      );
    });
    expect(tries).toBe(2);
    expect(saved.outcome).toBe('updated');
    expect(saved.stored.version).toBe(3);
  });

  it('gives up after the tries with 503 busy and Retry-After', async () => {
    const busy = saveWithRetry(async () => {
      throw new StaleCaseError('hot');
    }, 3);
    await expect(busy).rejects.toMatchObject({ status: 503 });
    const res = await busy.catch((e: { getResponse(): Response }) => e.getResponse());
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toMatchObject({ error: 'busy' });
  });
});

describe('the platform middleware, bearer auth and errors', () => {
  const app = new Hono<AppEnv>();
  app.use('*', platform());
  app.use('/api/*', bearerAuth());
  app.get('/api/who', (c) => c.json({ tenant: c.var.tenantId, stores: Object.keys(c.var.stores).sort() }));
  app.get('/api/teapot', () => {
    throw apiError(418, 'teapot', 'short and stout');
  });
  app.onError(onError);

  it('puts the stores on the context and the tenant of the token', async () => {
    const res = await app.request('/api/who', { headers: { authorization: 'Bearer acme-token' } }, env);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      tenant: 'acme',
      stores: ['bugLinks', 'cases', 'customers', 'db', 'names', 'tenants'],
    });
  });

  it('refuses a missing or unknown token with 401 and a JSON body', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer nope' },
      { authorization: 'Basic acme-token' },
    ] as Record<string, string>[]) {
      const res = await app.request('/api/who', { headers }, env);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    }
  });

  it('answers a named refusal as { error, message } with its status', async () => {
    const res = await app.request('/api/teapot', { headers: { authorization: 'Bearer acme-token' } }, env);
    expect(res.status).toBe(418);
    expect(await res.json()).toEqual({ error: 'teapot', message: 'short and stout' });
  });
});
