import { hmacSha256Hex, SignatureError, timingSafeEqual } from '@support-metrics/platform';

/**
 * Verifies a Jira webhook: `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with the webhook's secret
 * (Jira Cloud's scheme, as WebSub). Jira signs no timestamp, so replays are caught by the delivery id instead
 * (X-Atlassian-Webhook-Identifier, recorded once). Throws SignatureError.
 *
 * @example await verifyJiraSignature({ secret, header: c.req.header('x-hub-signature'), rawBody });
 */
export async function verifyJiraSignature(o: {
  secret: string;
  header: string | undefined;
  /** The body as sent (bytes; a string for test vectors). */
  rawBody: Uint8Array | string;
}) {
  if (!o.header) throw new SignatureError('missing X-Hub-Signature');
  // Exactly one scheme and one value: nothing before, after or repeated (hex in either case is the same value).
  const strict = /^sha256=([0-9a-fA-F]{64})$/.exec(o.header);
  if (!strict?.[1]) throw new SignatureError('X-Hub-Signature is not sha256=<hex>');
  const signature = strict[1].toLowerCase();
  const expected = await hmacSha256Hex(o.secret, o.rawBody);
  if (!timingSafeEqual(expected, signature)) throw new SignatureError('signature does not match');
  // The verified value, normalised: the replay mark keys on it.
  return signature;
}
