import { verifySlackRequest } from '@slack/bolt';
import { parseWebhookJson, SignatureError } from '@support-metrics/platform';

export interface SlackSignatureInput {
  signingSecret: string;
  /** X-Slack-Signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
  signature: string | undefined;
  /** X-Slack-Request-Timestamp, in seconds. */
  timestamp: string | undefined;
  rawBody: string;
  /** Now, in ms (the clock is the caller's): requests more than 5 minutes away are refused. */
  now: number;
}

/** The one form Slack sends: the scheme `v0`, `=`, and 64 lower-case hex digits; nothing before or after. */
const SIGNATURE = /^v0=[0-9a-f]{64}$/;

/**
 * Verifies a request from Slack on its raw body before anything is parsed (bolt's `verifySlackRequest`:
 * v0 HMAC-SHA256, 5-minute window, constant-time compare). The header is parsed strictly first — exactly one
 * scheme and one value (bolt alone reads up to a second `=` and would accept `v0=<hex>=x`) — and the verified value
 * is returned: the replay mark keys on it. Throws SignatureError, never echoing the secret.
 *
 * @example const verified = verifySlackSignature({ signingSecret, signature, timestamp, rawBody, now: Date.now() });
 */
export function verifySlackSignature(o: SlackSignatureInput): string {
  if (!o.signature || !o.timestamp)
    throw new SignatureError('missing X-Slack-Signature or -Request-Timestamp');
  // A repeated header arrives joined with ", ": not one signature either.
  if (!SIGNATURE.test(o.signature)) throw new SignatureError('signature does not match');
  const ts = Number(o.timestamp);
  if (!/^\d+$/.test(o.timestamp) || !Number.isSafeInteger(ts))
    throw new SignatureError('unreadable X-Slack-Request-Timestamp');
  try {
    verifySlackRequest({
      signingSecret: o.signingSecret,
      body: o.rawBody,
      headers: { 'x-slack-signature': o.signature, 'x-slack-request-timestamp': ts },
      nowMilliseconds: o.now,
      // bolt logs failures at info level with the reason only; keep it quiet here, the 401 says why.
      logger: SILENT,
    });
  } catch (e) {
    const message = String((e as Error).message ?? '');
    throw new SignatureError(/stale|old/i.test(message) ? 'stale timestamp' : 'signature does not match');
  }
  return o.signature;
}

const noop = () => {};
const SILENT = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  setLevel: noop,
  getLevel: () => 'error' as never,
  setName: noop,
};

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
