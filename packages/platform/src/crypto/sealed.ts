const encoder = new TextEncoder();
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

/**
 * The AES-256-GCM key of a secret for one use: HKDF-SHA256 of the secret with `label` as its info, so that one
 * secret gives unrelated keys to unrelated uses. Derived once per isolate (a few secrets, a few labels).
 */
const keys = new Map<string, Promise<CryptoKey>>();
const MAX_KEYS = 64;

function sealingKey(secret: string, label: string): Promise<CryptoKey> {
  const id = `${label}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']).then((base) =>
      crypto.subtle.deriveKey(
        {
          name: 'HKDF',
          hash: 'SHA-256',
          salt: encoder.encode('support-metrics'),
          info: encoder.encode(label),
        },
        base,
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt'],
      ),
    );
    key.catch(() => keys.delete(id));
    keys.set(id, key);
  }
  return key;
}

/**
 * Encrypts a value to keep at rest (a bot token, a tenant's API token): `v1.<iv>.<ciphertext>`, base64, AES-256-GCM
 * under a key derived from `secret` for `label`. `context` is bound to it too (GCM's additional data, not stored):
 * opening needs the same, so a sealed value copied to another tenant or setting does not open there.
 *
 * @example await seal(env.SETTINGS_SECRET, 'tenant-settings/v1', token, 'acme/zendeskApi')
 */
export async function seal(secret: string, label: string, plain: string, context = ''): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, ...(context ? { additionalData: encoder.encode(context) } : {}) },
    await sealingKey(secret, label),
    encoder.encode(plain),
  );
  return `v1.${b64(iv)}.${b64(new Uint8Array(sealed))}`;
}

/** Decrypts what seal made; throws when the secret, label or context differ, or the value was tampered with. */
export async function unseal(secret: string, label: string, sealed: string, context = ''): Promise<string> {
  const [version, iv, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !data) throw new Error('unknown sealed value format');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: unb64(iv), ...(context ? { additionalData: encoder.encode(context) } : {}) },
    await sealingKey(secret, label),
    unb64(data),
  );
  return new TextDecoder().decode(plain);
}
