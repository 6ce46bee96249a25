import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { escapeMrkdwn } from '../blocks/mrkdwn.js';
import { parseCaseId } from '../commands/parse-command.js';
import { refreshHomes } from '../services/home-service.js';
import { depsOf, type SlackDeps } from '../services/slack-deps.js';
import {
  closeSwarm,
  openCloseSwarmModal,
  type SwarmContext,
  slackErrorCode,
  startSwarm,
} from '../services/swarm-service.js';

/** The message shortcut that starts a swarm from a message naming a ticket. */
export const SWARM_SHORTCUT = 'start_swarm_from_message';

export function swarmContext(deps: SlackDeps, client: WebClient): SwarmContext {
  return {
    tenantId: deps.tenantId,
    stores: deps.stores,
    slackStore: deps.slackStore,
    client,
    now: deps.now,
    notes: deps.notes,
    ticketUrl: deps.ticketUrl,
  };
}

/**
 * Where to tell a user how their action went: the response URL of the message or command it came from, or — from
 * the Home tab, which has none — the app's Messages tab (chat.postMessage to the user's id).
 */
function replyTo(respond: RespondFn | undefined, client: WebClient, userId: string): RespondFn {
  if (typeof respond === 'function') return respond;
  return (async (message: { text?: string }) =>
    client.chat.postMessage({ channel: userId, text: message.text ?? '' })) as unknown as RespondFn;
}

/**
 * Starts a swarm for a Slack user and tells them where it is (ephemeral), or why it could not start; then the Home
 * tabs of the user and the invited experts show it.
 */
export async function startSwarmFromSlack(
  deps: SlackDeps,
  client: WebClient,
  respondFn: RespondFn | undefined,
  caseId: string,
  userId: string,
): Promise<void> {
  const respond = replyTo(respondFn, client, userId);
  try {
    const result = await startSwarm(swarmContext(deps, client), {
      caseId,
      startedBy: { slackUserId: userId, label: `<@${userId}>` },
    });
    if (result.kind === 'not_found') {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: `I have no case #${escapeMrkdwn(caseId)}.`,
      });
      return;
    }
    const experts = result.experts.filter((e) => e.slackUserId).length;
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text:
        result.kind === 'started'
          ? `Swarm started in <#${result.channelId}>: the case card is posted and ${experts} suggested expert${experts === 1 ? '' : 's'} invited.`
          : `Case #${escapeMrkdwn(caseId)} already has a swarm: <#${result.channelId}>. You are in.`,
    });
    await refreshHomes(deps, client, [userId, ...result.experts.map((e) => e.slackUserId)]);
  } catch (e) {
    const code = slackErrorCode(e);
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: `I could not start the swarm${code ? ` (Slack said \`${code}\`)` : ''}. Check that the app has the channels:manage scope, then try again.`,
    });
  }
}

/** A ticket named in a message: a Zendesk ticket URL, `#1234`, or "ticket 1234". */
export function caseIdInText(text: string): string | null {
  const url = /\/tickets\/(\d+)/.exec(text);
  if (url?.[1]) return url[1];
  const named = /(?:#|\bticket\s*#?\s*|\bcase\s*#?\s*)(\d{1,12})\b/i.exec(text);
  return named?.[1] ?? null;
}

/** The Slack user of an interaction, when the payload names one. */
export function userIdOf(body: unknown): string | null {
  const id = (body as { user?: { id?: unknown } } | null)?.user?.id;
  return typeof id === 'string' && id ? id : null;
}

/** Buttons and modals of swarms: Start (daily post, aging alerts), Close (case card), the close modal, the shortcut. */
export function registerSwarmInteractions(app: App) {
  app.action('start_swarm', async ({ ack, body, action, client, respond, context }) => {
    await ack();
    const caseId = parseCaseId((action as { value?: string }).value);
    const userId = userIdOf(body);
    if (!caseId || !userId) return;
    await startSwarmFromSlack(depsOf(context), client, respond, caseId, userId);
  });

  app.action('close_swarm', async ({ ack, body, action, client, context }) => {
    await ack();
    const deps = depsOf(context);
    const triggerId = (body as { trigger_id?: string }).trigger_id;
    const swarmId = (action as { value?: string }).value;
    if (typeof triggerId === 'string' && typeof swarmId === 'string')
      await openCloseSwarmModal(swarmContext(deps, client), swarmId, triggerId);
  });

  // A URL button still sends an action: nothing to do but ack.
  app.action('open_ticket', async ({ ack }) => ack());

  app.view('close_swarm_modal', async ({ ack, view, body, client, context }) => {
    const summary = (view.state.values.summary?.value?.value ?? '').trim();
    if (summary.length < 10)
      return ack({
        response_action: 'errors',
        errors: { summary: 'Say in a sentence or two what the swarm found.' },
      });
    await ack();
    const deps = depsOf(context);
    const result = await closeSwarm(swarmContext(deps, client), {
      swarmId: view.private_metadata,
      by: body.user.id,
      summary,
    });
    if (result.kind === 'closed')
      await refreshHomes(deps, client, [body.user.id, ...result.participants.map((p) => p.slackUserId)]);
  });

  app.shortcut(SWARM_SHORTCUT, async ({ ack, shortcut, client, respond, context }) => {
    await ack();
    const text = (shortcut as { message?: { text?: unknown } }).message?.text;
    const caseId = caseIdInText(typeof text === 'string' ? text : '');
    const userId = userIdOf(shortcut);
    if (!caseId) {
      await respond({
        response_type: 'ephemeral',
        text: 'This message names no ticket. Use it on a message with a Zendesk ticket link or #1234.',
      });
      return;
    }
    if (userId) await startSwarmFromSlack(depsOf(context), client, respond, caseId, userId);
  });
}
