import { composeConfig, type PlatformPlugins } from '@support-metrics/platform';
import { testHarness } from '@support-metrics/platform/test-support';
import { jiraConfig } from '../config.js';
import { jiraCaseSaved } from '../store/case-saved.js';
import { JiraStore } from '../store/jira-store.js';

/**
 * The Jira bridge on the platform as the worker wires it, for its workers-pool tests: its config composed with the
 * platform's, its case-saved hook (links and outbox in the case's transaction) and its bug links.
 */
export const jiraPlugins: PlatformPlugins = {
  config: composeConfig([jiraConfig]),
  caseSaved: [jiraCaseSaved],
  bugLinks: (db) => new JiraStore(db),
};

/** The stores over the test's local D1 with the Jira bridge's parts, and a tenant with an API token. */
export const { testStores, seedTenant } = testHarness(jiraPlugins);
