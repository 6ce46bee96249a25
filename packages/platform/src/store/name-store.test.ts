import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { createStores } from './stores.js';

describe('the group and brand names (NameStore)', () => {
  it('keeps names per tenant and kind, a later write replacing the name, and says which ids have one', async () => {
    const { names } = createStores(env.DB, loadConfig(env));
    await names.saveNames(
      'acme',
      [
        { kind: 'group', id: '360001234', name: 'Tier 1' },
        { kind: 'brand', id: '360001234', name: 'Acme Cloud' },
      ],
      '2026-11-20T10:00:00Z',
    );
    await names.saveNames(
      'acme',
      [{ kind: 'group', id: '360001234', name: 'Tier 2' }],
      '2026-11-21T10:00:00Z',
    );
    await names.saveNames(
      'globex',
      [{ kind: 'group', id: '360001234', name: 'Globex L1' }],
      '2026-11-21T10:00:00Z',
    );
    const acme = await names.names('acme');
    expect(acme.group.get('360001234')).toBe('Tier 2');
    expect(acme.brand.get('360001234')).toBe('Acme Cloud');
    expect((await names.names('globex')).group.get('360001234')).toBe('Globex L1');
    expect(await names.hasName('acme', 'group', '360001234')).toBe(true);
    expect(await names.hasName('acme', 'brand', '999')).toBe(false);
    expect(await names.hasName('initech', 'group', '360001234')).toBe(false);
  });

  it('writes more than one batch of names', async () => {
    const { names } = createStores(env.DB, loadConfig(env));
    const many = Array.from({ length: 250 }, (_, i) => ({
      kind: 'group' as const,
      id: `g${i}`,
      name: `Group ${i}`,
    }));
    await names.saveNames('bulk', many, '2026-11-20T10:00:00Z');
    const stored = await names.names('bulk');
    expect(stored.group.size).toBe(250);
    expect(stored.group.get('g249')).toBe('Group 249');
  });
});
