import { type AppEnv, apiError, NotConfiguredError } from '@support-metrics/platform';
import { createMiddleware } from 'hono/factory';
import type { JWTVerifyGetKey } from 'jose';
import { forgeConfigOf } from './forge-config.js';
import { tenantOfSite } from './forge-tenant.js';
import {
  type ForgeInvocation,
  forgeKeys,
  InvocationTokenError,
  SigningKeysUnavailableError,
  verifyInvocationToken,
} from './invocation-token.js';

/** The hono Env of the Forge routes: the platform's, with the verified invocation and its app system token. */
export interface ForgeEnv extends AppEnv {
  Variables: AppEnv['Variables'] & {
    forge: ForgeInvocation;
    /** `x-forge-oauth-system`: the app's token for this invocation (endpoints with appSystemToken); never stored. */
    systemToken: string | null;
  };
}

/**
 * Verifies the Forge Invocation Token of every request before its body is read (Authorization: Bearer <FIT>), maps
 * the Jira site it names to a tenant and sets `tenantId`, `forge` and `systemToken`. A missing, forged, expired or
 * foreign token, or a site no tenant has, is 401 `invalid_token`; no FORGE_APP_ID is 503 not_configured.
 *
 * @example app.use('*', forgeAuth())
 */
export const forgeAuth = (opts: { keys?: (url: string) => JWTVerifyGetKey; now?: () => number } = {}) =>
  createMiddleware<ForgeEnv>(async (c, next) => {
    const forge = forgeConfigOf(c.env);
    if (!forge.FORGE_APP_ID) throw new NotConfiguredError(['FORGE_APP_ID']);
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (!match?.[1])
      throw apiError(401, 'invalid_token', 'send the Forge invocation token as Authorization: Bearer');
    let fit: ForgeInvocation;
    try {
      fit = await verifyInvocationToken(match[1], {
        appId: forge.FORGE_APP_ID,
        keys: (opts.keys ?? forgeKeys)(forge.FORGE_JWKS_URL),
        ...(opts.now ? { now: new Date(opts.now()) } : {}),
      });
    } catch (e) {
      if (e instanceof InvocationTokenError) throw apiError(401, 'invalid_token', e.message);
      // Not the caller's fault: Forge retries a trigger on 5xx, and the panel says to reload.
      if (e instanceof SigningKeysUnavailableError)
        throw apiError(503, 'upstream_unavailable', e.message, undefined, { 'retry-after': '30' });
      throw e;
    }
    const tenantId = await tenantOfSite(c.env.DB, c.var.config, forge, fit.cloudId);
    if (!tenantId) throw apiError(401, 'invalid_token', 'this Jira site is not connected to a tenant');
    c.set('tenantId', tenantId);
    c.set('forge', fit);
    c.set('systemToken', c.req.header('x-forge-oauth-system') ?? null);
    await next();
  });
