import type { EnvOf, PlatformConfigSchema, WorkerConfig } from '../config/env-schema.js';
import type { PluginState } from '../config/plugin-config.js';
import type { Stores } from '../store/stores.js';

/**
 * Bindings of the worker (wrangler.jsonc and secrets): the D1 database and the platform's variables as strings. Each
 * plugin adds its own variables to this interface beside its schema (`interface Bindings extends EnvOf<typeof
 * SlackConfigSchema> {}`), as it adds its fields to WorkerConfig.
 */
export interface Bindings extends EnvOf<typeof PlatformConfigSchema> {
  DB: D1Database;
  SUPPORT_METRICS_DEMO_TOKEN?: string;
}

/** Per-request values set by the platform middleware. */
export interface Variables {
  config: WorkerConfig;
  /** Every plugin's features, on or off (the composed config's status: what `GET /` lists). */
  plugins: Record<string, PluginState>;
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
