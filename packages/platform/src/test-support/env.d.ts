import type { D1Migration } from '@cloudflare/vitest-pool-workers';
import type { Bindings } from '../http/app-env.js';

// The env of a workers-pool test (`cloudflare:workers`): the worker's bindings (each plugin adds its own to Bindings)
// and the migrations the setup file applies. Plugins' tsconfigs include this file for their workers-pool tests.
declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      /** Set by every workers-pool config (the sealed tenant settings open with it). */
      SETTINGS_SECRET: string;
    }
  }
}
