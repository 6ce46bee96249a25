import type { WorkerConfig } from '../config/env-schema.js';
import type { Stores } from '../store/stores.js';

/** Bindings of the worker (wrangler.jsonc and secrets). */
export interface Bindings {
  DB: D1Database;
  DEFAULT_TENANT?: string;
  ZENDESK_SUBDOMAIN?: string;
  ZENDESK_EMAIL?: string;
  ZENDESK_API_TOKEN?: string;
  ZENDESK_WEBHOOK_SECRET?: string;
  SLACK_SIGNING_SECRET?: string;
  SLACK_BOT_TOKEN?: string;
  SLACK_CLIENT_ID?: string;
  SLACK_CLIENT_SECRET?: string;
  SLACK_STATE_SECRET?: string;
  JIRA_BASE_URL?: string;
  JIRA_EMAIL?: string;
  JIRA_API_TOKEN?: string;
  JIRA_WEBHOOK_SECRET?: string;
  SUPPORT_METRICS_DEMO_TOKEN?: string;
}

/** Per-request values set by the platform middleware. */
export interface Variables {
  config: WorkerConfig;
  /** The stores, built once per request (createStores). */
  stores: Stores;
  /** The tenant the request acts for (from its token, or its route). */
  tenantId: string;
  /**
   * The Zendesk agent of a signed sidebar request (the verified claims of its JWT: zendesk-app's sidebarAuth); unset
   * for API-token requests. What the worker records as who did it, instead of what a body says.
   */
  agent?: { id: string; email: string | null; name: string | null; role: string | null };
}

/** The hono Env every plugin's routes are typed with. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
