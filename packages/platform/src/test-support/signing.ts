/** Text and bytes as the bytes a sender sends (text as UTF-8), one after the other. */
export function bytesOf(...parts: (string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A JSON body with bytes that are not UTF-8 inside a string (0xFF never occurs in UTF-8). */
export const NOT_UTF8 = bytesOf(
  '{"type":"zen:event-type:ticket.created","id":"',
  new Uint8Array([0xff, 0xfe]),
  '"}',
);

/** HMAC-SHA256 of a message with a secret, as bytes (Web Crypto: what a sender signs with). */
export async function hmac(secret: string, message: string | Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, bytesOf(message)));
}

/** HMAC-SHA256 as lower-case hex (Slack's v0=, Jira's sha256=). */
export async function hmacHex(secret: string, message: string | Uint8Array): Promise<string> {
  return [...(await hmac(secret, message))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
