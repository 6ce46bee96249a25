import { PLUGIN_SECRETS, type WorkerConfig } from './env-schema.js';

/** Which plugins are on, and for those that are off, what to set: shown at `GET /` and by `pnpm start`. */
export function pluginStatus(config: WorkerConfig) {
  const state = (names: readonly (keyof WorkerConfig)[]) => {
    const missing = names.filter((n) => !config[n]);
    return missing.length === 0
      ? { enabled: true }
      : { enabled: false, message: `set ${missing.join(', ')} to enable` };
  };
  return {
    zendeskWebhooks: state(PLUGIN_SECRETS.zendeskWebhooks),
    zendeskApi: state(PLUGIN_SECRETS.zendeskApi),
  };
}
