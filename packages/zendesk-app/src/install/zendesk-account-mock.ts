/**
 * A Zendesk account at the msw boundary, for the install path: an uploaded app installed through the Apps API
 * (`POST /api/v2/apps/installations.json`) has its requirements.json applied as Zendesk applies it — ticket fields,
 * webhooks (each with a signing secret Zendesk generates) and triggers, a trigger's `notification_webhook` naming
 * the webhook requirement by its identifier — and then answers the Apps API's installations and requirements (paged
 * with `next_page`), the Webhooks API's signing secret, and the ticket fields and triggers lists, in Zendesk's
 * shapes; 401 without the account's API token, a 429 with Retry-After where a test asks for one. The account then
 * acts as Zendesk does after install: an event is delivered, signed, to each webhook subscribed to its type, and a
 * trigger renders its JSON body's placeholders and delivers it, signed, to the webhook it notifies.
 * What it does not play: the upload (`POST /api/v2/apps/uploads.json` and its job), background installation jobs,
 * trigger conditions (the test says when a trigger fires).
 */
import { HttpResponse, http } from 'msw';

export interface MockTicketField {
  id: number;
  type: string;
  title: string;
  raw_title: string;
  description: string;
  active: boolean;
  custom_field_options: { id: number; name: string; raw_name: string; value: string; default: boolean }[];
  created_at: string;
}
export interface MockWebhook {
  id: string;
  name: string;
  description?: string;
  status: string;
  subscriptions: string[];
  endpoint: string;
  http_method: string;
  request_format: string;
  created_at: string;
  created_by: string;
}
export interface MockTrigger {
  id: number;
  title: string;
  active: boolean;
  conditions: unknown;
  actions: { field: string; value: unknown }[];
}
interface Requirement {
  account_id: number;
  installation_id: number;
  identifier: string;
  requirement_id: string | number;
  requirement_type: string;
  created_at: string;
  updated_at: string;
}

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** Signs as Zendesk: base64(HMAC-SHA256(secret, timestamp + body)), the secret used as it is. */
export async function zendeskSign(secret: string, timestamp: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return base64(
    new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(timestamp + body))),
  );
}

/**
 * A Zendesk account `subdomain` whose API answers only its admin's API token.
 * @example const zd = zendeskAccountMock({ subdomain: 'acme', email: 'admin@acme.com', token: 't' });
 */
