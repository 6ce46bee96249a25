import { BASE, bytesOf, hmac } from '@support-metrics/platform/test-support';

/** The Zendesk webhook secret the workers-pool configs bind (ZENDESK_WEBHOOK_SECRET). */
export const SECRET = 'test-webhook-secret';

/** Signs a body as Zendesk does: base64(HMAC-SHA256(secret, timestamp + body)). */
export async function zendeskSignature(
  secret: string,
  timestamp: string,
  body: string | Uint8Array,
): Promise<string> {
  return btoa(String.fromCharCode(...(await hmac(secret, bytesOf(timestamp, body)))));
}

/**
 * Signed Zendesk webhooks and bearer-token API reads, sent to `send`: the real worker (its tests) or a hono app of the
 * platform and the Zendesk app's routes (the plugin's own tests).
 *
 * @example const { postWebhook, api } = zendeskRequests((request) => worker.fetch(request))
 */
export function zendeskRequests(send: (request: Request) => Promise<Response>) {
  /** POSTs a signed Zendesk webhook. */
  async function postWebhook(
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
    return send(
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

  /** GETs an API route with a bearer token. */
  function api(path: string, token?: string) {
    return send(
      new Request(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    );
  }

  return { postWebhook, api };
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
