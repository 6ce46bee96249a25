import { exports } from 'cloudflare:workers';
import { testHarness } from '@support-metrics/platform/test-support';
import { zendeskRequests } from '@support-metrics/zendesk-app/test-support';
import { storePlugins } from '../src/index.js';

/** The worker under test (its default export), as Cloudflare's `exports` gives it. */
const worker = (exports as unknown as { default: Fetcher }).default;

export { BASE, bytesOf, hmacHex, NOT_UTF8 } from '@support-metrics/platform/test-support';
export {
  organizationEvent,
  SECRET,
  ticketCreated,
  ticketEvent,
  zendeskSignature,
} from '@support-metrics/zendesk-app/test-support';

/**
 * The worker's stores over the test's local D1, built as the worker builds them (with the plugins' parts), and a
 * tenant with an API token (idempotent).
 */
export const { testStores, seedTenant } = testHarness(storePlugins);

/** Signed Zendesk webhooks and bearer-token API reads through the real worker. */
export const { postWebhook, api } = zendeskRequests((request) => worker.fetch(request));
