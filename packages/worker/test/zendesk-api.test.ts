import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import ticketsList from '@shared-data/zendesk_api/zenpy_GET_tickets_list.json';
import metricExample from '@shared-data/zendesk_docs_examples/ticket_metric_object_example.json';
import {
  type AppEnv,
  type Bindings,
  loadConfig,
  notFound,
  onError,
  platform,
} from '@support-metrics/platform';
import { createZendeskApi, INCOMPLETE_TAG, zendeskRoutes } from '@support-metrics/zendesk-app';
import { Hono } from 'hono';
import { getResponse, HttpResponse, http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, seedTenant, ticketCreated, ticketEvent, zendeskSignature } from './helpers.js';

// Zendesk cannot be reached from here: msw answers at the boundary, with real recorded payloads.
const realTicket = (ticketsList as { tickets: Record<string, unknown>[] }).tickets[0] as Record<
  string,
  unknown
>;
const updates: { id: string; body: unknown }[] = [];
let rateLimitedOnce = false;
const handlers = [
  http.get('https://acme.zendesk.com/api/v2/tickets/:id.json', ({ params }) => {
    if (params.id === '404404') return HttpResponse.json({ error: 'RecordNotFound' }, { status: 404 });
    if (!rateLimitedOnce) {
      rateLimitedOnce = true;
      return new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } });
    }
    return HttpResponse.json({ ticket: { ...realTicket, id: Number(params.id), status: 'open' } });
  }),
  http.get('https://acme.zendesk.com/api/v2/tickets/:id/metrics.json', ({ params }) =>
    HttpResponse.json({ ticket_metric: { ...metricExample, ticket_id: Number(params.id) } }),
  ),
  http.put('https://acme.zendesk.com/api/v2/tickets/:id.json', async ({ params, request }) => {
    updates.push({ id: String(params.id), body: await request.json() });
    return HttpResponse.json({ ticket: { id: Number(params.id) } });
  }),
];
const mockedFetch = async (url: string, init?: RequestInit) =>
  (await getResponse(handlers, new Request(url, init))) ?? new Response('no handler', { status: 599 });

function app() {
  const a = new Hono<AppEnv>();
  a.use('*', platform());
  a.route(
    '/',
    zendeskRoutes({
      zendeskApi: () =>
        createZendeskApi({
          subdomain: 'acme',
          email: 'bot@acme.com',
          token: 'zd-token',
          fetch: mockedFetch,
          sleep: async () => {},
        }),
    }),
  );
  a.onError(onError);
  a.notFound(notFound);
  return a;
}

async function post(body: unknown, bindings: Partial<Bindings> = {}, path = '/zendesk/webhooks') {
  const raw = JSON.stringify(body);
  const ts = new Date().toISOString();
  const ctx = createExecutionContext();
  const res = await app().request(
    `${BASE}${path}`,
    {
      method: 'POST',
      headers: {
        'x-zendesk-webhook-signature': await zendeskSignature('test-webhook-secret', ts, raw),
        'x-zendesk-webhook-signature-timestamp': ts,
      },
      body: raw,
    },
    { ...env, ...bindings },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

beforeAll(async () => {
  await seedTenant('demo', 'demo-token');
  await seedTenant('writer', 'writer-token', {
    zendeskWriteBack: true,
    zendeskWebhookSecret: 'test-webhook-secret',
  });
});

describe('with the Zendesk API configured', () => {
  it('fetches a ticket it has never seen (waiting out a 429) and stores it with its metrics', async () => {
    const res = await post(
      ticketEvent('ticket.priority_changed', '4242', { current: 'HIGH' }, { priority: 'HIGH' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'created', caseId: '4242' });
    const stored = await env.DB.prepare(
      "SELECT data FROM cases WHERE tenant_id = 'demo' AND id = '4242'",
    ).first<{ data: string }>();
    expect(JSON.parse(stored?.data ?? '{}')).toMatchObject({
      priority: 'high',
      publicAgentReplies: 322,
      reopens: 55,
      groupStations: 7,
    });
    expect(rateLimitedOnce).toBe(true);
  });

  it('answers 404 when Zendesk has no such ticket', async () => {
    const res = await post(
      ticketEvent('ticket.priority_changed', '404404', { current: 'LOW' }, { priority: 'LOW' }),
    );
    expect(res.status).toBe(404);
  });

  it('writes back a tag and an internal note for an incomplete new ticket, when the tenant asks for it', async () => {
    const res = await post(ticketCreated('5151'), {}, '/t/writer/zendesk/webhooks');
    expect(await res.json()).toMatchObject({ status: 'created' });
    const update = updates.find((u) => u.id === '5151');
    expect(update?.body).toMatchObject({
      ticket: {
        additional_tags: [INCOMPLETE_TAG],
        comment: { public: false, body: expect.stringContaining('Suggested request to the customer') },
      },
    });
    // The default tenant did not ask: nothing is written for it.
    await post(ticketCreated('5152'));
    expect(updates.find((u) => u.id === '5152')).toBeUndefined();
  });
});

describe('without secrets', () => {
  it('turns the webhook route off with 503 not_configured, naming what to set', async () => {
    const res = await post(ticketCreated('9999'), { ZENDESK_WEBHOOK_SECRET: '' });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: 'not_configured',
      message: 'set ZENDESK_WEBHOOK_SECRET to enable',
    });
    expect(loadConfig({ ...env, ZENDESK_WEBHOOK_SECRET: '' }).ZENDESK_WEBHOOK_SECRET).toBeUndefined();
  });
});
