import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { z } from 'zod';
import { FORGE_ISSUER } from './forge-config.js';

/** A Forge Invocation Token that is missing, not signed by Atlassian, expired, for another app or another site. */
export class InvocationTokenError extends Error {
  override name = 'InvocationTokenError';
}

/** Atlassian's signing keys could not be had (no answer, not 200, not a key set): no token can be checked now. */
export class SigningKeysUnavailableError extends Error {
  override name = 'SigningKeysUnavailableError';
}

const Text = z.string().min(1).max(512);

/**
 * The claims of a Forge Invocation Token the worker reads (Forge remote essentials): the app and its installation, the
 * site's API base (`https://api.atlassian.com/ex/jira/<cloudId>`), the product context of a UI call, the user.
 */
export const InvocationClaimsSchema = z.looseObject({
  app: z.looseObject({
    id: Text,
    installationId: Text,
    apiBaseUrl: z.url({ protocol: /^https$/ }).max(512),
    environment: z.looseObject({ type: Text, id: Text }).optional(),
    module: z.looseObject({ type: Text, key: Text }).optional(),
  }),
  context: z
    .looseObject({
      cloudId: Text.optional(),
      moduleKey: Text.optional(),
      extension: z
        .looseObject({
          issue: z.looseObject({ key: Text.optional(), id: z.unknown().optional() }).optional(),
        })
        .optional(),
    })
    .optional(),
  principal: Text.optional(),
  jti: Text.optional(),
});
export type InvocationClaims = z.infer<typeof InvocationClaimsSchema>;

/** A verified invocation: who (the installation, the site, the user) as Atlassian signed it. */
export interface ForgeInvocation {
  appId: string;
  installationId: string;
  /** The Jira site's cloud id (from `app.apiBaseUrl`; `context.cloudId` must agree). */
  cloudId: string;
  apiBaseUrl: string;
  /** The Atlassian account of the user of a UI call; absent for triggers. */
  accountId: string | null;
  /** The issue of the issue panel's context, as Jira signed it; null elsewhere. */
  contextIssueKey: string | null;
  /** The token's id (`jti`): a replayed trigger is recognised by it. */
  tokenId: string | null;
}

const jwksByUrl = new Map<string, JWTVerifyGetKey>();

/**
 * Atlassian's signing keys at `url`, fetched once per isolate and again when a token names a key not seen yet (jose's
 * remote key set: cached, with a cooldown between fetches).
 */
export function forgeKeys(url: string): JWTVerifyGetKey {
  let keys = jwksByUrl.get(url);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url), { cacheMaxAge: 3_600_000, cooldownDuration: 30_000 });
    jwksByUrl.set(url, keys);
  }
  return keys;
}

/** `https://api.atlassian.com/ex/jira/<cloudId>` → the cloud id; null for anything else. */
export function cloudIdOf(apiBaseUrl: string): string | null {
  const m = /^\/ex\/jira\/([0-9a-zA-Z-]{1,64})\/?$/.exec(new URL(apiBaseUrl).pathname);
  return m?.[1] ?? null;
}

/**
 * Verifies a Forge Invocation Token with jose: RS256 signature by a key of Atlassian's published JWKS, `iss`
 * forge/invocation-token, `aud` our app id (and `app.id` the same), `exp` and `nbf` (60 s of clock skew), and a Jira
 * site in `app.apiBaseUrl` that the UI context's `cloudId`, when present, agrees with. Anything else is an
 * InvocationTokenError (401); why is said in its message, never the token.
 *
 * @example const fit = await verifyInvocationToken(token, { appId, keys: forgeKeys(FORGE_JWKS_URL) });
 */
export async function verifyInvocationToken(
  token: string,
  opts: { appId: string; keys: JWTVerifyGetKey; now?: Date },
): Promise<ForgeInvocation> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, opts.keys, {
      issuer: FORGE_ISSUER,
      audience: opts.appId,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iat', 'aud', 'iss'],
      clockTolerance: 60,
      ...(opts.now ? { currentDate: opts.now } : {}),
    }));
  } catch (e) {
    if (keysUnavailable(e))
      throw new SigningKeysUnavailableError(
        `Atlassian's signing keys could not be fetched: ${(e as Error).name}`,
      );
    throw new InvocationTokenError(`the Forge invocation token is not valid: ${reasonOf(e)}`);
  }
  const claims = InvocationClaimsSchema.safeParse(payload);
  if (!claims.success)
    throw new InvocationTokenError(
      `the Forge invocation token lacks ${claims.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  const { app, context, principal, jti } = claims.data;
  if (app.id !== opts.appId) throw new InvocationTokenError('the token is for another app');
  const cloudId = cloudIdOf(app.apiBaseUrl);
  if (!cloudId) throw new InvocationTokenError('the token names no Jira site (app.apiBaseUrl)');
  if (context?.cloudId !== undefined && context.cloudId !== cloudId)
    throw new InvocationTokenError("the token's context is another site than its installation");
  return {
    appId: app.id,
    installationId: app.installationId,
    cloudId,
    apiBaseUrl: app.apiBaseUrl.replace(/\/$/, ''),
    accountId: principal ?? null,
    contextIssueKey: context?.extension?.issue?.key ?? null,
    tokenId: jti ?? null,
  };
}

/** jose's remote key set failing (timeout, not 200, not JSON) or the network under it, as opposed to a bad token. */
function keysUnavailable(e: unknown): boolean {
  if (e instanceof errors.JWKSTimeout) return true;
  if (!(e instanceof errors.JOSEError)) return true;
  return e.constructor === errors.JOSEError && /JSON Web Key Set/.test(e.message);
}

function reasonOf(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'expired';
  if (e instanceof errors.JWTClaimValidationFailed) return `claim ${e.claim} ${e.reason}`;
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'the signature does not verify';
  if (e instanceof errors.JWKSNoMatchingKey) return 'signed by a key Atlassian does not publish';
  if (e instanceof errors.JWKSTimeout || e instanceof errors.JOSEError) return (e as Error).message;
  return 'malformed';
}
