import { App, type AuthorizeResult } from '@slack/bolt';
import { registerCommand } from '../listeners/command-listener.js';
import { registerEvents } from '../listeners/event-listeners.js';
import { registerHome } from '../listeners/home-listeners.js';
import { registerMaturity } from '../listeners/maturity-actions.js';
import { registerShare } from '../listeners/share-action.js';
import { registerSwarmInteractions } from '../listeners/swarm-actions.js';
import { slackLogger, WEB_API_RETRIES, WEB_API_TIMEOUT_MS, workersFetch } from '../services/slack-client.js';
import { WorkerReceiver } from './worker-receiver.js';

/**
 * The authorisation of each request, found by the route before dispatch (keyed by the parsed body, which bolt
 * hands back to `authorize`): bolt then never calls auth.test.
 */
export const requestAuth = new WeakMap<object, AuthorizeResult>();

/**
 * The bolt App with every listener, on a WorkerReceiver. One per isolate (listeners are stateless; per-request
 * values travel in `context.sm`).
 *
 * @example const { app, receiver } = createBoltApp({ fetch });
 */
export function createBoltApp(opts: { fetch?: typeof fetch } = {}) {
  const receiver = new WorkerReceiver();
  const app = new App({
    receiver,
    authorize: async (_source, body) => {
      const auth = body ? requestAuth.get(body as object) : undefined;
      if (!auth) throw new Error('request reached bolt without authorisation');
      return auth;
    },
    clientOptions: {
      fetch: workersFetch(opts.fetch),
      retryConfig: WEB_API_RETRIES,
      timeout: WEB_API_TIMEOUT_MS,
    },
    logger: slackLogger,
    ignoreSelf: false,
  });
  registerCommand(app);
  registerShare(app);
  registerSwarmInteractions(app);
  registerMaturity(app);
  registerEvents(app);
  registerHome(app);
  return { app, receiver };
}
