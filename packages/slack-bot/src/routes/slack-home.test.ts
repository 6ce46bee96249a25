import { env } from 'cloudflare:workers';
import blockActions from '@shared-data/slack/block_actions_payload.json';
import { type CaseInput, CaseSchema } from '@support-metrics/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockProblems } from '../blocks/mrkdwn.js';
import { seedTenant, slackHarness, testStores } from '../test-support/wiring.js';

// The App Home through signed requests: app_home_opened as Slack sends it (https://docs.slack.dev/reference/events/app_home_opened),
// buttons clicked on the Home tab (block_actions from a `home` view: no channel, no response_url), msw answering
// views.publish like Slack (100 blocks, 250 kB, not_enabled).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-23T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const h = slackHarness([
  { id: 'W111', email: 'lead@acme.test', name: 'Lead', tz: 'Europe/Berlin' },
  { id: 'UANA', email: 'ana@acme.test', name: 'Ana Alves', tz: 'Europe/Lisbon' },
]);
h.clock.now = NOW;

async function save(input: CaseInput) {
  await testStores().cases.saveCase(
    'demo',
    CaseSchema.parse({ tenantId: 'demo', helpdesk: 'zendesk', ...input }),
    { source: 'test', at: iso(NOW) },
  );
}

beforeAll(async () => {
  await seedTenant('demo', 'demo-token');
  // Solved high-priority bugs in about 10 h (the cohort), Ana their assignee; one open for five days (aging).
  for (let i = 0; i < 6; i++)
    await save({
      id: `s${i}`,
      subject: 'Export to CSV fails',
      description:
        'Exporter 4.2 on Windows shows error E42 when exporting. Steps: open report, click export.',
      createdAt: iso(NOW - (1 + i) * DAY - 10 * HOUR),
      solvedAt: iso(NOW - (1 + i) * DAY),
      status: 'solved',
      priority: 'high',
      issueType: 'bug',
      assignee: { id: 'a1', name: 'Ana Alves', email: 'ana@acme.test' },
      customFields: { product: 'Exporter' },
      tags: ['export', 'csv'],
      publicAgentReplies: 1,
      channel: 'email',
    });
  await save({
    id: '2001',
    subject: 'Export <!channel> broken',
    description: 'nothing',
    createdAt: iso(NOW - 5 * DAY),
    status: 'open',
    priority: 'high',
    issueType: 'bug',
    customFields: { product: 'Exporter' },
    tags: ['export'],
  });
  await testStores().bugLinks.link('demo', '2001', 'EXP-9', 'test', iso(NOW - HOUR));
});

/** An Events API delivery of app_home_opened, as Slack documents it (the view present once one was published). */
function homeOpened(user: string, tab: 'home' | 'messages') {
  h.clock.now += 1_000;
  return h.signed(
    JSON.stringify({
      token: 'verification_token',
      team_id: 'T111',
      api_app_id: 'A111',
      type: 'event_callback',
      event_id: `Ev${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`,
      event_time: Math.floor(h.clock.now / 1000),
      authorizations: [{ team_id: 'T111', user_id: 'UBOT', is_bot: true }],
      event: {
        type: 'app_home_opened',
        user,
        channel: 'D111',
        tab,
        event_ts: `${Math.floor(h.clock.now / 1000)}.000100`,
        ...(h.slack.state.homes.get(user)
          ? { view: { id: h.slack.state.homes.get(user)?.id, team_id: 'T111', type: 'home', blocks: [] } }
          : {}),
      },
    }),
    'application/json',
  );
}

/** A button clicked on the Home tab: Slack's block_actions from a `home` view (no channel, no response_url). */
function clickOnHome(user: string, actionId: string, value: string) {
  h.clock.now += 1_000;
  const { channel: _c, response_url: _r, container: _k, ...rest } = blockActions as Record<string, unknown>;
  return h.interaction({
    ...rest,
    user: { ...(blockActions.user as object), id: user },
    team: { ...(blockActions.team as object), id: 'T111' },
    container: { type: 'view', view_id: h.slack.state.homes.get(user)?.id ?? 'V0' },
    view: {
      id: h.slack.state.homes.get(user)?.id ?? 'V0',
      type: 'home',
      team_id: 'T111',
      blocks: [],
      callback_id: 'support_metrics_home',
    },
    actions: [{ action_id: actionId, block_id: 'b', value, type: 'button', action_ts: '1.2' }],
  });
}

const lastHome = (user: string) => {
  const view = h.slack.state.homes.get(user)?.view as
    | { type: string; blocks: { type: string }[] }
    | undefined;
  return { view, text: JSON.stringify(view?.blocks ?? []) };
};

