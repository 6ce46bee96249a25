import { hmacSha256Hex, timingSafeEqual } from '@support-metrics/platform';

/** How long an install link stays valid. */
export const INSTALL_STATE_TTL_MS = 10 * 60_000;

export interface InstallState {
  tenantId: string;
  /** Random, so that a state is used once (the OAuth redirect records it). */
  nonce: string;
  expiresAt: number;
}

const b64url = (text: string) => btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const unb64url = (text: string) => atob(text.replaceAll('-', '+').replaceAll('_', '/'));

/**
 * The OAuth `state` of an install for a tenant: its payload signed with SLACK_STATE_SECRET, so that the redirect
 * can only install into the tenant whose token asked for the link.
 *
 * @example const state = await signInstallState(secret, { tenantId: 'acme', nonce, expiresAt: Date.now() + 600_000 });
 */
export async function signInstallState(secret: string, state: InstallState): Promise<string> {
  const payload = b64url(JSON.stringify({ t: state.tenantId, n: state.nonce, e: state.expiresAt }));
  return `${payload}.${await hmacSha256Hex(secret, `install-state:${payload}`)}`;
}

/** The state's content when its signature holds and it has not expired; null otherwise. */
export async function readInstallState(
  secret: string,
  value: string,
  now: number,
): Promise<InstallState | null> {
  const [payload, mac] = value.split('.');
  if (!payload || !mac) return null;
  if (!timingSafeEqual(await hmacSha256Hex(secret, `install-state:${payload}`), mac)) return null;
  try {
    const { t, n, e } = JSON.parse(unb64url(payload)) as { t?: unknown; n?: unknown; e?: unknown };
    if (typeof t !== 'string' || typeof n !== 'string' || typeof e !== 'number' || e < now) return null;
    return { tenantId: t, nonce: n, expiresAt: e };
  } catch {
    return null;
  }
}
