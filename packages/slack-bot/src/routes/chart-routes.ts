import { type AppEnv, apiError, NotConfiguredError } from '@support-metrics/platform';
import { Hono } from 'hono';
import { ChartUrlError, readChartToken } from '../charts/chart-url.js';
import { trendChartPng } from '../charts/trend-chart.js';

/**
 * `GET /slack/charts/<payload>.<signature>.png`: a trend chart drawn from its signed URL, for Slack's image
 * blocks (Slack fetches images itself, without credentials, so the URL is the credential). A forged or changed URL
 * is 404, an expired one 410; the PNG is cached a day (the same URL always draws the same image).
 *
 * @example app.route('/slack', chartRoutes())
 */
export function chartRoutes(opts: { now?: () => number } = {}) {
  const routes = new Hono<AppEnv>();
  const now = opts.now ?? Date.now;
  routes.get('/charts/:token', async (c) => {
    const secret = c.var.config.SLACK_SIGNING_SECRET;
    if (!secret) throw new NotConfiguredError(['SLACK_SIGNING_SECRET']);
    let spec: Awaited<ReturnType<typeof readChartToken>>;
    try {
      spec = await readChartToken(secret, c.req.param('token'), now());
    } catch (e) {
      if (!(e instanceof ChartUrlError)) throw e;
      if (e.expired) throw apiError(410, 'expired', 'this chart link has expired');
      throw apiError(404, 'not_found', 'no such chart');
    }
    return c.body(new Uint8Array(trendChartPng(spec)), 200, {
      'content-type': 'image/png',
      'cache-control': 'public, max-age=86400, immutable',
      'x-content-type-options': 'nosniff',
    });
  });
  return routes;
}
