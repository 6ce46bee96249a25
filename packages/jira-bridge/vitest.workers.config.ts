import { fileURLToPath } from 'node:url';
import { SHARED_DATA } from '../core/src/test-support/shared-data.js';
import { workersProject } from '../platform/src/test-support/workers-project.js';

// The Jira bridge's routes inside workerd (see workersProject): jira.js and Atlassian's JWKS over msw.
export default workersProject({
  name: 'jira-bridge-workers',
  sharedData: SHARED_DATA,
  bindings: {
    JIRA_WEBHOOK_SECRET: 'test-jira-webhook-secret',
    JIRA_BASE_URL: 'https://acme.atlassian.net',
    JIRA_EMAIL: 'bot@acme.com',
    JIRA_API_TOKEN: 'test-jira-api-token',
  },
  alias: {
    // The Forge app's side of the Forge Remote contract (zod only), which forge-routes.test.ts parses the routes'
    // answers with. A path, not a dependency: packages/jira-app depends on this package, and a dependency back
    // would be a workspace cycle (pnpm -r refuses it); the worker's devDependency on jira-app names it for real.
    '@support-metrics/jira-app/contract': fileURLToPath(
      new URL('../jira-app/src/view/remote-contract.ts', import.meta.url),
    ),
  },
});
