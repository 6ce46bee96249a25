import { getMetricDefinition, type MetricId } from '@support-metrics/core';
import { withChart } from '../blocks/chart-blocks.js';
import type { Message } from '../blocks/metrics-blocks.js';
import { chartImage, trendSpecs } from '../charts/chart-service.js';
import { type Command, resolveWindow } from '../commands/parse-command.js';
import { rollupFilters } from '../services/metrics-views.js';
import type { SlackDeps } from '../services/slack-deps.js';

/**
 * `/support-metrics <metric>` with its trend chart: the 8 weeks to the window's end against the 8 before, the
 * industry average and the target, as an image block whose signed URL this worker serves. One more read of the
 * daily rollups; the image is drawn when Slack fetches it, so the answer is not slower to draw it.
 */
export async function withTrendChart(deps: SlackDeps, cmd: Command, message: Message): Promise<Message> {
  if (cmd.kind !== 'metric' || !deps.chartUrl) return message;
  const def = getMetricDefinition(cmd.metric.id as MetricId);
  if (def.unit === 'distribution') return message;
  const window = resolveWindow(cmd.window, deps.now().toISOString().slice(0, 10));
  const specs = await trendSpecs(deps.stores.cases, deps.tenantId, {
    metricIds: [def.id as MetricId],
    to: window.to,
    filters: rollupFilters(cmd.filters, await deps.stores.names.names(deps.tenantId)),
    results: { [def.id]: { benchmark: def.benchmark ?? null, target: def.target ?? null } },
  });
  const spec = specs[def.id];
  if (!spec) return message;
  return withChart(
    message,
    await chartImage(deps.chartUrl, spec, `${def.name}, weekly (last 8 weeks vs the 8 before)`),
  );
}
