import { ConfigError } from '@support-metrics/platform';
import { z } from 'zod';

/**
 * Where Atlassian publishes the keys that sign Forge Invocation Tokens (Forge remote essentials, "Verifying remote
 * requests"). A test or a staging worker points FORGE_JWKS_URL elsewhere.
 */
export const FORGE_JWKS_URL = 'https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json';

/** The issuer of every Forge Invocation Token. */
export const FORGE_ISSUER = 'forge/invocation-token';

/** An app id as a FIT's `aud` and `app.id` carry it. */
export const APP_ARI_PREFIX = 'ari:cloud:ecosystem::app/';

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/**
 * The Forge app's configuration: its id (`app.id` of manifest.yml, the audience of its tokens; the bare UUID or the
 * ARI), where the signing keys are, and the Jira site of the default tenant. The app is off (503 not_configured) while
 * FORGE_APP_ID is absent.
 */
export const ForgeConfigSchema = z.object({
  FORGE_APP_ID: optional.transform((v) => (v && !v.startsWith(APP_ARI_PREFIX) ? `${APP_ARI_PREFIX}${v}` : v)),
  FORGE_JWKS_URL: optional.pipe(z.url({ protocol: /^https?$/ }).default(FORGE_JWKS_URL)),
  /** The cloud id of the default tenant's Jira site (other tenants: their setting `jiraCloudId`). */
  JIRA_CLOUD_ID: optional,
});
export type ForgeConfig = z.infer<typeof ForgeConfigSchema>;

const cache = new WeakMap<object, ForgeConfig>();

/**
 * The Forge configuration of the worker's bindings, validated once per bindings object.
 *
 * @example const { FORGE_APP_ID } = forgeConfigOf(c.env)
 */
export function forgeConfigOf(env: object): ForgeConfig {
  const hit = cache.get(env);
  if (hit) return hit;
  const parsed = ForgeConfigSchema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(
      `invalid Forge configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  cache.set(env, parsed.data);
  return parsed.data;
}
