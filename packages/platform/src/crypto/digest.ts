const encoder = new TextEncoder();

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of a string, as lower-case hex (how API tokens are stored). */
export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/**
 * The signing keys of the isolate's secrets, imported once (non-extractable): every signed webhook checks one. The
 * secrets are the worker's and its tenants' own, never a sender's, so the few kept here are bounded by those.
 */
const hmacKeys = new Map<string, Promise<CryptoKey>>();
const MAX_KEYS = 256;

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    if (hmacKeys.size >= MAX_KEYS) hmacKeys.clear();
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    // A failed import is not kept: the next call tries again.
    key.catch(() => hmacKeys.delete(secret));
    hmacKeys.set(secret, key);
  }
  return key;
}

/** HMAC-SHA256 of `message` with the UTF-8 bytes of `secret` as the key. */
export async function hmacSha256(secret: string, message: string | Uint8Array): Promise<ArrayBuffer> {
  const key = await hmacKey(secret);
  const data = typeof message === 'string' ? encoder.encode(message) : message;
  return crypto.subtle.sign('HMAC', key, data as Uint8Array<ArrayBuffer>);
}

/** HMAC-SHA256 as base64 (Zendesk) or hex (Slack, Jira). */
export async function hmacSha256Base64(secret: string, message: string | Uint8Array): Promise<string> {
  return btoa(String.fromCharCode(...new Uint8Array(await hmacSha256(secret, message))));
}
export async function hmacSha256Hex(secret: string, message: string | Uint8Array): Promise<string> {
  return hex(await hmacSha256(secret, message));
}

/** Compares two strings in time that does not depend on where they differ. */
export function timingSafeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
