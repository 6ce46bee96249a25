import type { WorkerConfig } from './env-schema.js';
import { type ComposedConfig, composeConfig } from './plugin-config.js';

/** The platform's config alone, for what needs no plugin (the platform's own tests, createStores). */
export const platformConfig: ComposedConfig = composeConfig([]);

/**
 * Parses the worker's config from its env once per isolate (the env object is the same across requests), with the
 * composed schema (the worker's: every plugin's part; the platform's alone by default).
 * Throws ConfigError naming every bad variable; secrets' values never appear in the message.
 *
 * @example const config = loadConfig(env, workerConfig)
 */
export function loadConfig(env: object, config: ComposedConfig = platformConfig): WorkerConfig {
  return config.load(env);
}
