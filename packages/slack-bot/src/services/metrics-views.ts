import {
  addCounters,
  addDays,
  COMPUTED_FROM,
  type Counters,
  emptyCounters,
  metricsFromCounters,
} from '@support-metrics/core';
import type { DimensionNames, MetricsQuery, Stores } from '@support-metrics/platform';
import { dimensionIdOf } from '../blocks/dimension-labels.js';
import type { KpiView, MetricView } from '../blocks/metrics-blocks.js';
import {
  type CommandFilters,
  type DayWindow,
  previousWindow,
  resolveWindow,
  type WindowSpec,
} from '../commands/parse-command.js';

/** The rollups' filters of a command: `group:` and `brand:` by id, or by a synced name (`group:Tier2`). */
export function rollupFilters(f: CommandFilters, names?: DimensionNames): MetricsQuery['filters'] {
  return {
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.group ? { grp: dimensionIdOf(names, 'group', f.group) } : {}),
    ...(f.brand ? { brand: dimensionIdOf(names, 'brand', f.brand) } : {}),
  };
}

/** What the views read: the cases' rollups and the group and brand names. */
export type ViewStores = Pick<Stores, 'cases' | 'names'>;

/** The headline KPIs of a window and of the period before it, from the store's daily rollups. */
export async function kpiView(
  stores: ViewStores,
  tenantId: string,
  q: { window: WindowSpec; filters: CommandFilters; commandText: string; today: string },
): Promise<KpiView> {
  const store = stores.cases;
  const window = resolveWindow(q.window, q.today);
  const previous = previousWindow(window);
  const names = await stores.names.names(tenantId);
  const filters = rollupFilters(q.filters, names);
  const [current, before] = await Promise.all([
    store.metrics(tenantId, { ...window, filters }),
    store.metrics(tenantId, { ...previous, filters }),
  ]);
  return {
    window,
    previous,
    filters: q.filters,
    names,
    counts: current.counts,
    current: current.metrics,
    before: before.metrics,
    commandText: q.commandText,
  };
}

/** Counters summed into buckets of `size` days ending on `to`, oldest first (for trends and sparklines). */
export function bucketed(daily: ReadonlyMap<string, Counters>, to: string, buckets: number, size: number) {
  const out: { from: string; to: string; counters: Counters }[] = [];
  for (let b = buckets - 1; b >= 0; b--) {
    const end = addDays(to, -b * size);
    const start = addDays(end, -(size - 1));
    const counters = emptyCounters();
    for (let d = 0; d < size; d++) {
      const day = daily.get(addDays(start, d));
      if (day) addCounters(counters, day);
    }
    out.push({ from: start, to: end, counters });
  }
  return out;
}

/** One metric of a window: value, previous period, the last 8 weeks, and its breakdown by channel and group. */
export async function metricView(
  stores: ViewStores,
  tenantId: string,
  q: {
    metricId: string;
    def: MetricView['def'];
    window: WindowSpec;
    filters: CommandFilters;
    commandText: string;
    today: string;
  },
): Promise<MetricView> {
  const store = stores.cases;
  const window: DayWindow = resolveWindow(q.window, q.today);
  const previous = previousWindow(window);
  const names = await stores.names.names(tenantId);
  const filters = rollupFilters(q.filters, names);
  const weeks = 8;
  const [byChannel, byGroup, before, daily] = await Promise.all([
    store.metrics(tenantId, { ...window, filters, groupBy: 'channel' }),
    store.metrics(tenantId, { ...window, filters, groupBy: 'grp' }),
    store.metrics(tenantId, { ...previous, filters }),
    store.dailyCounters(tenantId, { from: addDays(window.to, -(weeks * 7 - 1)), to: window.to, filters }),
  ]);
  const result = byChannel.metrics[q.metricId];
  const trend = bucketed(daily, window.to, weeks, 7).map((b) => ({
    label: b.to.slice(5),
    value: metricsFromCounters(b.counters)[q.metricId]?.value ?? null,
  }));
  const breakdown = (m: typeof byChannel.metrics) =>
    Object.fromEntries(
      Object.entries(m[q.metricId]?.breakdown ?? {}).map(([k, v]) => [k, { value: v.value }]),
    );
  return {
    def: q.def,
    computedFrom: (COMPUTED_FROM as Record<string, string>)[q.metricId],
    window,
    filters: q.filters,
    names,
    result: result ? { ...result, breakdown: undefined } : undefined,
    before: before.metrics[q.metricId],
    trend,
    byChannel: breakdown(byChannel.metrics),
    byGroup: breakdown(byGroup.metrics),
    commandText: q.commandText,
  };
}
