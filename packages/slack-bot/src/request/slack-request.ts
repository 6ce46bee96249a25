import {
  hmacSha256Hex,
  parseWebhookJson,
  SignatureError,
  signedBytes,
  timingSafeEqual,
} from '@support-metrics/platform';

export interface SlackSignatureInput {
  signingSecret: string;
  /** X-Slack-Signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
  signature: string | undefined;
  /** X-Slack-Request-Timestamp, in seconds. */
  timestamp: string | undefined;
  /** The body as sent (bytes; a string for test vectors). */
  rawBody: Uint8Array | string;
  /** Now, in ms (the clock is the caller's): requests more than 5 minutes away are refused. */
  now: number;
}

/** The one form Slack sends: the scheme `v0`, `=`, and 64 lower-case hex digits; nothing before or after. */
const SIGNATURE = /^v0=([0-9a-f]{64})$/;
/** Slack's window: a request signed more than five minutes from now is refused (as bolt's verifySlackRequest). */
const WINDOW_SECONDS = 300;

/**
 * Verifies a request from Slack on its raw bytes before anything is parsed: Slack's v0 scheme (HMAC-SHA256 of
 * `v0:{timestamp}:{body}`, 5-minute window, constant-time compare). Written here rather than bolt's
 * `verifySlackRequest`, which takes the body as a string (so bytes that are not UTF-8 would be verified as
 * something else) and reads the header only up to a second `=` (it would accept `v0=<hex>=x`). The header is parsed
 * strictly — exactly one scheme and one value — and the verified value is returned: the replay mark keys on it.
 * Throws SignatureError, never echoing the secret.
 *
 * @example const verified = await verifySlackSignature({ signingSecret, signature, timestamp, rawBody, now: Date.now() });
 */
export async function verifySlackSignature(o: SlackSignatureInput): Promise<string> {
  if (!o.signature || !o.timestamp)
    throw new SignatureError('missing X-Slack-Signature or -Request-Timestamp');
  // A repeated header arrives joined with ", ": not one signature either.
  const strict = SIGNATURE.exec(o.signature);
  if (!strict?.[1]) throw new SignatureError('signature does not match');
  const ts = Number(o.timestamp);
  if (!/^\d+$/.test(o.timestamp) || !Number.isSafeInteger(ts))
    throw new SignatureError('unreadable X-Slack-Request-Timestamp');
  if (Math.abs(o.now / 1000 - ts) > WINDOW_SECONDS) throw new SignatureError('stale timestamp');
  const expected = await hmacSha256Hex(o.signingSecret, signedBytes(`v0:${o.timestamp}:`, o.rawBody));
  if (!timingSafeEqual(expected, strict[1])) throw new SignatureError('signature does not match');
  return o.signature;
}

/** A Slack request body: form fields (slash commands), `payload` JSON (interactivity), or JSON (Events API). */
export type SlackBody = Record<string, unknown>;

/** Parses a verified body by its content type; throws SyntaxError for JSON that does not parse. */
export function parseSlackBody(rawBody: string, contentType: string | undefined): SlackBody {
  if ((contentType ?? '').includes('application/json')) return parseWebhookJson(rawBody) as SlackBody;
  const form = Object.fromEntries(new URLSearchParams(rawBody));
  if (typeof form.payload === 'string') return parseWebhookJson(form.payload) as SlackBody;
  return form;
}

/** The workspace (and enterprise) a request comes from, wherever its kind of body keeps them. */
export function teamOf(body: SlackBody): { teamId: string | null; enterpriseId: string | null } {
  const team = body.team as { id?: string; enterprise_id?: string } | null | undefined;
  const user = body.user as { team_id?: string } | undefined;
  const teamId =
    (typeof body.team_id === 'string' && body.team_id) ||
    team?.id ||
    user?.team_id ||
    (body.view as { team_id?: string } | undefined)?.team_id ||
    null;
  const enterpriseId =
    (typeof body.enterprise_id === 'string' && body.enterprise_id) ||
    team?.enterprise_id ||
    (body.enterprise as { id?: string } | undefined)?.id ||
    null;
  return { teamId, enterpriseId };
}
