import { env } from 'cloudflare:workers';
import blockActions from '@shared-data/slack/block_actions_payload.json';
import messageShortcut from '@shared-data/slack/message_shortcut_payload.json';
import vectorBody from '@shared-data/slack/slash_command_body_signing_vector.txt?raw';
import viewSubmission from '@shared-data/slack/view_submission_payload.json';
import { type CaseInput, CaseSchema } from '@support-metrics/core';
import { NOT_UTF8 } from '@support-metrics/platform/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockProblems } from '../blocks/mrkdwn.js';
import { runSlackJobs } from '../jobs/slack-jobs.js';
import { commandBody, SLACK_SECRET, slackSignature } from '../test-support/slack-harness.js';
import { seedTenant, slackHarness, slackPlugins, testStores } from '../test-support/wiring.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-23T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const agents = {
  ana: { id: 'a1', name: 'Ana Alves', email: 'ana@acme.test' },
  bob: { id: 'b1', name: 'Bob Berg', email: 'bob@acme.test' },
  carl: { id: 'c1', name: 'Carl Cruz', email: 'carl@acme.test' },
  dana: { id: 'd1', name: 'Dana Diaz', email: 'dana@acme.test' },
};
const slackUsers = [
  { id: 'UANA', email: 'ana@acme.test', name: 'Ana Alves', tz: 'Europe/Lisbon' },
  { id: 'UBOB', email: 'bob@acme.test', name: 'Bob Berg' },
  { id: 'W111', email: 'lead@acme.test', name: 'Lead', tz: 'Europe/Berlin' },
];

const h = slackHarness(slackUsers);
h.clock.now = NOW;

async function save(tenant: string, input: CaseInput) {
  const store = testStores().cases;
  await store.saveCase(tenant, CaseSchema.parse({ tenantId: tenant, helpdesk: 'zendesk', ...input }), {
    source: 'test',
    at: iso(NOW),
  });
}

/** Solved bug cases on the Exporter: Ana recently (6), Bob long ago (3), Carl (4) but with 9 open cases. */
async function seedCases(tenant: string) {
  let n = 0;
  const solved = (who: typeof agents.ana, daysAgo: number, hours: number, over: Partial<CaseInput> = {}) =>
    save(tenant, {
      id: `${tenant}-s${++n}`,
      subject: 'Export to CSV fails with an error',
      description:
        'Exporter 4.2 on Windows shows error E42 when exporting. Steps: open report, click export.',
      createdAt: iso(NOW - daysAgo * DAY - hours * HOUR),
      solvedAt: iso(NOW - daysAgo * DAY),
      status: 'solved',
      priority: 'high',
      issueType: 'bug',
      customFields: { product: 'Exporter' },
      tags: ['export', 'csv'],
      assignee: who,
      publicAgentReplies: 1,
      reopens: 0,
      groupStations: 1,
      collaborators: [],
      channel: 'email',
      group: 'Tier2',
      ...over,
    });
  for (let i = 0; i < 6; i++) await solved(agents.ana, 1 + i, 8 + i);
  for (let i = 0; i < 3; i++) await solved(agents.bob, 80 + i, 10);
  for (let i = 0; i < 4; i++) await solved(agents.carl, 2 + i, 9);
  for (let i = 0; i < 9; i++)
    await save(tenant, {
      id: `${tenant}-carl-open-${i}`,
      subject: 'Question',
      createdAt: iso(NOW - 2 * HOUR),
      status: 'open',
      assignee: agents.carl,
    });
  // The aging case: open 5 days, where high-priority bugs are solved within ~13 h (75th percentile).
  await save(tenant, {
    id: tenant === 'demo' ? '1001' : `${tenant}-1001`,
    subject: 'Export <!channel> & <b>broken</b> after upgrade',
    description: 'Since the upgrade the export button does nothing.',
    createdAt: iso(NOW - 5 * DAY),
    status: 'open',
    priority: 'high',
    issueType: 'bug',
    customFields: { product: 'Exporter' },
    tags: ['export'],
    assignee: agents.dana,
    organization: { id: 'org1', name: 'Globex', recurringRevenue: 120_000 },
    collaborators: [],
  });
}

