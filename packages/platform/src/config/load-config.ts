import { ConfigError } from '../http/errors.js';
import { type WorkerConfig, WorkerConfigSchema } from './env-schema.js';

const cache = new WeakMap<object, WorkerConfig>();

/**
 * Parses the worker's config from its env once per isolate (the env object is the same across requests).
 * Throws ConfigError naming every bad variable; secrets' values never appear in the message.
 */
export function loadConfig(env: object): WorkerConfig {
  const hit = cache.get(env);
  if (hit) return hit;
  const parsed = WorkerConfigSchema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(
      `invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  cache.set(env, parsed.data);
  return parsed.data;
}
