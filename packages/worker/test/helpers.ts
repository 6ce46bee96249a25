import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { testHarness } from '@support-metrics/platform/test-support';
import { zendeskRequests } from '@support-metrics/zendesk-app/test-support';
import worker, { storePlugins } from '../src/index.js';

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

/**
 * The worker's own fetch handler (its default export), called with the test's bindings and a fresh execution context
 * (its waitUntil work runs on, unawaited, as on Cloudflare). Not through Cloudflare's `exports.default`: under
 * vitest-pool-workers each request through that self-binding is slower than the one before (cloudflare/workers-sdk
 * #15446), which made the thousand-request fuzz file take minutes; wiring.test.ts still goes through it once.
 */
const fetchWorker = async (request: Request): Promise<Response> =>
  worker.fetch(request, env as never, createExecutionContext());

/** Signed Zendesk webhooks and bearer-token API reads through the real worker. */
export const { postWebhook, api } = zendeskRequests(fetchWorker);
