import {
  addCounters,
  addDays,
  emptyCounters,
  getMetricDefinition,
  type MetricResult,
  metricsFromCounters,
} from '@support-metrics/core';
import type { Stores, WorkerConfig } from '@support-metrics/platform';
import { agingAlertMessage, dailyPostMessage } from '../blocks/daily-post-blocks.js';
import { HEADLINE_KPIS } from '../blocks/metrics-blocks.js';
import {
  type ChartImage,
  type ChartUrlMaker,
  chartImage,
  chartUrlMaker,
  trendSpecs,
} from '../charts/chart-service.js';
import { jiraBaseUrlOf } from '../routes/slack-routes.js';
import { agingWithExperts } from '../services/aging-service.js';
import { resolveSlackAuth, webClient } from '../services/slack-client.js';
import { type SlackStore, type Subscription, slackStoreOf } from '../store/slack-store.js';

/** The date and time at an instant in a time zone: `{ day: '2026-11-23', time: '09:15' }`. */
export function localClock(at: Date, timeZone: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The daily post of a tenant for a day (a UTC rollup day): KPIs, 7-day trend, incompleteness, aging, bugs. */
export async function buildDailyPost(
  deps: {
    tenantId: string;
    stores: Stores;
    slackStore: SlackStore;
    now: () => Date;
    chartUrl?: ChartUrlMaker | null;
  },
  day: string,
) {
  const [{ metrics, counts }, daily, reasons, aging, bugs, settings, outcomes] = await Promise.all([
    deps.stores.cases.metrics(deps.tenantId, { from: day, to: day }),
    deps.stores.cases.dailyCounters(deps.tenantId, { from: addDays(day, -6), to: day }),
    deps.slackStore.incompleteReasons(deps.tenantId, `${day}T00:00:00Z`, `${addDays(day, 1)}T00:00:00Z`),
    agingWithExperts(deps, 8),
    deps.stores.bugLinks.rankedBugs(deps.tenantId, {
      sort: 'new',
      newSince: `${day}T00:00:00Z`,
      newUntil: `${addDays(day, 1)}T00:00:00Z`,
      limit: 5,
    }),
    deps.stores.tenants.tenantSettings(deps.tenantId),
    // What incompleteness cost over the last 30 days (one line of the post).
    deps.stores.cases.completenessOutcomes(deps.tenantId, { from: addDays(day, -29), to: day }),
  ]);
  const trend: Record<string, (number | null)[]> = {};
  for (let d = 6; d >= 0; d--) {
    const counters = emptyCounters();
    const row = daily.get(addDays(day, -d));
    if (row) addCounters(counters, row);
    const m = metricsFromCounters(counters);
    for (const id of HEADLINE_KPIS) trend[id] = [...(trend[id] ?? []), m[id]?.value ?? null];
  }
  return dailyPostMessage({
    day,
    metrics,
    trend,
    charts: deps.chartUrl ? await dailyCharts(deps, deps.chartUrl, day, metrics) : [],
    counts,
    incompleteReasons: reasons,
    created: counts.created,
    outcomes,
    aging,
    bugs: bugs.filter((b) => b.newCases > 0),
    jiraBaseUrl: jiraBaseUrlOf(settings),
  });
}

/**
 * The charts of a daily post: the headline KPIs that were worse than the industry average or missed their target
 * yesterday (at most two), else case completeness; each the 8 weeks to the day against the 8 before.
 */
async function dailyCharts(
  deps: { tenantId: string; stores: Stores },
  make: ChartUrlMaker,
  day: string,
  metrics: Record<string, MetricResult>,
): Promise<ChartImage[]> {
  const missed = HEADLINE_KPIS.filter((id) => {
    const status = metrics[id]?.status;
    return status === 'worse_than_average' || status === 'target_missed';
  }).slice(0, 2);
  const ids = missed.length ? missed : (['case_completeness'] as const);
  const specs = await trendSpecs(deps.stores.cases, deps.tenantId, {
    metricIds: ids,
    to: day,
    results: metrics,
  });
  const out: ChartImage[] = [];
  for (const id of ids) {
    const spec = specs[id];
    if (spec) out.push(await chartImage(make, spec, `${getMetricDefinition(id).name}, weekly`));
  }
  return out;
}

export interface SlackJobsContext {
  stores: Stores;
  config: WorkerConfig;
  at: Date;
  fetch?: typeof fetch;
}

export interface SlackJobsResult {
  posted: number;
  agingAlerts: number;
  failed: number;
}

/**
 * The Slack cron work (every 15 minutes): each subscribed channel gets its daily post once its local time has
 * come — exactly once per local day, claimed in D1 before posting (a second cron run or a retried worker finds the
 * claim) and released if Slack refuses, so the next run tries again. Then aging alerts: open cases newly past their
 * cohort's threshold, flagged at most once per case per day, to every subscribed channel of the tenant.
 */
export async function runSlackJobs(ctx: SlackJobsContext): Promise<SlackJobsResult> {
  const result: SlackJobsResult = { posted: 0, agingAlerts: 0, failed: 0 };
  if (!ctx.config.SLACK_SIGNING_SECRET) return result;
  const slackStore = slackStoreOf(ctx.stores);
  const byTenant = new Map<string, Subscription[]>();
  for (const s of await slackStore.subscriptions())
    byTenant.set(s.tenantId, [...(byTenant.get(s.tenantId) ?? []), s]);
  const now = () => ctx.at;
  const at = ctx.at.toISOString();

  for (const [tenantId, subs] of byTenant) {
    // Charts on the configured public address (the cron has no request to take it from).
    const chartUrl = chartUrlMaker(ctx.config, ctx.config.PUBLIC_URL ?? null, () => ctx.at.getTime());
    const deps = { tenantId, stores: ctx.stores, slackStore, now, chartUrl };
    const clients = new Map<string, ReturnType<typeof webClient> | null>();
    const clientFor = async (teamId: string) => {
      if (!clients.has(teamId)) {
        const auth = await resolveSlackAuth(ctx.config, slackStore, { tenantId, teamId });
        clients.set(teamId, auth ? webClient(auth.botToken, ctx.fetch) : null);
      }
      return clients.get(teamId) ?? null;
    };

    for (const sub of subs) {
      const local = localClock(ctx.at, sub.timeZone);
      if (local.time < sub.localTime) continue;
      const client = await clientFor(sub.teamId);
      if (!client) continue;
      if (!(await slackStore.claimPost(tenantId, sub.channelId, local.day, at))) continue;
      try {
        const message = await buildDailyPost(deps, addDays(local.day, -1));
        const posted = await client.chat.postMessage({
          channel: sub.channelId,
          text: message.text,
          blocks: message.blocks,
        });
        await slackStore.markPostSent(tenantId, sub.channelId, local.day, posted.ts ?? '');
        result.posted++;
      } catch (e) {
        await slackStore.releasePost(tenantId, sub.channelId, local.day);
        console.error(`daily post failed: ${(e as Error)?.name ?? 'Error'}`);
        result.failed++;
      }
    }

    const aging = await agingWithExperts(deps, 20);
    const fresh = [];
    for (const a of aging)
      if (
        await slackStore.claimAgingAlert(
          tenantId,
          a.caseId,
          at.slice(0, 10),
          { hours: a.thresholdHours, cohort: a.cohort },
          at,
        )
      )
        fresh.push(a);
    if (fresh.length === 0) continue;
    const message = agingAlertMessage(fresh);
    for (const sub of subs) {
      const client = await clientFor(sub.teamId);
      if (!client) continue;
      try {
        await client.chat.postMessage({ channel: sub.channelId, text: message.text, blocks: message.blocks });
        result.agingAlerts++;
      } catch (e) {
        console.error(`aging alert failed: ${(e as Error)?.name ?? 'Error'}`);
        result.failed++;
      }
    }
  }
  return result;
}
