const encoder = new TextEncoder();
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

/** The AES-GCM key that protects stored bot tokens: HKDF-SHA256 of SLACK_STATE_SECRET, its own label. */
async function tokenKey(secret: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode('support-metrics'),
      info: encoder.encode('slack-bot-token/v1'),
    },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Encrypts a bot token for the slack_installations table: `v1.<iv>.<ciphertext>` (base64), AES-256-GCM.
 *
 * @example const stored = await encryptToken(env.SLACK_STATE_SECRET, 'xoxb-…');
 */
export async function encryptToken(secret: string, token: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await tokenKey(secret),
    encoder.encode(token),
  );
  return `v1.${b64(iv)}.${b64(new Uint8Array(sealed))}`;
}

/** Decrypts what encryptToken stored; throws when the secret changed or the value was tampered with. */
export async function decryptToken(secret: string, stored: string): Promise<string> {
  const [version, iv, sealed] = stored.split('.');
  if (version !== 'v1' || !iv || !sealed) throw new Error('unknown stored token format');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: unb64(iv) },
    await tokenKey(secret),
    unb64(sealed),
  );
  return new TextDecoder().decode(plain);
}
