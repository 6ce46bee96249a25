import { env, exports } from 'cloudflare:workers';

/** The worker under test (its default export), as Cloudflare's `exports` gives it. */
const worker = (exports as unknown as { default: Fetcher }).default;

import { createStores, loadConfig, sha256Hex } from '@support-metrics/platform';
import { storePlugins } from '../src/index.js';

/** The worker's stores over the test's local D1, built as the worker builds them (with the plugins' parts). */
export const testStores = () => createStores(env.DB, loadConfig(env), storePlugins);

export const SECRET = 'test-webhook-secret';
export const BASE = 'https://support-metrics.test';

/** Creates a tenant with an API token (idempotent). */
export async function seedTenant(id: string, token: string, settings: Record<string, unknown> = {}) {
  const stores = testStores();
  await env.DB.prepare(
    'INSERT INTO tenants (id, name, settings, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET settings = excluded.settings',
  )
    .bind(id, id, JSON.stringify(settings), '2026-11-01T00:00:00Z')
    .run();
  await stores.tenants.addTokenHash(id, await sha256Hex(token), 'test', '2026-11-01T00:00:00Z');
  return stores.cases;
}

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
async function hmac(secret: string, message: string | Uint8Array): Promise<Uint8Array> {
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

/** Signs a body as Zendesk does: base64(HMAC-SHA256(secret, timestamp + body)). */
export async function zendeskSignature(
  secret: string,
  timestamp: string,
  body: string | Uint8Array,
): Promise<string> {
  return btoa(String.fromCharCode(...(await hmac(secret, bytesOf(timestamp, body)))));
}

/** POSTs a signed Zendesk webhook through the real worker. */
export async function postWebhook(
  body: unknown,
  opts: {
    path?: string;
    secret?: string;
    timestamp?: string;
    headers?: Record<string, string>;
    raw?: string | Uint8Array;
  } = {},
) {
  const raw = opts.raw ?? JSON.stringify(body);
  const timestamp = opts.timestamp ?? new Date().toISOString();
  const signature = await zendeskSignature(opts.secret ?? SECRET, timestamp, raw);
  return worker.fetch(
    new Request(`${BASE}${opts.path ?? '/zendesk/webhooks'}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-zendesk-webhook-signature': signature,
        'x-zendesk-webhook-signature-timestamp': timestamp,
        ...opts.headers,
      },
      body: raw,
    }),
  );
}

/** GETs an API route through the real worker with a bearer token. */
export function api(path: string, token?: string) {
  return worker.fetch(
    new Request(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
  );
}

/** A Zendesk `ticket.created` event webhook, shaped as Zendesk documents it. */
export function ticketCreated(id: string, over: Record<string, unknown> = {}, eventId = crypto.randomUUID()) {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    type: 'zen:event-type:ticket.created',
    account_id: 12514403,
    id: eventId,
    time: now,
    zendesk_event_version: '2022-11-06',
    subject: `zen:ticket:${id}`,
    detail: {
      id,
      subject: 'Export to CSV fails',
      description: 'Since yesterday the CSV export of the billing dashboard fails with "Error 500".',
      status: 'NEW',
      priority: 'HIGH',
      via: { channel: 'web_form' },
      created_at: now,
      updated_at: now,
      requester_id: '6596848315901',
      organization_id: '0',
      group_id: '20001',
      brand_id: '0',
      tags: [],
      ...over,
    },
    event: {},
  };
}

/** Another ticket event on an existing ticket. */
export function ticketEvent(
  type: string,
  id: string,
  event: Record<string, unknown>,
  detail: Record<string, unknown> = {},
) {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    type: `zen:event-type:${type}`,
    account_id: 12514403,
    id: crypto.randomUUID(),
    time: now,
    zendesk_event_version: '2022-11-06',
    subject: `zen:ticket:${id}`,
    detail: { id, updated_at: now, ...detail },
    event,
  };
}

/**
 * A Zendesk organization event webhook, shaped as Zendesk documents `organization.created` (the envelope of every
 * event; `detail` carries the organisation's id, name and times, ids as strings).
 */
export function organizationEvent(
  type: string,
  id: string,
  event: Record<string, unknown> = {},
  detail: Record<string, unknown> = {},
  eventId: string = crypto.randomUUID(),
) {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    type: `zen:event-type:${type}`,
    account_id: 10973248,
    subject: `zen:organization:${id}`,
    id: eventId,
    time: now,
    zendesk_event_version: '2022-06-20',
    detail: {
      created_at: now,
      id,
      name: 'Acme',
      shared_comments: false,
      shared_tickets: false,
      updated_at: now,
      group_id: null,
      external_id: null,
      ...detail,
    },
    event,
  };
}
