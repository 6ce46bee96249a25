import { env } from 'cloudflare:workers';
import blockActions from '@shared-data/slack/block_actions_payload.json';
import globalShortcut from '@shared-data/slack/global_shortcut_payload.json';
import messageShortcut from '@shared-data/slack/message_shortcut_payload.json';
import slashCommandRaw from '@shared-data/slack/slash_command_form_body_bolt-python.txt?raw';
import viewSubmission from '@shared-data/slack/view_submission_payload.json';
import { mutated } from '@support-metrics/platform/test-support';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, slackHarness } from '../test-support/wiring.js';

// Hostile input on Slack's request URL: correctly signed (so it gets past the signature) random and mutated real
// payloads never make a 500 — they are answered (200) or refused with a reason (400) — and change no swarm.
const h = slackHarness();
const ALLOWED = new Set([200, 400]);

beforeAll(async () => {
  await seedTenant('demo', 'slack-property-token');
});

/** A mutated real payload whose workspace stays known, so that it reaches the listeners. */
const mutatedPayload = (base: Record<string, unknown>) =>
  mutated(base, { keepRoot: true }).map((doc) => ({
    ...(doc as object),
    team: { id: 'T111' },
    team_id: 'T111',
  }));

const swarms = async () =>
  (await env.DB.prepare('SELECT count(*) AS n FROM swarms').first<{ n: number }>())?.n;

describe('property: Slack requests', () => {
  it('mutated interactivity payloads (block actions, shortcuts, view submissions) never make a 500', async () => {
    const before = await swarms();
    const bases = [
      { ...blockActions, actions: [{ ...(blockActions.actions as object[])[0], action_id: 'start_swarm' }] },
      {
        ...blockActions,
        actions: [{ ...(blockActions.actions as object[])[0], action_id: 'share_metrics' }],
      },
      { ...blockActions, actions: [{ ...(blockActions.actions as object[])[0], action_id: 'close_swarm' }] },
      { ...messageShortcut, callback_id: 'start_swarm_from_message' },
      globalShortcut,
      { ...viewSubmission, view: { ...(viewSubmission.view as object), callback_id: 'close_swarm_modal' } },
    ] as Record<string, unknown>[];
    await fc.assert(
      fc.asyncProperty(fc.oneof(...bases.map(mutatedPayload)), async (payload) => {
        h.clock.now += 1_000;
        const res = await h.interaction(payload);
        expect(ALLOWED.has(res.status), `${res.status} ${await res.clone().text()}`).toBe(true);
      }),
      { numRuns: 60 },
    );
    expect(await swarms()).toBe(before);
  });

  it('random command text, random form fields and random JSON get an answer or a 400, never a 500', async () => {
    const form = Object.fromEntries(new URLSearchParams(slashCommandRaw));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }).map((text) => ({
            body: new URLSearchParams({
              ...form,
              team_id: 'T111',
              command: '/support-metrics',
              text,
            }).toString(),
            type: 'application/x-www-form-urlencoded',
          })),
          fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 })).map((fields) => ({
            body: new URLSearchParams({ ...fields, team_id: 'T111' }).toString(),
            type: 'application/x-www-form-urlencoded',
          })),
          fc.jsonValue({ maxDepth: 3 }).map((v) => ({ body: JSON.stringify(v), type: 'application/json' })),
          fc.string({ maxLength: 200 }).map((body) => ({ body, type: 'application/json' })),
        ),
        async ({ body, type }) => {
          h.clock.now += 1_000;
          const res = await h.signed(body, type);
          expect(ALLOWED.has(res.status), `${res.status} ${await res.clone().text()}`).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });
});
