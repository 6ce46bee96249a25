import { fileURLToPath } from 'node:url';
import { SHARED_DATA } from '../core/src/test-support/shared-data.js';
import { workersProject } from '../platform/src/test-support/workers-project.js';

// The Slack plugin's routes inside workerd (see workersProject): signed requests with Slack's real payloads through
// src/test-support/slack-harness.ts, msw as the Web API.
export default workersProject({
  name: 'slack-bot-workers',
  sharedData: SHARED_DATA,
  bindings: {
    // The signing secret of Slack's documented test vector (../shared/data/slack/PROVENANCE.txt).
    SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
    SLACK_BOT_TOKEN: 'xoxb-test-bot-token',
  },
  alias: {
    // As in the worker's wrangler.jsonc: bolt's socket mode (undici) does not load on workerd and is not used.
    '@slack/socket-mode': fileURLToPath(new URL('./src/stubs/slack-socket-mode.cjs', import.meta.url)),
  },
});
