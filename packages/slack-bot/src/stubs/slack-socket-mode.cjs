// @slack/bolt requires @slack/socket-mode for its SocketModeReceiver; socket mode pulls in undici, which does not
// load on workerd (node:sqlite, node:console). The worker receives Slack over HTTP (WorkerReceiver) and never
// uses socket mode, so the worker's wrangler.jsonc and every vitest config that loads bolt alias the package to this
// stub (CommonJS, as bolt requires it).
class SocketModeClient {
  constructor() {
    throw new Error('Slack socket mode is not available on Cloudflare Workers: use the HTTP request URL');
  }
}
module.exports = { SocketModeClient };
