import { jiraApiRoutes, jiraRoutes, runJiraJobs } from '@support-metrics/jira-bridge';
import {
  type AppEnv,
  apiRoutes,
  type Bindings,
  customerApiRoutes,
  loadConfig,
  notFound,
  onError,
  platform,
  pluginStatus,
  runScheduledJobs,
} from '@support-metrics/platform';
import { runSlackJobs, slackApiRoutes, slackRoutes } from '@support-metrics/slack-bot';
import { zendeskRoutes, zendeskSyncRoutes, zendeskTicketNotes } from '@support-metrics/zendesk-app';
import { Hono } from 'hono';

/** Swarm summaries and Jira fix notes go to Zendesk as internal notes, on the tenant's own Zendesk account. */
const ticketNotes = zendeskTicketNotes();

/** The cron of the daily housekeeping (wrangler.jsonc `triggers.crons`); the other one runs the Slack jobs. */
const HOUSEKEEPING_CRON = '0 3 * * *';

// Wiring only: routes come from the plugin packages, the store and config from the platform.
const app = new Hono<AppEnv>();
app.use('*', platform());
app.get('/', (c) => c.json({ name: 'support-metrics', plugins: pluginStatus(c.var.config) }));
app.route('/api/sync/zendesk', zendeskSyncRoutes());
app.route('/api', slackApiRoutes({ ticketNotes }));
app.route('/api', jiraApiRoutes());
app.route('/api', customerApiRoutes());
app.route('/api', apiRoutes());
app.route('/', zendeskRoutes());
app.route('/', slackRoutes({ ticketNotes }));
// A Jira delivery that changed something drains the outbox right away (impact to Jira, notes to Zendesk).
app.route(
  '/',
  jiraRoutes({
    onApplied: (c) =>
      c.executionCtx.waitUntil(
        runJiraJobs({ db: c.env.DB, config: c.var.config, at: new Date(), notes: ticketNotes }),
      ),
  }),
);
app.onError(onError);
app.notFound(notFound);

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const config = loadConfig(env);
    const at = new Date(controller.scheduledTime);
    // Every 15 minutes: the Slack daily posts that are due, aging alerts, and the outbox (Jira impact, Zendesk
    // notes); at 03:00 UTC, housekeeping.
    if (controller.cron === HOUSEKEEPING_CRON)
      ctx.waitUntil(runScheduledJobs({ db: env.DB, config, cron: controller.cron, at }));
    else
      ctx.waitUntil(
        Promise.all([
          runSlackJobs({ db: env.DB, config, at }),
          runJiraJobs({ db: env.DB, config, at, notes: ticketNotes }),
        ]),
      );
  },
} satisfies ExportedHandler<Bindings>;

export { app };
