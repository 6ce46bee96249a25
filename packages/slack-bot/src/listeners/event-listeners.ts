import type { App } from '@slack/bolt';
import { depsOf } from '../services/slack-deps.js';
import { recordSwarmJoin } from '../services/swarm-service.js';

/** Events API: joins to swarm channels (participants), and a workspace removing the app (its tokens go). */
export function registerEvents(app: App) {
  app.event('member_joined_channel', async ({ event, context }) => {
    const deps = depsOf(context);
    await recordSwarmJoin(deps, event.channel, event.user);
  });
  app.event('app_uninstalled', async ({ context }) => {
    const deps = depsOf(context);
    if (deps.teamId) await deps.slackStore.removeTeam(deps.teamId);
  });
  app.event('tokens_revoked', async ({ event, context }) => {
    const deps = depsOf(context);
    if ((event.tokens.bot?.length ?? 0) > 0 && deps.teamId) await deps.slackStore.removeTeam(deps.teamId);
  });
}
