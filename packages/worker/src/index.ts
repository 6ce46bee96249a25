import {
  type AppEnv,
  apiRoutes,
  type Bindings,
  loadConfig,
  notFound,
  onError,
  platform,
  pluginStatus,
  runScheduledJobs,
} from '@support-metrics/platform';
import { zendeskRoutes, zendeskSyncRoutes } from '@support-metrics/zendesk-app';
import { Hono } from 'hono';

// Wiring only: routes come from the plugin packages, the store and config from the platform.
const app = new Hono<AppEnv>();
app.use('*', platform());
app.get('/', (c) => c.json({ name: 'support-metrics', plugins: pluginStatus(c.var.config) }));
app.route('/api/sync/zendesk', zendeskSyncRoutes());
app.route('/api', apiRoutes());
app.route('/', zendeskRoutes());
app.onError(onError);
app.notFound(notFound);

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(
      runScheduledJobs({
        db: env.DB,
        config: loadConfig(env),
        cron: controller.cron,
        at: new Date(controller.scheduledTime),
      }),
    );
  },
} satisfies ExportedHandler<Bindings>;

export { app };
