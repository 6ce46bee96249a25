import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { HOME, subscriptionModal } from '../blocks/home-blocks.js';
import { isTimeZone } from '../commands/parse-command.js';
import { publishHome } from '../services/home-service.js';
import { depsOf } from '../services/slack-deps.js';
import { userIdOf } from './swarm-actions.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The user's time zone from Slack (users.info), UTC when Slack does not say. */
async function userTimeZone(client: WebClient, userId: string): Promise<string> {
  const info = await client.users.info({ user: userId }).catch(() => null);
  return info?.user?.tz ?? 'UTC';
}

/**
 * The App Home: `app_home_opened` publishes the user's Home tab (the Messages tab opening publishes nothing), and
 * its subscription buttons — Subscribe a channel and Change time open a modal; Unsubscribe (confirmed) stops the
 * daily post — each publish the tab again. Start swarm and Close swarm are the swarm listeners' own.
 */
export function registerHome(app: App) {
  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    await publishHome(depsOf(context), client, event.user);
  });

  app.action(HOME.addSubscription, async ({ ack, body, client }) => {
    await ack();
    const userId = userIdOf(body);
    const triggerId = (body as { trigger_id?: string }).trigger_id;
    if (!userId || !triggerId) return;
    await client.views.open({
      trigger_id: triggerId,
      view: subscriptionModal({
        channelId: null,
        time: '09:00',
        timeZone: await userTimeZone(client, userId),
      }),
    });
  });

  app.action(HOME.editSubscription, async ({ ack, body, action, client, context }) => {
    await ack();
    const deps = depsOf(context);
    const channelId = (action as { value?: string }).value;
    const triggerId = (body as { trigger_id?: string }).trigger_id;
    if (!channelId || !triggerId) return;
    const sub = (await deps.slackStore.subscriptions(deps.tenantId)).find((s) => s.channelId === channelId);
    const userId = userIdOf(body);
    await client.views.open({
      trigger_id: triggerId,
      view: subscriptionModal({
        channelId,
        time: sub?.localTime ?? '09:00',
        timeZone: sub?.timeZone ?? (userId ? await userTimeZone(client, userId) : 'UTC'),
      }),
    });
  });

  app.action(HOME.unsubscribe, async ({ ack, body, action, client, context }) => {
    await ack();
    const deps = depsOf(context);
    const channelId = (action as { value?: string }).value;
    const userId = userIdOf(body);
    if (channelId) await deps.slackStore.unsubscribe(deps.tenantId, channelId);
    if (userId) await publishHome(deps, client, userId);
  });

  app.view(HOME.subscriptionModal, async ({ ack, view, body, client, context }) => {
    const deps = depsOf(context);
    const values = view.state.values as Record<
      string,
      Record<
        string,
        { selected_conversation?: string | null; selected_time?: string | null; value?: string | null }
      >
    >;
    const channelId = values.channel?.value?.selected_conversation ?? null;
    const time = values.time?.value?.selected_time ?? '';
    const timeZone = (values.time_zone?.value?.value ?? '').trim();
    const errors: Record<string, string> = {};
    if (!channelId) errors.channel = 'Pick a channel.';
    if (!HHMM.test(time)) errors.time = 'Pick a time.';
    if (!isTimeZone(timeZone)) errors.time_zone = 'Use an IANA time zone name, such as Europe/Berlin.';
    if (!channelId || Object.keys(errors).length > 0) return ack({ response_action: 'errors', errors });
    await ack();
    const teamId = deps.teamId ?? body.team?.id ?? '';
    const before = view.private_metadata;
    // A changed channel moves the subscription: the old channel stops getting the post.
    if (before && before !== channelId) await deps.slackStore.unsubscribe(deps.tenantId, before);
    await deps.slackStore.subscribe(
      { tenantId: deps.tenantId, teamId, channelId, localTime: time, timeZone },
      body.user.id,
      deps.now().toISOString(),
    );
    // The bot must be in the channel to post there (channels:join); a private channel needs an /invite.
    await client.conversations.join({ channel: channelId }).catch(() => null);
    await publishHome(deps, client, body.user.id);
  });
}
