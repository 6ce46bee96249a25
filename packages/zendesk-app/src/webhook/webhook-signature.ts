import { hmacSha256Base64, SignatureError, signedBytes, timingSafeEqual } from '@support-metrics/platform';

export interface VerifyOptions {
  /**
   * The signing secret, or the secrets of each webhook that may deliver here: Zendesk generates one per webhook, and
   * the app's install creates two (events; the closed-record trigger's), so a delivery signed with either is genuine.
   */
  secret: string | readonly string[];
  /** X-Zendesk-Webhook-Signature */
  signature: string | undefined;
  /** X-Zendesk-Webhook-Signature-Timestamp: ISO-8601 in real deliveries. */
  timestamp: string | undefined;
  /** The body as sent (bytes; a string for test vectors). */
  rawBody: Uint8Array | string;
  /** Now, in ms since the epoch (the clock is the caller's). */
  now: number;
  /** Largest accepted distance between the timestamp and now, in seconds; 0 skips the check (test vectors). */
  toleranceSeconds: number;
}

function timestampMs(value: string): number {
  return /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
}

/**
 * Verifies a Zendesk webhook: `X-Zendesk-Webhook-Signature` must be base64(HMAC-SHA256(secret, timestamp + body)),
 * the key being the signing secret string as-is, and the timestamp must be recent. Throws SignatureError.
 *
 * @example await verifyZendeskSignature({ secret, signature, timestamp, rawBody, now: Date.now(), toleranceSeconds: 300 });
 */
export async function verifyZendeskSignature(o: VerifyOptions): Promise<string> {
  if (!o.signature || !o.timestamp)
    throw new SignatureError('missing X-Zendesk-Webhook-Signature or -Timestamp');
  if (o.toleranceSeconds > 0) {
    const at = timestampMs(o.timestamp);
    if (!Number.isFinite(at)) throw new SignatureError('unreadable X-Zendesk-Webhook-Signature-Timestamp');
    if (Math.abs(o.now - at) > o.toleranceSeconds * 1000) throw new SignatureError('stale timestamp');
  }
  // Exactly one value, as Zendesk sends it: base64 of a 32-byte HMAC, nothing before, after or repeated.
  if (!/^[A-Za-z0-9+/]{43}=$/.test(o.signature)) throw new SignatureError('signature does not match');
  const secrets = typeof o.secret === 'string' ? [o.secret] : o.secret;
  const bytes = signedBytes(o.timestamp, o.rawBody);
  // Every secret is tried (no early exit), so the time taken does not tell which one matched.
  let match = false;
  for (const secret of secrets)
    if (timingSafeEqual(await hmacSha256Base64(secret, bytes), o.signature as string)) match = true;
  if (!match) throw new SignatureError('signature does not match');
  return o.signature;
}