beforeAll(async () => {
  await seedTenant('demo', 'demo-token');
  await seedCases('demo');
  await testStores().bugLinks.link('demo', '1001', 'EXP-7', 'test', iso(NOW - HOUR));
  await testStores().bugLinks.link('demo', 'demo-s1', 'EXP-7', 'test', iso(NOW - 2 * DAY));
});

describe('request verification', () => {
  it("verifies Slack's documented test vector with the clock at its timestamp", async () => {
    const at = h.clock.now;
    h.clock.now = 1531420618 * 1000;
    try {
      const res = await h.signed(vectorBody, 'application/x-www-form-urlencoded', {
        ts: '1531420618',
        signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      });
      expect(res.status).toBe(200);
      // The same request again is a replay.
      const again = await h.signed(vectorBody, 'application/x-www-form-urlencoded', {
        ts: '1531420618',
        signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      });
      expect(again.status).toBe(401);
      expect(await again.json()).toMatchObject({ error: 'invalid_signature', message: 'replayed request' });
    } finally {
      h.clock.now = at;
    }
  });

  it('refuses the vector now (stale), forged, truncated and missing signatures with 401, storing nothing', async () => {
    const before = await env.DB.prepare('SELECT count(*) AS n FROM processed_events').first<{ n: number }>();
    const stale = await h.signed(vectorBody, 'application/x-www-form-urlencoded', {
      ts: '1531420618',
      signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ message: 'stale timestamp' });
    expect(
      (await h.signed('text=x', 'application/x-www-form-urlencoded', { secret: 'not-the-secret' })).status,
    ).toBe(401);
    const good = await h.command('help');
    expect(good.status).toBe(200);
    const ts = String(Math.floor(NOW / 1000));
    expect(
      (await h.signed('team_id=T111&text=', 'application/x-www-form-urlencoded', { ts, signature: 'v0=abc' }))
        .status,
    ).toBe(401);
    const missing = await h.send('/slack/events', { method: 'POST', body: 'team_id=T111' });
    expect(missing.status).toBe(401);
    const after = await env.DB.prepare('SELECT count(*) AS n FROM processed_events').first<{ n: number }>();
    // Only the one good request was recorded (its signature, against replays).
    expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(1);
  });

  it('keys the replay mark on the one strict signature: altered headers of the same signed bytes are 401 every time', async () => {
    const body = commandBody('help', { trigger_id: '111.111.strict' });
    const ts = String(Math.floor(h.clock.now / 1000));
    const good = await slackSignature(SLACK_SECRET, ts, body);
    const form = 'application/x-www-form-urlencoded';
    expect((await h.signed(body, form, { ts, signature: good })).status).toBe(200);
    const hex = good.slice(3);
    for (const signature of [
      good, // the replay itself
      `${good}=x`, // a second '=' (bolt alone reads up to it)
      `${good}=`,
      ` ${good}`,
      `${good} `,
      `V0=${hex}`,
      `v0=${hex.toUpperCase()}`,
      `${good}, ${good}`, // a repeated header, as Headers joins it
      `v0=${hex},v0=${hex}`, // two signatures
      `v1=${hex}`,
    ]) {
      const res = await h.signed(body, form, { ts, signature });
      expect(res.status, JSON.stringify(signature)).toBe(401);
    }
  });

  it('verifies the bytes as sent: a signed body that is not UTF-8 is 400 invalid_encoding (never 401)', async () => {
    const res = await h.signed(NOT_UTF8, 'application/json');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_encoding' });
    const ts = String(Math.floor(h.clock.now / 1000));
    const asText = await slackSignature(SLACK_SECRET, ts, new TextDecoder().decode(NOT_UTF8));
    expect((await h.signed(NOT_UTF8, 'application/json', { ts, signature: asText })).status).toBe(401);
  });

  it('answers nulls where Slack never sends them with 400 and the path, never a 500', async () => {
    const event = (over: Record<string, unknown>, e: Record<string, unknown> = {}) =>
      h.signed(
        JSON.stringify({
          type: 'event_callback',
          team_id: 'T111',
          event_id: `Ev${crypto.randomUUID()}`,
          event: { type: 'app_mention', user: 'U1', channel: 'C111', text: 'hi', ...e },
          ...over,
        }),
        'application/json',
      );
    for (const [res, path] of [
      [await event({}, { user: null }), 'event.user'],
      [await event({ authorizations: [null] }), 'authorizations.0'],
      [await event({}, { type: 'x'.repeat(300) }), 'event.type'],
      [await event({ team_id: 'T'.repeat(300) }), 'team_id'],
    ] as const) {
      expect(res.status, path).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(path);
    }
    const modal = {
      ...viewSubmission,
      team: { ...(viewSubmission.team as object), id: 'T111' },
      view: { ...(viewSubmission.view as object), state: { values: { block: { action: null } } } },
    };
    const res = await h.interaction(modal);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('view.state.values.block.action');
  });

  it('refuses a signed payload it cannot handle with 400 and the zod issue path', async () => {
    const { user: _user, ...noUser } = blockActions as Record<string, unknown>;
    const res = await h.interaction({ ...noUser, team: { id: 'T111' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_input', issues: [{ path: 'user' }] });
    const notJson = await h.signed('{', 'application/json');
    expect(notJson.status).toBe(400);
  });

  it('answers the Events API url_verification challenge', async () => {
    const res = await h.signed(
      JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' }),
      'application/json',
    );
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });

  it('is off with 503 not_configured without its signing secret', async () => {
    const res = await h.command('help', {}, { SLACK_SIGNING_SECRET: '' });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      error: 'not_configured',
      message: expect.stringContaining('SLACK_SIGNING_SECRET'),
    });
  });
});

describe('/support-metrics', () => {
  it('shows the headline KPIs of the last 7 days against the benchmarks, ephemeral, with a Share button', async () => {
    const res = await h.command('');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; blocks: unknown[]; text: string };
    expect(body.response_type).toBe('ephemeral');
    const text = JSON.stringify(body.blocks);
    expect(text).toContain('Support metrics · last 7 days');
    expect(text).toContain('2026-11-17 – 2026-11-23');
    // 6 of Ana's + 4 of Carl's solved in the window, each one reply, never reopened: FCR 100% ≥ the 54% average.
    expect(text).toMatch(/✅ \*First contact resolution\*: 100%/);
    expect(text).toContain('industry 54%');
    // Nobody collaborated: 0% against the 75% average.
    expect(text).toMatch(/🔻 \*Collaboration rate\*: 0%/);
    expect(text).toContain('Share to channel');
    expect(blockProblems(body.blocks as never)).toEqual([]);
  });

  it('explains one metric with its trend and breakdowns, and accepts windows and filters', async () => {
    const res = await h.command('fcr 30d group:Tier2');
    const text = JSON.stringify(await res.json());
    expect(text).toContain('First contact resolution · last 30 days');
    expect(text).toContain('Trend (weekly)');
    expect(text).toContain('By channel');
    expect(text).toContain('email: 100%');
    expect(text).toContain('group:Tier2');
    const range = JSON.stringify(await (await h.command('ttr 2026-11-01..2026-11-22')).json());
    expect(range).toContain('Time to resolution · 2026-11-01 – 2026-11-22');
  });

  it('answers `completeness` with the metric and what incomplete cases cost the team', async () => {
    const body = (await (await h.command('completeness 90d')).json()) as { blocks: unknown[] };
    const text = JSON.stringify(body);
    expect(text).toContain('Case completeness · last 90 days');
    expect(text).toContain('What incompleteness cost, last 90 days');
    // Either measured with its interval, or "not measured" with the reason: never a bare 0.
    expect(text).toMatch(/Interactions per case: .*95% CI|not measured/);
    expect(blockProblems(body.blocks as never)).toEqual([]);
  });

  it('answers unknown input with a friendly usage message, never an error', async () => {
    for (const text of [
      'frobnicate',
      '400d',
      '2026-13-01..2026-13-02',
      'subscribe 25:00',
      'swarm',
      '<script>',
    ]) {
      const res = await h.command(text);
      expect(res.status).toBe(200);
      const body = JSON.stringify(await res.json());
      expect(body).toContain('Here is what I understand');
      expect(body).not.toContain('<script>');
    }
  });

  it('ranks Jira bugs by support impact', async () => {
    const text = JSON.stringify(await (await h.command('bugs')).json());
    expect(text).toContain('EXP-7');
    expect(text).toContain('2 cases (1 open), 1 customer, 120,000 ARR at risk');
  });

  it('shares a view to the channel through the response URL, with who shared it', async () => {
    h.slack.state.responses.length = 0;
    const res = await h.interaction({
      ...blockActions,
      team: { ...(blockActions.team as object), id: 'T111' },
      actions: [{ ...(blockActions.actions as object[])[0], action_id: 'share_metrics', value: '30d' }],
    });
    expect(res.status).toBe(200);
    const [shared, deleted] = h.slack.state.responses;
    expect(shared?.url).toBe('https://hooks.slack.com/actions/T111/111/random-value');
    expect(shared?.body).toMatchObject({ response_type: 'in_channel' });
    expect(JSON.stringify(shared?.body)).toContain('Shared by <@W111>');
    expect(JSON.stringify(shared?.body)).not.toContain('share_metrics');
    expect(deleted?.body).toEqual({ delete_original: true });
  });
});

