import {
  JiraStore,
  jiraApiRoutes,
  jiraCaseSaved,
  jiraConfig,
  jiraRoutes,
  runJiraJobs,
} from '@support-metrics/jira-bridge';
import { forgeRoutes } from '@support-metrics/jira-bridge/forge';
import {
  type AppEnv,
  apiRoutes,
  type Bindings,
  composeConfig,
  createStores,
  customerApiRoutes,
  type NotComposed,
  notFound,
  onError,
  type PlatformPlugins,
  platform,
  runScheduledJobs,
} from '@support-metrics/platform';
import {
  runSlackJobs,
  slackApiRoutes,
  slackConfig,
  slackEvidence,
  slackRoutes,
} from '@support-metrics/slack-bot';
import {
  sidebarAuth,
  zendeskConfig,
  zendeskRoutes,
  zendeskSyncRoutes,
  zendeskTicketNotes,
} from '@support-metrics/zendesk-app';
import { Hono } from 'hono';

/** Swarm summaries and Jira fix notes go to Zendesk as internal notes, on the tenant's own Zendesk account. */
const ticketNotes = zendeskTicketNotes();

/** The cron of the daily housekeeping (wrangler.jsonc `triggers.crons`); the other one runs the Slack jobs. */
const HOUSEKEEPING_CRON = '0 3 * * *';

/**
 * The worker's config: the platform's variables and each plugin's (their `src/config.ts`), validated together once per
 * isolate; `GET /` lists each plugin's features in this order.
 */
export const workerConfig = composeConfig([zendeskConfig, slackConfig, jiraConfig]);

// Checked when compiling: the composition yields every field the plugins add to WorkerConfig. A plugin left out of
// the list above fails here (`Missing` is then its fields), instead of reading its variables as unset at run time.
type Missing = NotComposed<typeof workerConfig>;
const everyPartComposed: [Missing] extends [never] ? true : Missing = true;
void everyPartComposed;

/**
 * What the plugins add to the platform: their config, and to the stores: the Jira bridge writes a case's links and
 * queues its issues' impact in the case's own transaction, and is the platform's case ↔ bug links; Slack counts its
 * swarms for the maturity pre-fill.
 */
export const storePlugins: PlatformPlugins = {
  config: workerConfig,
  caseSaved: [jiraCaseSaved],
  bugLinks: (db) => new JiraStore(db),
  evidence: [slackEvidence],
};

// Wiring only: routes come from the plugin packages, the stores and config from the platform.
const app = new Hono<AppEnv>();
app.use('*', platform(storePlugins));
app.get('/', (c) => c.json({ name: 'support-metrics', plugins: c.var.plugins }));
// A signed sidebar request (a Zendesk-minted JWT) is verified first and reaches only the sidebar's routes.
app.use('/api/*', sidebarAuth());
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
        runJiraJobs({ stores: c.var.stores, config: c.var.config, at: new Date(), notes: ticketNotes }),
      ),
  }),
);
// The Forge app (packages/jira-app) on Jira Cloud: its panel, page and triggers, each call with a Forge Invocation Token.
app.route('/forge/jira', forgeRoutes({ notes: ticketNotes }));
app.onError(onError);
app.notFound(notFound);

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const config = workerConfig.load(env);
    const stores = createStores(env.DB, config, storePlugins);
    const at = new Date(controller.scheduledTime);
    // Every 15 minutes: the Slack daily posts that are due, aging alerts, and the outbox (Jira impact, Zendesk
    // notes); at 03:00 UTC, housekeeping.
    if (controller.cron === HOUSEKEEPING_CRON)
      ctx.waitUntil(runScheduledJobs({ stores, cron: controller.cron, at }));
    else
      ctx.waitUntil(
        Promise.all([
          runSlackJobs({ stores, config, at }),
          runJiraJobs({ stores, config, at, notes: ticketNotes }),
        ]),
      );
  },
} satisfies ExportedHandler<Bindings>;

export { app };
