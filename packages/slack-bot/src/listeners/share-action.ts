import type { App } from '@slack/bolt';
import { kpiMessage, type Message, metricMessage } from '../blocks/metrics-blocks.js';
import { parseCommand } from '../commands/parse-command.js';
import { kpiView, metricView } from '../services/metrics-views.js';
import { depsOf } from '../services/slack-deps.js';
import { userIdOf } from './swarm-actions.js';

/** "Share to channel": the same view, computed again, posted in the channel for everyone, with who shared it. */
export function registerShare(app: App) {
  app.action('share_metrics', async ({ ack, body, action, respond, context }) => {
    await ack();
    const deps = depsOf(context);
    const value = (action as { value?: unknown }).value;
    const text = typeof value === 'string' ? value : '';
    const cmd = parseCommand(text);
    const today = deps.now().toISOString().slice(0, 10);
    const sharedBy = userIdOf(body);
    if (!sharedBy) return;
    let message: Message;
    if (cmd.kind === 'kpis')
      message = kpiMessage({
        ...(await kpiView(deps.stores, deps.tenantId, { ...cmd, commandText: text, today })),
        sharedBy,
      });
    else if (cmd.kind === 'metric')
      message = metricMessage({
        ...(await metricView(deps.stores, deps.tenantId, {
          metricId: cmd.metric.id,
          def: cmd.metric,
          window: cmd.window,
          filters: cmd.filters,
          commandText: text,
          today,
        })),
        sharedBy,
      });
    else return;
    await respond({ response_type: 'in_channel', replace_original: false, ...message });
    await respond({ delete_original: true });
  });
}
