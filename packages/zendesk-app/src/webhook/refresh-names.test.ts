import { describe, expect, it } from 'vitest';
import { refreshUnknownNames } from './refresh-names.js';

/** A name store and a Zendesk API that count what they are asked. */
function fakes(stored: string[] = []) {
  const calls = { hasName: 0, groups: 0, brands: 0, saved: 0 };
  const names = new Set(stored);
  return {
    calls,
    api: {
      groups: async () => {
        calls.groups++;
        return [{ id: 11, name: 'Tier 2' }];
      },
      brands: async () => {
        calls.brands++;
        return [{ id: 21, name: 'Acme' }];
      },
    },
    names: {
      hasName: async (_t: string, kind: string, id: string) => {
        calls.hasName++;
        return names.has(`${kind}:${id}`);
      },
      saveNames: async (_t: string, list: readonly { kind: string; id: string }[]) => {
        calls.saved++;
        for (const n of list) names.add(`${n.kind}:${n.id}`);
      },
    },
  };
}

describe('refreshUnknownNames', () => {
  it('fetches the list of a kind whose id has no name, once, and then reads nothing for it', async () => {
    const f = fakes();
    const o = {
      api: f.api,
      names: f.names,
      tenantId: 'names-a',
      ids: { group: '11', brand: '21' },
      at: 'now',
    };
    expect(await refreshUnknownNames(o)).toEqual(['group', 'brand']);
    expect(f.calls).toEqual({ hasName: 2, groups: 1, brands: 1, saved: 2 });
    expect(await refreshUnknownNames(o)).toEqual([]);
    expect(f.calls).toEqual({ hasName: 2, groups: 1, brands: 1, saved: 2 });
  });

  it('reads the store once for a stored name, and never fetches it', async () => {
    const f = fakes(['group:12']);
    const o = { api: f.api, names: f.names, tenantId: 'names-b', ids: { group: '12' }, at: 'now' };
    expect(await refreshUnknownNames(o)).toEqual([]);
    expect(await refreshUnknownNames(o)).toEqual([]);
    expect(f.calls).toEqual({ hasName: 1, groups: 0, brands: 0, saved: 0 });
  });

  it('does not fetch again for an id the list lacks (a deleted group), and keeps tenants apart', async () => {
    const f = fakes();
    const gone = { api: f.api, names: f.names, tenantId: 'names-c', ids: { group: '99' }, at: 'now' };
    expect(await refreshUnknownNames(gone)).toEqual(['group']);
    expect(await refreshUnknownNames(gone)).toEqual([]);
    expect(f.calls.groups).toBe(1);
    expect(await refreshUnknownNames({ ...gone, tenantId: 'names-d' })).toEqual(['group']);
    expect(f.calls.groups).toBe(2);
  });

  it('does nothing without ids', async () => {
    const f = fakes();
    expect(
      await refreshUnknownNames({ api: f.api, names: f.names, tenantId: 'names-e', ids: {}, at: 'now' }),
    ).toEqual([]);
    expect(f.calls.hasName).toBe(0);
  });
});
