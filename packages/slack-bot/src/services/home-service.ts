import type { WebClient } from '@slack/web-api';
import { addDays, getMetricDefinition } from '@support-metrics/core';
import { type HomeData, homeView } from '../blocks/home-blocks.js';
import { HEADLINE_KPIS } from '../blocks/metrics-blocks.js';
import { type ChartImage, chartImage, trendSpecs } from '../charts/chart-service.js';
import { resolveWindow } from '../commands/parse-command.js';
import { openSwarmsOfUser } from '../store/home-store.js';
import { agingCases } from './aging-service.js';
import { kpiView } from './metrics-views.js';
import type { SlackDeps } from './slack-deps.js';

/** What the Home tab reads: the tenant's stores, its workspace, the clock. */
export type HomeDeps = Pick<
  SlackDeps,
  'tenantId' | 'teamId' | 'stores' | 'slackStore' | 'now' | 'jiraBaseUrl' | 'chartUrl'
>;

/**
 * The Home tab's data for a user, from the daily rollups and a few bounded reads (no Slack call, no case scan
 * beyond the open cases that aging needs): about ten D1 queries, cheap enough to run on every open.
 */
export async function homeData(deps: HomeDeps, userId: string): Promise<HomeData> {
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  const completenessWindow = resolveWindow({ kind: 'days', days: 30 }, today);
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const [kpis, specs, missing, aging, swarms, bugs, subscriptions] = await Promise.all([
    kpiView(deps.stores, deps.tenantId, {
      window: { kind: 'days', days: 7 },
      filters: {},
      commandText: '',
      today,
    }),
    // The 8 weeks to today and the 8 before, for every headline KPI, from one read of the rollups.
    trendSpecs(deps.stores.cases, deps.tenantId, {
      metricIds: HEADLINE_KPIS,
      to: today,
      results: Object.fromEntries(
        HEADLINE_KPIS.map((id) => {
          const def = getMetricDefinition(id);
          return [id, { benchmark: def.benchmark ?? null, target: def.target ?? null }];
        }),
      ),
    }),
    deps.slackStore.incompleteReasons(
      deps.tenantId,
      `${completenessWindow.from}T00:00:00Z`,
      `${addDays(completenessWindow.to, 1)}T00:00:00Z`,
      5,
    ),
    agingCases(deps, 8),
    openSwarmsOfUser(deps.stores.db, deps.tenantId, userId, 8),
    deps.stores.bugLinks.rankedBugs(deps.tenantId, {
      sort: 'new',
      newSince: weekAgo,
      newUntil: new Date(now.getTime() + 1).toISOString(),
      limit: 5,
    }),
    deps.slackStore.subscriptions(deps.tenantId),
  ]);
  const trend = Object.fromEntries(HEADLINE_KPIS.map((id) => [id, specs[id]?.values ?? []]));
  // A chart for each KPI measured in at least one of the weeks (the image is drawn when Slack fetches it).
  const charts: Record<string, ChartImage> = {};
  const make = deps.chartUrl;
  if (make)
    for (const id of HEADLINE_KPIS) {
      const spec = specs[id];
      if (spec?.values.some((v) => v !== null))
        charts[id] = await chartImage(make, spec, `${getMetricDefinition(id).name}, weekly`);
    }
  return {
    userId,
    window: kpis.window,
    previous: kpis.previous,
    counts: kpis.counts,
    current: kpis.current,
    before: kpis.before,
    trend,
    charts,
    missing,
    completenessWindow,
    aging: aging.cases,
    agingTotal: aging.total,
    swarms,
    bugs: bugs.filter((b) => b.newCases > 0),
    // A tenant may have several workspaces: each shows its own channels.
    subscriptions: subscriptions.filter((s) => !deps.teamId || s.teamId === deps.teamId),
    jiraBaseUrl: deps.jiraBaseUrl,
    at: now.toISOString(),
  };
}

/** Publishes a user's Home tab (views.publish). */
export async function publishHome(deps: HomeDeps, client: WebClient, userId: string): Promise<void> {
  await client.views.publish({ user_id: userId, view: homeView(await homeData(deps, userId)) });
}

/**
 * Publishes the Home tabs of the users a change concerns (a swarm started or closed: its people), at most ten,
 * best effort: a workspace without the Home tab (`not_enabled`) or a failing call must not undo the change.
 */
export async function refreshHomes(
  deps: HomeDeps,
  client: WebClient,
  userIds: readonly (string | null | undefined)[],
): Promise<number> {
  const users = [
    ...new Set(userIds.filter((u): u is string => typeof u === 'string' && /^[UW]/.test(u))),
  ].slice(0, 10);
  let published = 0;
  for (const user of users)
    try {
      await publishHome(deps, client, user);
      published++;
    } catch (e) {
      console.error(`home refresh failed: ${(e as Error)?.name ?? 'Error'}`);
    }
  return published;
}
