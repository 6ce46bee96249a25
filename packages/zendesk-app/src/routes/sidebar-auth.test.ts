import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signHs256 } from '../preview/stand-in-client.js';
import { SidebarTokenError, verifySidebarToken } from './sidebar-auth.js';

const KEY = 'acme-sidebar-key';
const NOW = Date.parse('2026-12-02T10:00:00Z');
const at = (s: number) => Math.floor(NOW / 1000) + s;

/** A token as ZAF's proxy signs the sidebar's `jwt` option: HS256, iat now, exp in 5 minutes. */
const token = (
  o: { key?: string; iss?: string; iat?: number; exp?: number; claims?: Record<string, unknown> } = {},
) =>
  new SignJWT({ sub: '9001', email: 'alex@acme.example', name: 'Alex', role: 'agent', ...o.claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(o.iss ?? 'acme')
    .setIssuedAt(o.iat ?? at(0))
    .setExpirationTime(o.exp ?? at(300))
    .sign(new TextEncoder().encode(o.key ?? KEY));
const verify = (t: string, now = NOW) => verifySidebarToken(t, { key: KEY, issuer: 'acme', now });

describe('sidebar tokens (ZAF jwt option, HS256, the tenant’s key, issuer = its Zendesk subdomain)', () => {
  it('a token signed with the tenant’s key names the agent', async () => {
    await expect(verify(await token())).resolves.toEqual({
      id: '9001',
      email: 'alex@acme.example',
      name: 'Alex',
      role: 'agent',
    });
  });

  it('the stand-in proxy signs what the worker verifies (the browser harness and the e2e test use it)', async () => {
    const t = await signHs256(KEY, { iss: 'acme', sub: 9001, email: null, iat: at(0), exp: at(300) });
    await expect(verify(t)).resolves.toMatchObject({ id: '9001', email: null });
  });

  const refused: [string, () => Promise<string>, number?][] = [
    ['forged: signed with another key', () => token({ key: 'a guess' })],
    ['another tenant’s: its own key, this tenant’s issuer', () => token({ key: 'beta-sidebar-key' })],
    ['another issuer', () => token({ iss: 'beta' })],
    ['expired', () => token({ iat: at(-400), exp: at(-100) })],
    ['replayed after it expired (valid at first)', () => token(), NOW + 306_000],
    ['living longer than 10 minutes', () => token({ exp: at(3600) })],
    ['without an agent (no sub)', () => token({ claims: { sub: undefined } })],
    [
      'unsigned (alg none)',
      async () =>
        new UnsecuredJWT({ sub: '9001' })
          .setIssuer('acme')
          .setIssuedAt(at(0))
          .setExpirationTime(at(300))
          .encode(),
    ],
    ['not a JWT', async () => 'sm_api-token-of-the-tenant'],
  ];
  it.each(refused)('refuses a token %s', async (_what, make, now) => {
    await expect(verify(await make(), now)).rejects.toThrow(SidebarTokenError);
  });

  it('the replayed token was good until it expired', async () => {
    const t = await token();
    await expect(verify(t, NOW + 299_000)).resolves.toMatchObject({ id: '9001' });
    await expect(verify(t, NOW + 306_000)).rejects.toThrow('expired');
  });
});