describe('App Home', () => {
  it('publishes the Home tab of the user who opens it: KPIs, completeness, aging with Start swarm, bugs, subscriptions', async () => {
    await h.command('subscribe <#C222|support-leads> 09:00 Europe/Berlin');
    const published = h.slack.state.published.length;
    const res = await homeOpened('W111', 'home');
    expect(res.status).toBe(200);
    expect(h.slack.state.published).toHaveLength(published + 1);
    expect(h.slack.state.published.at(-1)?.user_id).toBe('W111');
    const { view, text } = lastHome('W111');
    expect(view?.type).toBe('home');
    expect(blockProblems(view?.blocks as never, 100)).toEqual([]);
    for (const part of [
      'First contact resolution',
      'Case completeness',
      'Most often missing',
      'Aging cases that need a swarm* (1)',
      '*#2001* Export &lt;!channel&gt; broken',
      '"action_id":"start_swarm","value":"2001"',
      'Your open swarms*: none',
      'EXP-9',
      '<#C222> at 09:00 Europe/Berlin',
      '"action_id":"home_unsubscribe","value":"C222"',
    ])
      expect(text).toContain(part);
    expect(text).not.toContain('<!channel>');
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    const published = h.slack.state.published.length;
    expect((await homeOpened('W111', 'messages')).status).toBe(200);
    expect(h.slack.state.published).toHaveLength(published);
  });

  it('starts a swarm from the Home tab, confirms it in the Messages tab and shows it under the user’s swarms', async () => {
    const res = await clickOnHome('W111', 'start_swarm', '2001');
    expect(res.status).toBe(200);
    const swarm = await env.DB.prepare(
      "SELECT id, channel_id, status FROM swarms WHERE tenant_id = 'demo' AND case_id = '2001'",
    ).first<{
      id: string;
      channel_id: string;
      status: string;
    }>();
    expect(swarm?.status).toBe('open');
    const dm = h.slack.state.messages.filter((m) => m.channel === 'W111').at(-1);
    expect(dm?.text).toMatch(/^Swarm started in <#C\d+>/);
    const { text } = lastHome('W111');
    expect(text).toContain('Your open swarms* (1)');
    expect(text).toContain(`<#${swarm?.channel_id}>`);
    expect(text).toContain(`"action_id":"close_swarm","value":"${swarm?.id}"`);
    // Ana, the suggested expert, sees it on her Home tab too.
    expect(lastHome('UANA').text).toContain('you are in it');
  });

  it('refreshes the Home tab when the swarm is closed', async () => {
    const swarm = await env.DB.prepare(
      "SELECT id FROM swarms WHERE tenant_id = 'demo' AND case_id = '2001'",
    ).first<{ id: string }>();
    const res = await h.submitView({
      callback_id: 'close_swarm_modal',
      private_metadata: swarm?.id,
      values: {
        summary: {
          value: { type: 'plain_text_input', value: 'Cause: the export path was reset. Fix: set it again.' },
        },
      },
    });
    expect(res.status).toBe(200);
    expect(lastHome('W111').text).toContain('Your open swarms*: none');
  });

  it('changes a subscription from its modal, refuses a bad time zone, and unsubscribes', async () => {
    await clickOnHome('W111', 'home_edit_subscription', 'C222');
    const modal = h.slack.state.views.at(-1)?.view as { callback_id: string; private_metadata: string };
    expect(modal).toMatchObject({ callback_id: 'home_subscription_modal', private_metadata: 'C222' });
    expect(JSON.stringify(modal)).toContain('"initial_time":"09:00"');

    const submit = (timeZone: string, channel = 'C222') =>
      h.submitView({
        callback_id: 'home_subscription_modal',
        private_metadata: 'C222',
        values: {
          channel: { value: { type: 'conversations_select', selected_conversation: channel } },
          time: { value: { type: 'timepicker', selected_time: '07:30' } },
          time_zone: { value: { type: 'plain_text_input', value: timeZone } },
        },
      });
    const bad = await submit('Mars/Olympus');
    expect(await bad.json()).toMatchObject({
      response_action: 'errors',
      errors: { time_zone: expect.any(String) },
    });

    h.slack.state.channels.set('C333', { id: 'C333', name: 'tier2', archived: false, members: new Set() });
    expect((await submit('Europe/Lisbon', 'C333')).status).toBe(200);
    const rows = await env.DB.prepare(
      "SELECT channel_id, local_time, time_zone FROM slack_subscriptions WHERE tenant_id = 'demo'",
    ).all();
    // Moved: C222 no longer gets the post, C333 does, and the bot joined it.
    expect(rows.results).toEqual([{ channel_id: 'C333', local_time: '07:30', time_zone: 'Europe/Lisbon' }]);
    expect(h.slack.state.channels.get('C333')?.members.has('UBOT')).toBe(true);
    expect(lastHome('W111').text).toContain('<#C333> at 07:30 Europe/Lisbon');

    await clickOnHome('W111', 'home_unsubscribe', 'C333');
    expect(
      (await env.DB.prepare("SELECT count(*) AS n FROM slack_subscriptions WHERE tenant_id = 'demo'").first())
        ?.n,
    ).toBe(0);
    expect(lastHome('W111').text).toContain('no channel gets the daily metrics post yet');
  });

  it('opens the subscribe modal with the user’s time zone', async () => {
    await clickOnHome('UANA', 'home_add_subscription', 'new');
    const modal = h.slack.state.views.at(-1)?.view;
    expect(modal).toMatchObject({ callback_id: 'home_subscription_modal', private_metadata: '' });
    expect(JSON.stringify(modal)).toContain('"initial_value":"Europe/Lisbon"');
  });

  it('still starts a swarm when the app has no Home tab (views.publish answers not_enabled)', async () => {
    h.slack.state.homeTabEnabled = false;
    try {
      await save({ id: '2002', subject: 'Login loops', createdAt: iso(NOW - DAY), status: 'open' });
      const res = await h.command('swarm 2002');
      expect(res.status).toBe(200);
      expect(String(h.slack.state.responses.at(-1)?.body.text)).toMatch(/^Swarm started in <#C\d+>/);
      expect(h.slack.state.calls.filter((c) => c.method === 'views.publish').length).toBeGreaterThan(0);
    } finally {
      h.slack.state.homeTabEnabled = true;
    }
  });
});
