import { z } from 'zod';
import { ConfigError } from '../http/errors.js';
import { type PlatformConfig, PlatformConfigSchema, type WorkerConfig } from './env-schema.js';

/** One feature of a plugin as `GET /` shows it: on (in a mode), or off with what to set. */
export interface PluginState {
  enabled: boolean;
  mode?: string;
  message?: string;
}

/**
 * What a plugin declares about its configuration: its variables (a zod schema over the env: their names, defaults and
 * checks) and, from the validated config, which of its features are on (for `GET /`, `pnpm start` and the maturity
 * evidence). Each plugin exports one from its `src/config.ts`; the worker composes them (composeConfig).
 *
 * @example export const slackConfig: PluginConfig<typeof SlackConfigSchema> = { schema: SlackConfigSchema, status: (c) => ({ slack: slackState(c) }) }
 */
export interface PluginConfig<S extends z.ZodObject = z.ZodObject> {
  /** The plugin's variables. Keys are env names; no two plugins (nor the platform) may declare the same one. */
  schema: S;
  /** Each feature's state, keyed by feature (`zendeskWebhooks`, `slack`, …), in the order `GET /` lists them. */
  status(config: WorkerConfig): Record<string, PluginState>;
}

/**
 * A feature that needs every one of `names`: on, or off naming those still missing (the 503 `not_configured` says the
 * same).
 *
 * @example featureState(config, ['JIRA_WEBHOOK_SECRET']) // { enabled: false, message: 'set JIRA_WEBHOOK_SECRET to enable' }
 */
export function featureState<C extends object>(config: C, names: readonly (keyof C & string)[]): PluginState {
  const missing = names.filter((n) => !config[n]);
  return missing.length === 0
    ? { enabled: true }
    : { enabled: false, message: `set ${missing.join(', ')} to enable` };
}

/** The worker's whole configuration: the platform's schema composed with each plugin's (`T`: what it yields). */
export interface ComposedConfig<T = object> {
  /** One schema over the whole env (the platform's and every plugin's, intersected): each part's checks and paths. */
  schema: z.ZodType<T, object>;
  /** The env parsed once per env object (per isolate); ConfigError naming every bad variable, never a value. */
  load(env: object): WorkerConfig;
  /** Every plugin's features, in the order of the parts. */
  status(config: WorkerConfig): Record<string, PluginState>;
}

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** What the composition of `P` yields: the platform's fields and each part's. */
export type ComposedFields<P extends readonly PluginConfig[]> = PlatformConfig &
  Intersection<z.infer<P[number]['schema']>>;

/**
 * The WorkerConfig fields that a composition does not yield: `never` when every plugin that adds fields to WorkerConfig
 * is composed. The worker checks it when compiling (a plugin left out is named in the error).
 */
export type NotComposed<C extends { schema: z.ZodType<unknown, object> }> = Exclude<
  keyof WorkerConfig,
  keyof z.output<C['schema']>
>;

const keysOf = (schema: z.ZodObject) => Object.keys(schema.shape);

/**
 * Composes the platform's config with the plugins' into the one schema the worker validates its env with at start-up
 * (the first request of an isolate, and each cron run). Throws (a plain Error: a wiring mistake, not bad input) when
 * two parts declare the same variable.
 *
 * @example const workerConfig = composeConfig([zendeskConfig, slackConfig, jiraConfig])
 */
export function composeConfig<const P extends readonly PluginConfig[]>(
  plugins: P,
): ComposedConfig<ComposedFields<P>> {
  const owner = new Map(keysOf(PlatformConfigSchema).map((k) => [k, 'the platform']));
  plugins.forEach((p, i) => {
    for (const k of keysOf(p.schema)) {
      const before = owner.get(k);
      if (before) throw new Error(`config part ${i} declares ${k}, already declared by ${before}`);
      owner.set(k, `config part ${i}`);
    }
  });
  // An intersection parses the env with every part's schema (each strips what is not its own) and reports the
  // issues of all of them together, each at its variable's path.
  const schema = plugins.reduce<z.ZodType<object, object>>(
    (all, p) => z.intersection(all, p.schema),
    PlatformConfigSchema,
  ) as z.ZodType<ComposedFields<P>, object>;
  const cache = new WeakMap<object, WorkerConfig>();
  return {
    schema,
    load(env) {
      const hit = cache.get(env);
      if (hit) return hit;
      const parsed = schema.safeParse(env);
      if (!parsed.success)
        throw new ConfigError(
          `invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      // The parts' fields are WorkerConfig's: each plugin declares its own there (and NotComposed checks the list).
      const config = parsed.data as unknown as WorkerConfig;
      cache.set(env, config);
      return config;
    },
    status: (config) => Object.assign({}, ...plugins.map((p) => p.status(config))),
  };
}
