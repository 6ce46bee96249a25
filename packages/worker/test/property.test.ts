import { env } from 'cloudflare:workers';
import membershipRaw from '@shared-data/zendesk_webhooks/zendeskgo_group_membership_created.json?raw';
import triggerRaw from '@shared-data/zendesk_webhooks/zendeskgo_trigger_ticket_update.json?raw';
import { mutated } from '@support-metrics/platform/test-support';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, postWebhook, seedTenant, ticketCreated, ticketEvent } from './helpers.js';

// Hostile input through the real worker and D1: random and mutated real payloads, correctly signed (so they get
// past the signature), never make a 500, always get an answer with a reason, and a refused one writes nothing.
const TOKEN = 'property-token';
const snapshot = async () => {
  const row = await env.DB.prepare(
    'SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM processed_events) AS events, (SELECT coalesce(sum(created), 0) FROM daily_rollups) AS created',
  ).first<{ cases: number; events: number; created: number }>();
  return row;
};

beforeAll(async () => {
  await seedTenant('demo', TOKEN);
});

const ALLOWED = new Set([200, 202, 400, 404, 413]);

describe('property: Zendesk webhooks', () => {
  const bases = [
    ticketCreated('9100'),
    ticketEvent('ticket.status_changed', '9100', { current: 'SOLVED' }, { status: 'SOLVED' }),
    ticketEvent('ticket.comment_added', '9100', { comment: { is_public: true, author: { is_staff: true } } }),
    JSON.parse(membershipRaw),
    JSON.parse(triggerRaw),
    {
      ticket: { id: '9101', subject: 'Export', description: 'It fails', created_at: '2026-11-20T10:00:00Z' },
    },
  ];

  it('mutated real payloads: a 2xx, or a 4xx with a reason that writes nothing — never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bases).chain(mutated), async (body) => {
        const before = await snapshot();
        const res = await postWebhook(body, {
          headers: { 'x-zendesk-webhook-invocation-id': crypto.randomUUID() },
        });
        expect(
          ALLOWED.has(res.status),
          `status ${res.status} for ${JSON.stringify(body).slice(0, 300)}`,
        ).toBe(true);
        const answer = (await res.json()) as { status?: string; error?: string; message?: string };
        if (res.status >= 400) {
          expect(answer.error).toBeTruthy();
          expect(answer.message).toBeTruthy();
          expect(await snapshot()).toEqual(before);
        }
      }),
      { numRuns: 120 },
    );
  }, 60_000);

  it('random bodies: refused with a reason, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 500 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (raw) => {
          const before = await snapshot();
          const res = await postWebhook(null, { raw });
          expect(ALLOWED.has(res.status)).toBe(true);
          if (res.status >= 400) expect(await snapshot()).toEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('property: the API', () => {
  it('any query of /api/metrics gets a 200 or a 400 with the issue paths', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('2026-02-30', '2026-10-01', '9999-99-99', 'channel', 'group'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('from', 'to', 'channel', 'group', 'brand', 'groupBy', 'x'), value),
        async (q) => {
          const res = await api(`/api/metrics?${new URLSearchParams(q)}`, TOKEN);
          expect([200, 400]).toContain(res.status);
          if (res.status === 400)
            expect(((await res.json()) as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
          else await res.arrayBuffer();
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
