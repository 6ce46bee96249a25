import { describe, expect, it } from 'vitest';
import { readInstallState, signInstallState } from './install-state.js';
import { decryptToken, encryptToken } from './token-crypto.js';

describe('stored bot tokens', () => {
  it('are encrypted (AES-GCM, fresh IV) and read back only with the same secret', async () => {
    const a = await encryptToken('state-secret', 'xoxb-123-secret');
    const b = await encryptToken('state-secret', 'xoxb-123-secret');
    expect(a).not.toContain('xoxb');
    expect(a).not.toBe(b);
    expect(await decryptToken('state-secret', a)).toBe('xoxb-123-secret');
    await expect(decryptToken('other-secret', a)).rejects.toThrow();
    const tampered = `${a.slice(0, -4)}AAAA`;
    await expect(decryptToken('state-secret', tampered)).rejects.toThrow();
  });

  it('still open when stored by the release before platform/seal (same key derivation)', async () => {
    const storedBefore = 'v1.nD/pzh+fst5uz6D8.qynnQy4RR2qYcKvJIrD0g/msXISIkf1w+N4RBC8Jb7uaNg==';
    expect(await decryptToken('state-secret', storedBefore)).toBe('xoxb-stored-before');
  });
});

describe('install state', () => {
  it('is signed for one tenant and expires', async () => {
    const state = await signInstallState('s', { tenantId: 'acme', nonce: 'n1', expiresAt: 2_000 });
    expect(await readInstallState('s', state, 1_000)).toEqual({
      tenantId: 'acme',
      nonce: 'n1',
      expiresAt: 2_000,
    });
    expect(await readInstallState('s', state, 3_000)).toBeNull();
    expect(await readInstallState('other', state, 1_000)).toBeNull();
    const [payload, mac] = state.split('.');
    const forged = `${btoa(JSON.stringify({ t: 'victim', n: 'n1', e: 2_000 })).replace(/=+$/, '')}.${mac}`;
    expect(await readInstallState('s', forged, 1_000)).toBeNull();
    expect(payload).toBeTruthy();
    expect(await readInstallState('s', 'garbage', 1_000)).toBeNull();
  });
});
