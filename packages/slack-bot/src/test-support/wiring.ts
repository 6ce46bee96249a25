import { JiraStore, jiraCaseSaved } from '@support-metrics/jira-bridge';
import { composeConfig, type PlatformPlugins } from '@support-metrics/platform';
import { testHarness } from '@support-metrics/platform/test-support';
import { slackConfig } from '../config.js';
import { slackHarness as harnessOf } from './slack-harness.js';

/**
 * The Slack plugin on the platform for its workers-pool tests: its config composed with the platform's, and the bug
 * tracker the worker wires beside it (the Jira bridge's case-saved hook and bug links), since Slack's `bugs`, case
 * cards and Home tab show what that port answers. A test-only dependency (devDependencies); the plugin's code never
 * imports the bridge.
 */
export const slackPlugins: PlatformPlugins = {
  config: composeConfig([slackConfig]),
  caseSaved: [jiraCaseSaved],
  bugLinks: (db) => new JiraStore(db),
};

/** The stores over the test's local D1 with these parts, and a tenant with an API token. */
export const { testStores, seedTenant } = testHarness(slackPlugins);

/** The Slack test harness (slack-harness.ts) over these parts. */
export const slackHarness = (users: Parameters<typeof harnessOf>[0] = []) => harnessOf(users, slackPlugins);