export function zendeskAccountMock(o: {
  subdomain: string;
  email: string;
  token: string;
  /** Requirements per page of the List Requirements endpoint (Zendesk: 100). */
  perPage?: number;
  /** Paths answered once with 429 (Retry-After: 1) before their real answer. */
  rateLimitOnce?: string[];
}) {
  const base = `https://${o.subdomain}.zendesk.com/api/v2`;
  const apps = new Map<number, { name: string; requirements: Record<string, Record<string, unknown>> }>();
  const installations: {
    id: number;
    app_id: number;
    product: string;
    settings: Record<string, unknown>;
    enabled: boolean;
    created_at: string;
    updated_at: string;
  }[] = [];
  const requirements: Requirement[] = [];
  const ticketFields: MockTicketField[] = [];
  const webhooks: MockWebhook[] = [];
  const secrets = new Map<string, string>();
  const triggers: MockTrigger[] = [];
  const limited = new Set(o.rateLimitOnce ?? []);
  // The app's secure settings (manifest.json: secure: true), by `<installation>/<name>`.
  const SECURE_SETTINGS = ['worker_url', 'signing_key'];
  const secureSettings = new Map<string, string>();
  let seq = 360000001;
  const perPage = o.perPage ?? 100;

  type Incoming = { headers: Headers; url: string };
  const authorized = (request: Incoming) =>
    request.headers.get('authorization') === `Basic ${btoa(`${o.email}/token:${o.token}`)}`;
  const unauthorized = () => HttpResponse.json({ error: "Couldn't authenticate you" }, { status: 401 });
  const guard = (request: Incoming): Response | null => {
    if (!authorized(request)) return unauthorized();
    const path = new URL(request.url).pathname;
    if (limited.delete(path))
      return HttpResponse.json(
        { error: 'TooManyRequests' },
        { status: 429, headers: { 'retry-after': '1' } },
      );
    return null;
  };

  /** What Zendesk creates from an app's requirements.json when the app is installed. */
  function applyRequirements(installationId: number, reqs: Record<string, Record<string, unknown>>) {
    const record = (identifier: string, type: string, id: string | number) =>
      requirements.push({
        account_id: 12514403,
        installation_id: installationId,
        identifier,
        requirement_id: id,
        requirement_type: type,
        created_at: now(),
        updated_at: now(),
      });
    for (const [identifier, f] of Object.entries(reqs.ticket_fields ?? {})) {
      const field = f as {
        type: string;
        title: string;
        description?: string;
        custom_field_options?: { name: string; value: string }[];
      };
      const id = seq++;
      ticketFields.push({
        id,
        type: field.type,
        title: field.title,
        raw_title: field.title,
        description: field.description ?? '',
        active: true,
        custom_field_options: (field.custom_field_options ?? []).map((c) => ({
          id: seq++,
          name: c.name,
          raw_name: c.name,
          value: c.value,
          default: false,
        })),
        created_at: now(),
      });
      record(identifier, 'ticket_fields', id);
    }
    const byIdentifier = new Map<string, string>();
    for (const [identifier, w] of Object.entries(reqs.webhooks ?? {})) {
      const hook = w as Omit<MockWebhook, 'id' | 'created_at' | 'created_by'>;
      const id = `01H${crypto.randomUUID().replaceAll('-', '').slice(0, 23).toUpperCase()}`;
      webhooks.push({ ...hook, id, created_at: now(), created_by: '-1' });
      secrets.set(id, base64(crypto.getRandomValues(new Uint8Array(32))));
      byIdentifier.set(identifier, id);
      record(identifier, 'webhooks', id);
    }
    for (const [identifier, t] of Object.entries(reqs.triggers ?? {})) {
      const trigger = t as {
        title: string;
        active?: boolean;
        conditions: unknown;
        actions: { field: string; value: unknown }[];
      };
      const actions = trigger.actions.map((a) => {
        if (a.field !== 'notification_webhook' || !Array.isArray(a.value)) return a;
        const [ref, ...rest] = a.value as string[];
        const id = byIdentifier.get(String(ref));
        if (!id) throw new Error(`trigger ${identifier} notifies ${ref}, which is no webhook requirement`);
        return { ...a, value: [id, ...rest] };
      });
      const id = seq++;
      triggers.push({
        id,
        title: trigger.title,
        active: trigger.active ?? true,
        conditions: trigger.conditions,
        actions,
      });
      record(identifier, 'triggers', id);
    }
  }

  const handlers = [
    http.post(`${base}/apps/installations.json`, async ({ request }) => {
      const denied = guard(request);
      if (denied) return denied;
      const body = (await request.json()) as { app_id?: number; settings?: Record<string, unknown> };
      const app = apps.get(Number(body.app_id));
      if (!app)
        return HttpResponse.json({ error: 'RecordNotFound', description: 'Not found' }, { status: 404 });
      const installation = {
        id: installations.length + 1,
        app_id: Number(body.app_id),
        product: 'support',
        settings: {
          name: app.name,
          title: app.name,
          ...Object.fromEntries(
            Object.entries(body.settings ?? {}).filter(([k]) => !SECURE_SETTINGS.includes(k)),
          ),
        },
        enabled: true,
        created_at: now(),
        updated_at: now(),
      };
      for (const [k, v] of Object.entries(body.settings ?? {}))
        if (SECURE_SETTINGS.includes(k)) secureSettings.set(`${installation.id}/${k}`, String(v));
      try {
        applyRequirements(installation.id, app.requirements);
      } catch (e) {
        return HttpResponse.json(
          { error: 'RecordInvalid', description: (e as Error).message },
          { status: 422 },
        );
      }
      installations.push(installation);
      return HttpResponse.json(installation, { status: 201 });
    }),
    http.get(
      `${base}/apps/installations.json`,
      ({ request }) => guard(request) ?? HttpResponse.json({ installations }),
    ),
    // Update App Installation: settings merged; secure ones are kept but, as in Zendesk, never shown in answers.
    http.put(`${base}/apps/installations/:id.json`, async ({ request, params }) => {
      const denied = guard(request);
      if (denied) return denied;
      const installation = installations.find((i) => i.id === Number(params.id));
      if (!installation)
        return HttpResponse.json({ error: 'RecordNotFound', description: 'Not found' }, { status: 404 });
      const body = (await request.json()) as { settings?: Record<string, unknown> };
      for (const [k, v] of Object.entries(body.settings ?? {})) {
        if (SECURE_SETTINGS.includes(k)) secureSettings.set(`${installation.id}/${k}`, String(v));
        else installation.settings[k] = v;
      }
      installation.updated_at = now();
      return HttpResponse.json(installation);
    }),
    http.get(`${base}/apps/installations/:id/requirements.json`, ({ request, params }) => {
      const denied = guard(request);
      if (denied) return denied;
      const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
      const all = requirements.filter((r) => r.installation_id === Number(params.id));
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const url = `${base}/apps/installations/${params.id}/requirements.json`;
      return HttpResponse.json({
        requirements: slice,
        next_page: page * perPage < all.length ? `${url}?page=${page + 1}` : null,
        previous_page: page > 1 ? `${url}?page=${page - 1}` : null,
        count: all.length,
      });
    }),
    http.get(`${base}/webhooks/:id/signing_secret`, ({ request, params }) => {
      const denied = guard(request);
      if (denied) return denied;
      const secret = secrets.get(String(params.id));
      if (!secret)
        return HttpResponse.json(
          { errors: [{ code: 'WebhookNotFound', title: 'Webhook not found', detail: `${params.id}` }] },
          { status: 404 },
        );
      return HttpResponse.json({ signing_secret: { secret, algorithm: 'SHA256' } });
    }),
    http.get(
      `${base}/webhooks`,
      ({ request }) => guard(request) ?? HttpResponse.json({ webhooks, meta: { has_more: false } }),
    ),
    http.get(
      `${base}/ticket_fields.json`,
      ({ request }) => guard(request) ?? HttpResponse.json({ ticket_fields: ticketFields }),
    ),
    http.get(`${base}/triggers.json`, ({ request }) => guard(request) ?? HttpResponse.json({ triggers })),
  ];

  /** A signed delivery from one webhook, as Zendesk sends it. */
  async function delivery(webhookId: string, body: string): Promise<Request> {
    const hook = webhooks.find((w) => w.id === webhookId);
    const secret = secrets.get(webhookId);
    if (!hook || !secret) throw new Error(`no webhook ${webhookId}`);
    const timestamp = now();
    return new Request(hook.endpoint, {
      method: hook.http_method,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-zendesk-webhook-id': hook.id,
        'x-zendesk-webhook-invocation-id': String(seq++),
        'x-zendesk-webhook-signature': await zendeskSign(secret, timestamp, body),
        'x-zendesk-webhook-signature-timestamp': timestamp,
      },
      body,
    });
  }

  return {
    handlers,
    ticketFields,
    webhooks,
    triggers,
    /** An installation's secure setting, as Zendesk's proxy would use it (a test's view; the API never shows it). */
    secureSetting: (installationId: number, name: string) => secureSettings.get(`${installationId}/${name}`),
    /** Stands for the upload (`POST /api/v2/apps/uploads.json`, then `POST /api/v2/apps.json`): the app's id. */
    uploadApp(app: { name: string; requirements: Record<string, Record<string, unknown>> }): number {
      const id = 1000 + apps.size;
      apps.set(id, app);
      return id;
    },
    /** The signed deliveries of an event: one per webhook subscribed to its type. */
    async event(event: { type: string } & Record<string, unknown>): Promise<Request[]> {
      const body = JSON.stringify(event);
      return Promise.all(
        webhooks.filter((w) => w.subscriptions.includes(event.type)).map((w) => delivery(w.id, body)),
      );
    },
    /**
     * The signed delivery of a trigger that fired on a ticket: its notification_webhook action's JSON body with each
     * `{{ticket.…}}` placeholder rendered from `ticket` (JSON-escaped, as Zendesk renders into a JSON body).
     */
    async fire(triggerTitle: string, ticket: Record<string, string>): Promise<Request> {
      const trigger = triggers.find((t) => t.title === triggerTitle);
      const action = trigger?.actions.find((a) => a.field === 'notification_webhook');
      if (!trigger || !action) throw new Error(`no trigger ${triggerTitle} notifying a webhook`);
      const [webhookId, template] = action.value as [string, string];
      const body = template.replace(/\{\{ticket\.([a-z_.]+)\}\}/g, (_, p: string) =>
        JSON.stringify(ticket[p] ?? '').slice(1, -1),
      );
      return delivery(webhookId, body);
    },
  };
}
export type ZendeskAccountMock = ReturnType<typeof zendeskAccountMock>;