describe('swarming', () => {
  it('creates #swarm-1001-…, posts the escaped case card and invites the suggested experts (through a 429)', async () => {
    h.slack.state.rateLimited.set('conversations.create', 1);
    const res = await h.command('swarm 1001');
    expect(await res.json()).toMatchObject({ text: 'Starting a swarm on #1001…' });
    const create = h.slack.state.calls.filter((c) => c.method === 'conversations.create');
    expect(create).toHaveLength(2); // rate limited once, then created
    expect(create[1]?.args.name).toBe('swarm-1001-export-broken-after-upgrade');
    const invite = h.slack.state.calls.find((c) => c.method === 'conversations.invite');
    // The lead who started it and Ana (recent similar cases); not Carl (at capacity), not Dana (the owner).
    expect(String(invite?.args.users).split(',').sort()).toEqual(['UANA', 'UBOB', 'W111']);
    const card = h.slack.state.messages.at(-1);
    const cardText = JSON.stringify(card?.blocks);
    expect(cardText).toContain('Export &lt;!channel&gt; &amp; &lt;b&gt;broken&lt;/b&gt; after upgrade');
    // No mrkdwn text carries the customer's <!channel> (the header is plain_text, which Slack never parses).
    const mrkdwn = JSON.stringify(card?.blocks, (k, v) =>
      k === 'type' && v === 'plain_text' ? undefined : v,
    );
    expect(mrkdwn.match(/"type":"mrkdwn","text":"[^"]*<!channel>/)).toBeNull();
    expect(cardText).toContain('Globex · Enterprise (120,000 ARR)');
    expect(cardText).toContain('EXP-7');
    expect(cardText).toContain('solved 6 similar cases in 90 days');
    expect(cardText).toContain('Dana Diaz (stays the owner)');
    expect(cardText).toContain('1 more at capacity');
    expect(blockProblems(card?.blocks as never)).toEqual([]);
    const told = h.slack.state.responses.at(-1)?.body;
    expect(String(told?.text)).toMatch(/^Swarm started in <#C\d+>/);
    const row = await env.DB.prepare(
      "SELECT status, channel_name FROM swarms WHERE tenant_id = 'demo' AND case_id = '1001'",
    ).first();
    expect(row).toEqual({ status: 'open', channel_name: 'swarm-1001-export-broken-after-upgrade' });
  });

  it('reuses the open swarm from a message shortcut naming the ticket', async () => {
    const creates = h.slack.state.calls.filter((c) => c.method === 'conversations.create').length;
    await h.interaction({
      ...messageShortcut,
      team: { ...(messageShortcut.team as object), id: 'T111' },
      callback_id: 'start_swarm_from_message',
      message: {
        ...(messageShortcut.message as object),
        text: 'Can someone look at https://acme.zendesk.com/agent/tickets/1001 ?',
      },
    });
    expect(h.slack.state.calls.filter((c) => c.method === 'conversations.create').length).toBe(creates);
    expect(String(h.slack.state.responses.at(-1)?.body.text)).toContain('already has a swarm');
  });

  it('closes with a summary: internal note on the ticket, collaborators counted, once', async () => {
    const swarm = await env.DB.prepare(
      "SELECT id FROM swarms WHERE tenant_id = 'demo' AND case_id = '1001'",
    ).first<{ id: string }>();
    await h.interaction({
      ...blockActions,
      team: { ...(blockActions.team as object), id: 'T111' },
      actions: [{ ...(blockActions.actions as object[])[0], action_id: 'close_swarm', value: swarm?.id }],
    });
    const modal = h.slack.state.views.at(-1);
    expect(modal?.trigger_id).toBe('111.222.valid');
    expect(modal?.view).toMatchObject({ callback_id: 'close_swarm_modal', private_metadata: swarm?.id });

    const submit = (summary: string) =>
      h.submitView({
        callback_id: 'close_swarm_modal',
        private_metadata: swarm?.id,
        values: { summary: { value: { type: 'plain_text_input', value: summary } } },
      });
    const short = await submit('ok');
    expect(await short.json()).toMatchObject({ response_action: 'errors' });

    // Zendesk down: the swarm stays open so that submitting again retries.
    h.failNotes(1);
    await submit('Cause: the upgrade reset the export path. Fix: set it again in Settings > Export.');
    expect(h.notes).toHaveLength(0);
    expect(
      (await env.DB.prepare('SELECT status FROM swarms WHERE id = ?').bind(swarm?.id).first())?.status,
    ).toBe('open');

    await submit('Cause: the upgrade reset the export path. Fix: set it again in Settings > Export.');
    expect(h.notes).toHaveLength(1);
    expect(h.notes[0]).toMatchObject({
      ticketId: '1001',
      body: expect.stringContaining('Fix: set it again'),
    });
    expect(h.notes[0]?.body).toMatch(/participants: .*Ana Alves/);
    const stored = await testStores().cases.getCase('demo', '1001');
    expect(stored?.case.assignee?.id).toBe('d1');
    expect(stored?.case.collaborators?.sort()).toEqual(['a1', 'b1', 'slack:W111']);
    await submit('Cause: the upgrade reset the export path. Fix: set it again in Settings > Export.');
    expect(h.notes).toHaveLength(1);
  });

  it('rides out Slack failing during creation: retries a 500, and a start that failed resumes without a second channel or card', async () => {
    const name = 'swarm-demo-carl-open-1-question';
    h.slack.state.failing.set('conversations.invite', 1); // one 500: retried by the client
    h.slack.state.failing.set('chat.postMessage', 3); // the card fails on every retry: the start fails
    await h.command('swarm demo-carl-open-1');
    expect(String(h.slack.state.responses.at(-1)?.body.text)).toContain('could not start the swarm');
    const channel = [...h.slack.state.channels.values()].find((c) => c.name === name);
    expect(channel).toBeDefined();
    expect(h.slack.state.messages.filter((m) => m.channel === channel?.id)).toHaveLength(0);

    h.clock.now += 1_000;
    await h.command('swarm demo-carl-open-1');
    expect(
      h.slack.state.calls.filter((c) => c.method === 'conversations.create' && c.args.name === name),
    ).toHaveLength(1);
    expect(h.slack.state.messages.filter((m) => m.channel === channel?.id)).toHaveLength(1);
    h.clock.now += 1_000;
    await h.command('swarm demo-carl-open-1');
    expect(h.slack.state.messages.filter((m) => m.channel === channel?.id)).toHaveLength(1);
    const rows = await env.DB.prepare(
      "SELECT count(*) AS n, max(card_ts) AS card FROM swarms WHERE case_id = 'demo-carl-open-1'",
    ).first();
    expect(rows).toMatchObject({ n: 1, card: expect.any(String) });
  });

  it('a malformed Slack answer fails the start cleanly, and starting again resumes', async () => {
    h.slack.state.malformed.set('conversations.invite', 1);
    h.clock.now += 1_000;
    await h.command('swarm demo-carl-open-2');
    expect(String(h.slack.state.responses.at(-1)?.body.text)).toContain('could not start the swarm');
    h.clock.now += 1_000;
    await h.command('swarm demo-carl-open-2');
    const name = 'swarm-demo-carl-open-2-question';
    const channel = [...h.slack.state.channels.values()].find((c) => c.name === name);
    expect(
      h.slack.state.calls.filter((c) => c.method === 'conversations.create' && c.args.name === name),
    ).toHaveLength(1);
    expect(h.slack.state.messages.filter((m) => m.channel === channel?.id)).toHaveLength(1);
  });

  it('starts a swarm from the Zendesk sidebar through the API (bearer token)', async () => {
    const res = await h.send('/api/swarms', {
      method: 'POST',
      headers: { authorization: 'Bearer demo-token', 'content-type': 'application/json' },
      body: JSON.stringify({
        caseId: 'demo-carl-open-0',
        startedBy: { name: 'Lead', email: 'lead@acme.test' },
      }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      kind: 'started',
      channel: { name: 'swarm-demo-carl-open-0-question' },
    });
    expect(
      (
        await h.send('/api/swarms', {
          method: 'POST',
          headers: { authorization: 'Bearer demo-token' },
          body: '{}',
        })
      ).status,
    ).toBe(400);
    expect((await h.send('/api/swarms', { method: 'POST', body: '{}' })).status).toBe(401);
  });
});

describe('daily post and aging alerts', () => {
  it('subscribes a channel and posts exactly once per local day, even when cron fires twice', async () => {
    const res = await h.command('subscribe <#C222|support-leads> 09:00 Europe/Berlin');
    expect(await res.json()).toMatchObject({ text: expect.stringContaining('Subscribing <#C222>') });
    expect(String(h.slack.state.responses.at(-1)?.body.text)).toContain(
      'gets the daily metrics post at 09:00 Europe/Berlin',
    );
    const fetch = h.slack.fetch;
    const config = { ...env };
    const posts = () =>
      h.slack.state.messages.filter((m) => m.channel === 'C222' && m.text.startsWith('Support metrics for'));

    // 07:45 UTC = 08:45 in Berlin: not yet.
    const early = await runSlackJobs({
      stores: testStores(),
      config: loadTestConfig(config),
      at: new Date('2026-11-23T07:45:00Z'),
      fetch,
    });
    expect(early.posted).toBe(0);
    // Slack fails the first time: the day is released and the next run posts.
    h.slack.state.failing.set('chat.postMessage', 3);
    const failed = await runSlackJobs({
      stores: testStores(),
      config: loadTestConfig(config),
      at: new Date('2026-11-23T08:00:00Z'),
      fetch,
    });
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    expect(posts()).toHaveLength(0);
    const first = await runSlackJobs({
      stores: testStores(),
      config: loadTestConfig(config),
      at: new Date('2026-11-23T08:15:00Z'),
      fetch,
    });
    const second = await runSlackJobs({
      stores: testStores(),
      config: loadTestConfig(config),
      at: new Date('2026-11-23T08:30:00Z'),
      fetch,
    });
    expect(first.posted).toBe(1);
    expect(second.posted).toBe(0);
    expect(posts()).toHaveLength(1);
    const post = JSON.stringify(posts()[0]?.blocks);
    expect(post).toContain('Support metrics for 2026-11-22');
    expect(post).toContain('Aging cases that need a swarm');
    expect(post).toContain('start_swarm');
    expect(blockProblems(posts()[0]?.blocks as never)).toEqual([]);
  });

  it("acks subscribe before its users.info, the subscription's write and conversations.join", async () => {
    const row = () =>
      env.DB.prepare('SELECT time_zone FROM slack_subscriptions WHERE channel_id = ?')
        .bind('C333')
        .first<{ time_zone: string }>();
    h.slack.state.channels.set('C333', { id: 'C333', name: 'tier2', archived: false, members: new Set() });
    const calls = h.slack.state.calls.length;
    // Slack holds every Web API call: only an ack sent before them can reach the test.
    const release = h.slack.hold();
    const { response, done } = await h.commandEarly('subscribe <#C333|tier2> 08:30', { user_id: 'UANA' });
    const ack = await response;
    expect(ack.status).toBe(200);
    expect(await ack.json()).toEqual({
      response_type: 'ephemeral',
      text: 'Subscribing <#C333> to the daily metrics post…',
    });
    expect(h.slack.state.calls.slice(calls).map((c) => c.method)).toEqual([]);
    expect(await row()).toBeNull();
    release();
    await done;
    // Then, in this order: the user's time zone, the write (in that zone), the join, the answer.
    expect(h.slack.state.calls.slice(calls).map((c) => c.method)).toEqual([
      'users.info',
      'conversations.join',
    ]);
    expect(await row()).toEqual({ time_zone: 'Europe/Lisbon' });
    expect(h.slack.state.channels.get('C333')?.members.has('UBOT')).toBe(true);
    expect(h.slack.state.responses.at(-1)?.body).toMatchObject({
      response_type: 'ephemeral',
      text: '<#C333> gets the daily metrics post at 08:30 Europe/Lisbon, with aging-case alerts.',
    });
  });

  it('flags an aging case at most once per day', async () => {
    const alerts = () =>
      h.slack.state.messages.filter((m) => m.channel === 'C222' && /aging case/.test(m.text));
    const before = alerts().length;
    await runSlackJobs({
      stores: testStores(),
      config: loadTestConfig({ ...env }),
      at: new Date('2026-11-23T09:00:00Z'),
      fetch: h.slack.fetch,
    });
    await runSlackJobs({
      stores: testStores(),
      config: loadTestConfig({ ...env }),
      at: new Date('2026-11-23T09:15:00Z'),
      fetch: h.slack.fetch,
    });
    // Flagged during the first runs of the day already; nothing more today.
    expect(alerts().length).toBe(before);
    const flagged = await env.DB.prepare(
      "SELECT case_id, cohort FROM aging_alerts WHERE tenant_id = 'demo' AND day = '2026-11-23'",
    ).all();
    expect(flagged.results).toContainEqual({ case_id: '1001', cohort: 'bug × high' });
    expect(before).toBe(1);
  });
});

describe('OAuth install and tenancy', () => {
  const oauth = {
    SLACK_BOT_TOKEN: '',
    SLACK_CLIENT_ID: '111.222',
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_STATE_SECRET: 'state-secret-for-tests',
  };
  const get = (url: string) => h.send(url.replace(/^https:\/\/[^/]+/, ''), { method: 'GET' }, oauth);

  async function install(tenant: string, token: string, teamId: string, botToken: string) {
    const link = await h.send(
      '/api/slack/install-url',
      { method: 'POST', headers: { authorization: `Bearer ${token}` } },
      oauth,
    );
    expect(link.status).toBe(201);
    const { url } = (await link.json()) as { url: string };
    const redirect = await get(url);
    expect(redirect.status).toBe(302);
    const authorize = new URL(redirect.headers.get('location') ?? '');
    expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorize.searchParams.get('scope')).toContain('channels:manage');
    const state = authorize.searchParams.get('state') ?? '';
    h.slack.state.oauth.set(`code-${tenant}`, {
      access_token: botToken,
      token_type: 'bot',
      bot_user_id: `UB${tenant}`,
      team: { id: teamId, name: tenant },
    });
    const done = await get(`/slack/oauth_redirect?code=code-${tenant}&state=${encodeURIComponent(state)}`);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Support Metrics is installed');
    // The state works once.
    expect(
      (await get(`/slack/oauth_redirect?code=code-${tenant}&state=${encodeURIComponent(state)}`)).status,
    ).toBe(400);
  }

  beforeAll(async () => {
    await seedTenant('acme', 'acme-token');
    await seedTenant('globex', 'globex-token');
    for (let i = 0; i < 3; i++)
      await save('acme', { id: `a${i}`, subject: 'Acme case', createdAt: iso(NOW - DAY) });
    for (let i = 0; i < 5; i++)
      await save('globex', { id: `g${i}`, subject: 'Globex case', createdAt: iso(NOW - DAY) });
    await install('acme', 'acme-token', 'TACME', 'xoxb-acme-secret');
    await install('globex', 'globex-token', 'TGLOBEX', 'xoxb-globex-secret');
  });

  it('stores each bot token encrypted, for its tenant', async () => {
    const rows = await env.DB.prepare(
      'SELECT tenant_id, team_id, bot_token_enc FROM slack_installations ORDER BY tenant_id',
    ).all<{
      tenant_id: string;
      team_id: string;
      bot_token_enc: string;
    }>();
    expect(rows.results.map((r) => [r.tenant_id, r.team_id])).toEqual([
      ['acme', 'TACME'],
      ['globex', 'TGLOBEX'],
    ]);
    for (const r of rows.results) expect(r.bot_token_enc).not.toContain('xoxb');
  });

  it('answers each workspace from its own tenant only, with its own token', async () => {
    const acme = JSON.stringify(await (await h.command('', { team_id: 'TACME' }, oauth)).json());
    const globex = JSON.stringify(await (await h.command('', { team_id: 'TGLOBEX' }, oauth)).json());
    expect(acme).toContain('3 cases created');
    expect(globex).toContain('5 cases created');
    await h.command('subscribe', { team_id: 'TGLOBEX', user_id: 'W111' }, oauth);
    const info = h.slack.state.calls.filter((c) => c.method === 'users.info').at(-1);
    expect(info?.token).toBe('xoxb-globex-secret');
    // A case of another tenant does not exist for this one.
    const swarm = await h.send(
      '/api/swarms',
      {
        method: 'POST',
        headers: { authorization: 'Bearer globex-token' },
        body: JSON.stringify({ caseId: 'a1' }),
      },
      oauth,
    );
    expect(swarm.status).toBe(404);
  });

  it('tells a workspace that never installed the app, and refuses expired or forged install links', async () => {
    const res = await h.command('', { team_id: 'TSTRANGER' }, oauth);
    expect(JSON.stringify(await res.json())).toContain('not connected to Support Metrics');
    expect((await get('/slack/install?state=forged.abc')).status).toBe(400);
    expect((await h.send('/api/slack/install-url', { method: 'POST' }, oauth)).status).toBe(401);
    // Single-workspace mode has nothing to install.
    expect((await h.send('/slack/install?state=x', { method: 'GET' })).status).toBe(503);
  });
});

import { loadConfig } from '@support-metrics/platform';

function loadTestConfig(e: object) {
  return loadConfig(e, slackPlugins.config);
}
