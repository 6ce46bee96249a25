import { env } from 'cloudflare:workers';
import { loadConfig } from '../config/load-config.js';
import { sha256Hex } from '../crypto/digest.js';
import type { PlatformPlugins } from '../http/platform-middleware.js';
import { createStores } from '../store/stores.js';

/** The origin every test request is sent to. */
export const BASE = 'https://support-metrics.test';

/**
 * Test helpers over the test's local D1 (workerd, `cloudflare:workers`' env), with the plugins' parts wired as the
 * worker wires them (their config, `caseSaved` hooks and bug links): a plugin's tests pass its own, the worker's tests
 * the worker's.
 *
 * @example const { testStores, seedTenant } = testHarness({ caseSaved: [jiraCaseSaved], bugLinks: (db) => new JiraStore(db) })
 */
export function testHarness(plugins: PlatformPlugins = {}) {
  /** The stores over the test's local D1, built as the worker builds them (with the plugins' parts). */
  const testStores = () => createStores(env.DB, loadConfig(env, plugins.config), plugins);

  /** Creates a tenant with an API token (idempotent). */
  async function seedTenant(id: string, token: string, settings: Record<string, unknown> = {}) {
    const stores = testStores();
    await env.DB.prepare(
      'INSERT INTO tenants (id, name, settings, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET settings = excluded.settings',
    )
      .bind(id, id, JSON.stringify(settings), '2026-11-01T00:00:00Z')
      .run();
    await stores.tenants.addTokenHash(id, await sha256Hex(token), 'test', '2026-11-01T00:00:00Z');
    return stores.cases;
  }

  return { testStores, seedTenant };
}
