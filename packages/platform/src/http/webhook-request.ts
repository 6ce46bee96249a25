import type { Context } from 'hono';
import type { WorkerConfig } from '../config/env-schema.js';
import type { AppEnv } from './app-env.js';
import { apiError, NotConfiguredError } from './errors.js';

/**
 * The raw bytes of a webhook, refused with 413 above MAX_BODY_BYTES (by its declared length first, then its real
 * size) before anything reads it further. Signatures are computed over exactly these bytes (signedBytes); the text is
 * read from them only after the signature holds (webhookText).
 */
export async function readWebhookBody<E extends AppEnv>(c: Context<E>): Promise<Uint8Array> {
  const max = c.var.config.MAX_BODY_BYTES;
  if (Number(c.req.header('content-length') ?? 0) > max)
    throw apiError(413, 'payload_too_large', `body over ${max} bytes`);
  const raw = new Uint8Array(await c.req.arrayBuffer());
  if (raw.length > max) throw apiError(413, 'payload_too_large', `body over ${max} bytes`);
  return raw;
}

const encoder = new TextEncoder();

/** The bytes a sender signed: a prefix (Slack's `v0:<ts>:`, Zendesk's timestamp) and the body, as sent. */
export function signedBytes(prefix: string, body: Uint8Array | string): Uint8Array {
  const rest = typeof body === 'string' ? encoder.encode(body) : body;
  if (!prefix) return rest;
  const head = encoder.encode(prefix);
  const out = new Uint8Array(head.length + rest.length);
  out.set(head);
  out.set(rest, head.length);
  return out;
}

/**
 * A verified body as text: bytes that are not UTF-8 are the sender's error (400 invalid_encoding), never replaced
 * silently — a replaced byte would be stored as something the sender never sent.
 */
export function webhookText(body: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw apiError(400, 'invalid_encoding', 'the body is not valid UTF-8');
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);

/** A string as valid Unicode: each lone surrogate (a JSON `\ud800` escape) becomes U+FFFD, as a UTF-8 store needs. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * A verified webhook body parsed as JSON with every string (and key) well-formed (wellFormed), so that no lone
 * surrogate reaches the store. Throws SyntaxError for text that is not JSON.
 */
export function parseWebhookJson(raw: string): unknown {
  return JSON.parse(raw, (_key, value: unknown) => {
    if (typeof value === 'string') return wellFormed(value);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const keys = Object.keys(value);
    if (!keys.some((k) => HAS_LONE_SURROGATE.test(k))) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), v]));
  });
}

/**
 * The secret a tenant's webhooks of one source are verified with: the tenant's own setting, else — for the default
 * tenant only — the global secret. Another tenant without its own is off (NotConfiguredError naming what to set),
 * so that whoever holds the global secret cannot write into every tenant.
 *
 * @example webhookSecret(config, 'acme', settings, { setting: 'jiraWebhookSecret', global: 'JIRA_WEBHOOK_SECRET' })
 */
export function webhookSecret(
  config: WorkerConfig,
  tenantId: string,
  settings: Record<string, unknown>,
  names: { setting: string; global: keyof WorkerConfig },
): string {
  const own = settings[names.setting];
  if (typeof own === 'string' && own) return own;
  const global = tenantId === config.DEFAULT_TENANT ? config[names.global] : undefined;
  if (typeof global === 'string' && global) return global;
  throw tenantId === config.DEFAULT_TENANT
    ? new NotConfiguredError([names.global])
    : new NotConfiguredError([
        `the tenant setting ${names.setting} (tenant.ts set ${tenantId} ${names.setting}=…)`,
      ]);
}

/**
 * A tenant's account at an outside API (Zendesk, Jira): its own, from a setting that `schema` accepts, else — for the
 * default tenant only — the worker's secrets (`fromSecrets`); null when it has none. The same rule as webhookSecret:
 * the worker's secrets are one account, the default tenant's, so that no tenant reads from or writes to another's.
 * A setting that does not match the schema counts as none.
 *
 * @example tenantAccount(ZendeskCredentialsSchema, settings.zendeskApi, config, 'acme', () => null)
 */
export function tenantAccount<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  setting: unknown,
  config: WorkerConfig,
  tenantId: string,
  fromSecrets: () => T | null,
): T | null {
  const own = schema.safeParse(setting);
  if (own.success) return own.data;
  return tenantId === config.DEFAULT_TENANT ? fromSecrets() : null;
}

/**
 * A verified webhook body as JSON: strict UTF-8 (400 `invalid_encoding`, webhookText), then JSON with every string
 * well-formed (parseWebhookJson; 400 `malformed_json` for text that is not JSON). Every JSON webhook route reads its
 * body through this, after its signature holds.
 *
 * @example const body = verifiedJson(rawBody)
 */
export function verifiedJson(rawBody: Uint8Array): unknown {
  const text = webhookText(rawBody);
  try {
    return parseWebhookJson(text);
  } catch {
    throw apiError(400, 'malformed_json', 'the body is not JSON');
  }
}

/**
 * The preamble of every tenant webhook route: the tenant, the secret its deliveries are signed with (webhookSecret),
 * and the raw body within its size limit (readWebhookBody) — before any parsing. An unknown tenant answers exactly as a
 * known one without a secret (503 not_configured): the route tells no one which tenants exist.
 */
export async function tenantWebhook<E extends AppEnv>(
  c: Context<E>,
  tenantId: string,
  names: { setting: string; global: keyof WorkerConfig },
): Promise<{ settings: Record<string, unknown>; secret: string; rawBody: Uint8Array }> {
  const settings = (await c.var.stores.tenants.tenantSettings(tenantId)) ?? {};
  const secret = webhookSecret(c.var.config, tenantId, settings, names);
  return { settings, secret, rawBody: await readWebhookBody(c) };
}
