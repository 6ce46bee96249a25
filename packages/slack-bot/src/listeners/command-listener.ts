import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import {
  COMPUTED_FROM_CUSTOMERS,
  COMPUTED_FROM_FORECAST,
  COMPUTED_FROM_NEXTGEN,
} from '@support-metrics/core';
import { customerReportOf, demandOf } from '@support-metrics/platform';
import { bugsMessage } from '../blocks/bugs-blocks.js';
import { outcomeBlocks } from '../blocks/completeness-blocks.js';
import { forecastMessage, healthMessage, outcomesMessage } from '../blocks/customer-blocks.js';
import { helpMessage, kpiMessage, type Message, metricMessage } from '../blocks/metrics-blocks.js';
import { escapeMrkdwn } from '../blocks/mrkdwn.js';
import { type Command, parseCommand } from '../commands/parse-command.js';
import { kpiView, metricView, rollupFilters } from '../services/metrics-views.js';
import { customerContextOf, depsOf, type SlackDeps } from '../services/slack-deps.js';
import { answerSoon } from './answer-soon.js';
import { openMaturityModal } from './maturity-actions.js';
import { withTrendChart } from './metric-chart.js';
import { startSwarmFromSlack } from './swarm-actions.js';

/** The slash command's name (manifest.yaml declares it). */
export const COMMAND = '/support-metrics';

type AckWith = Parameters<typeof answerSoon>[0];
type RespondWith = Parameters<typeof answerSoon>[1];

const today = (deps: SlackDeps) => deps.now().toISOString().slice(0, 10);

/** The message a metrics command answers with, from the store. */
export async function metricsAnswer(deps: SlackDeps, cmd: Command, commandText: string): Promise<Message> {
  const ctx = customerContextOf(deps);
  // A customer, NextGen or demand metric asked by name is answered by the view that computes it.
  const id = cmd.kind === 'metric' ? cmd.metric.id : null;
  if (cmd.kind === 'health' || (id && id in COMPUTED_FROM_CUSTOMERS))
    return healthMessage(await customerReportOf(ctx));
  if (cmd.kind === 'outcomes' || (id && id in COMPUTED_FROM_NEXTGEN))
    return outcomesMessage(await customerReportOf(ctx));
  if (cmd.kind === 'forecast' || (id && id in COMPUTED_FROM_FORECAST)) {
    const { forecast, track } = await demandOf(ctx);
    return forecastMessage(forecast, track);
  }
  if (cmd.kind === 'kpis')
    return kpiMessage(await kpiView(deps.stores, deps.tenantId, { ...cmd, commandText, today: today(deps) }));
  if (cmd.kind === 'metric') {
    const view = await metricView(deps.stores, deps.tenantId, {
      metricId: cmd.metric.id,
      def: cmd.metric,
      window: cmd.window,
      filters: cmd.filters,
      commandText,
      today: today(deps),
    });
    const message = metricMessage(view);
    if (cmd.metric.id !== 'case_completeness') return message;
    // Case completeness comes with what incompleteness cost the team on its own outcomes.
    const outcomes = await deps.stores.cases.completenessOutcomes(deps.tenantId, {
      ...view.window,
      filters: rollupFilters(cmd.filters, view.names),
    });
    const share = message.blocks.findIndex((b) => b.type === 'actions');
    const at = share < 0 ? message.blocks.length : share;
    message.blocks.splice(at, 0, ...outcomeBlocks(outcomes, view.window.label));
    return message;
  }
  if (cmd.kind === 'bugs') {
    const to = new Date(deps.now().getTime() + 1).toISOString();
    const since = new Date(deps.now().getTime() - 7 * 86_400_000).toISOString();
    const rows = await deps.stores.bugLinks.rankedBugs(deps.tenantId, {
      sort: cmd.sort,
      newSince: since,
      newUntil: to,
    });
    return bugsMessage(rows, cmd.sort, deps.jiraBaseUrl);
  }
  return helpMessage();
}

/**
 * `subscribe`'s work, after the ack: the time zone (the user's, from users.info, unless the command names one),
 * the subscription, and joining the channel so that the bot can post there. Answers the confirmation text.
 */
export async function subscribeChannel(
  deps: SlackDeps,
  client: WebClient,
  sub: {
    channelId: string;
    teamId: string;
    userId: string;
    time: string;
    timeZone: string | null | undefined;
  },
): Promise<string> {
  let timeZone = sub.timeZone;
  if (!timeZone) {
    const info = await client.users.info({ user: sub.userId }).catch(() => null);
    timeZone = info?.user?.tz ?? 'UTC';
  }
  await deps.slackStore.subscribe(
    { tenantId: deps.tenantId, teamId: sub.teamId, channelId: sub.channelId, localTime: sub.time, timeZone },
    sub.userId,
    deps.now().toISOString(),
  );
  // The bot must be in the channel to post; joining works for public channels (channels:join).
  const joined = await client.conversations.join({ channel: sub.channelId }).then(
    () => true,
    () => false,
  );
  return `<#${sub.channelId}> gets the daily metrics post at ${sub.time} ${escapeMrkdwn(timeZone)}, with aging-case alerts.${joined ? '' : ' Invite me to the channel (/invite @Support Metrics) so that I can post there.'}`;
}

/** `/support-metrics …`: every answer is ephemeral until someone shares it. */
export function registerCommand(app: App) {
  app.command(COMMAND, async ({ command, ack, respond, client, context }) => {
    const deps = depsOf(context);
    const text = (command.text ?? '').trim();
    const cmd = parseCommand(text);
    switch (cmd.kind) {
      case 'help':
        return ack({ response_type: 'ephemeral', ...helpMessage() });
      case 'usage':
        return ack({ response_type: 'ephemeral', ...helpMessage(cmd.problem) });
      case 'kpis':
      case 'metric':
      case 'bugs':
      case 'health':
      case 'outcomes':
      case 'forecast':
        return answerSoon(ack as AckWith, respond as RespondWith, () =>
          metricsAnswer(deps, cmd, text).then((message) => withTrendChart(deps, cmd, message)),
        );
      case 'maturity':
        await ack();
        return openMaturityModal(deps, client, command.trigger_id, command.channel_id);
      case 'swarm':
        await ack({ response_type: 'ephemeral', text: `Starting a swarm on #${escapeMrkdwn(cmd.caseId)}…` });
        return startSwarmFromSlack(deps, client, respond, cmd.caseId, command.user_id);
      case 'subscribe': {
        // Ack first: users.info, the write and conversations.join together can pass Slack's 3 s.
        const channelId = cmd.channelId ?? command.channel_id;
        await ack({
          response_type: 'ephemeral',
          text: `Subscribing <#${channelId}> to the daily metrics post…`,
        });
        const text = await subscribeChannel(deps, client, {
          channelId,
          teamId: command.team_id,
          userId: command.user_id,
          time: cmd.time,
          timeZone: cmd.timeZone,
        }).catch(
          (error: unknown) =>
            `Could not subscribe <#${channelId}> (${(error as Error)?.name ?? 'Error'}). Try again in a moment.`,
        );
        await (respond as RespondWith)({ response_type: 'ephemeral', text });
        return;
      }
      case 'unsubscribe': {
        const channelId = cmd.channelId ?? command.channel_id;
        return answerSoon(ack as AckWith, respond as RespondWith, async () => {
          const removed = await deps.slackStore.unsubscribe(deps.tenantId, channelId);
          return {
            text: removed
              ? `<#${channelId}> no longer gets the daily post.`
              : `<#${channelId}> was not subscribed.`,
            blocks: [],
          };
        });
      }
    }
  });
}
