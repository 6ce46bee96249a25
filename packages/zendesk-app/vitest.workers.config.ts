import { SHARED_DATA } from '../core/src/test-support/shared-data.js';
import { workersProject } from '../platform/src/test-support/workers-project.js';

// The Zendesk app's routes inside workerd (see workersProject): signed webhooks with Zendesk's real payloads through
// src/test-support/wiring.ts, msw as Zendesk's API.
export default workersProject({
  name: 'zendesk-app-workers',
  sharedData: SHARED_DATA,
  bindings: { ZENDESK_WEBHOOK_SECRET: 'test-webhook-secret' },
});
