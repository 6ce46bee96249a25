/**
 * Signed sidebar requests. The sidebar calls the worker through ZAF's proxy with its `jwt` option: Zendesk signs a
 * JWT (HS256) with the install's secure setting `signing_key` (scope `jwt_secret_key`), which only Zendesk and the
 * worker hold (per tenant: `tenant.ts zendesk-secrets` generates it, sets it on the installation and keeps it sealed as
 * the tenant's `zendeskAppKey`), and sends `Authorization: Bearer <jwt>`. This middleware, before every `/api` route,
 * verifies such a token with jose: HS256 only, signed with the key of the tenant whose `zendeskSubdomain` is the
 * token's `iss`, not expired, issued at most SIDEBAR_TOKEN_MAX_AGE seconds before it expires. Then the request acts
 * for that tenant, as the agent its claims name (`sub` id, `email`, `name`, `role`: what the worker records — who
 * linked a bug, who started a swarm — instead of anything the body says), and only on the routes the sidebar uses.
 * A bearer value that is not a JWT is left to the platform's API-token check (the CLI, the backfill, scripts).
 *
 * What the signature proves: the token was minted by Zendesk for this tenant's installation. The claims' values are
 * the ones the app's code passed to the proxy (from ZAF's `currentUser`), so they are as trustworthy as the code
 * Zendesk serves in the app's iframe — not a browser outside Zendesk, which cannot mint a token at all.
 */
import { type AppEnv, apiError } from '@support-metrics/platform';
import { createMiddleware } from 'hono/factory';
import { errors, jwtVerify } from 'jose';
import { z } from 'zod';

/** The longest lifetime (exp − iat) a sidebar token may have, in seconds: the sidebar asks for 5 minutes. */
export const SIDEBAR_TOKEN_MAX_AGE = 600;
/** The tolerance for clocks, in seconds. */
const CLOCK_TOLERANCE = 5;

/** The routes the sidebar calls (method, path pattern): a sidebar token reaches nothing else. */
export const SIDEBAR_ROUTES: readonly [string, RegExp][] = [
  ['GET', /^\/api\/cases\/[^/]+$/],
  ['POST', /^\/api\/links$/],
  ['GET', /^\/api\/customers\/[^/]+$/],
  ['POST', /^\/api\/swarms$/],
  ['GET', /^\/api\/policies$/],
];

/** The agent of a verified sidebar request. */
export const SidebarClaimsSchema = z.object({
  iss: z.string().min(1).max(100),
  sub: z.union([z.string(), z.number()]).transform(String),
  email: z.email().max(254).nullable().optional(),
  name: z.string().max(200).nullable().optional(),
  role: z.string().max(50).nullable().optional(),
  iat: z.number(),
  exp: z.number(),
});
export type SidebarAgent = { id: string; email: string | null; name: string | null; role: string | null };

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const unauthorized = (why: string) => apiError(401, 'unauthorized', `sidebar token refused: ${why}`);

/** The claims of a token without checking it: only to find which tenant's key to check it with. */
function unverifiedIssuer(token: string): string | null {
  try {
    const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload?.iss === 'string' ? payload.iss : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a sidebar token with `key` (the tenant's) and `issuer` (its Zendesk subdomain); the agent, or a
 * SidebarTokenError saying why not.
 * @example const agent = await verifySidebarToken(token, { key, issuer: 'acme', now: Date.now() });
 */
export async function verifySidebarToken(
  token: string,
  o: { key: string; issuer: string; now?: number },
): Promise<SidebarAgent> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(o.key), {
      algorithms: ['HS256'],
      issuer: o.issuer,
      requiredClaims: ['exp', 'iat', 'sub'],
      clockTolerance: CLOCK_TOLERANCE,
      ...(o.now === undefined ? {} : { currentDate: new Date(o.now) }),
    }));
  } catch (e) {
    throw new SidebarTokenError(
      e instanceof errors.JWTExpired
        ? 'expired'
        : e instanceof errors.JWSSignatureVerificationFailed
          ? 'bad signature'
          : e instanceof errors.JWTClaimValidationFailed
            ? `claim ${e.claim} ${e.reason}`
            : 'not a valid HS256 token',
    );
  }
  const claims = SidebarClaimsSchema.safeParse(payload);
  if (!claims.success) throw new SidebarTokenError('claims are not the sidebar’s');
  if (claims.data.exp - claims.data.iat > SIDEBAR_TOKEN_MAX_AGE)
    throw new SidebarTokenError(`lives longer than ${SIDEBAR_TOKEN_MAX_AGE} s`);
  const { sub, email, name, role } = claims.data;
  return { id: sub, email: email ?? null, name: name ?? null, role: role ?? null };
}

/** A sidebar token that does not verify. */
export class SidebarTokenError extends Error {
  override name = 'SidebarTokenError';
}

/**
 * The middleware (mount before the `/api` routes): a JWT bearer is verified, scoped to SIDEBAR_ROUTES and sets
 * `tenantId` and `agent`; anything else passes on to the API-token check.
 * @example app.use('/api/*', sidebarAuth())
 */
export const sidebarAuth = (opts: { now?: () => number } = {}) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token || !JWT_SHAPE.test(token)) return next();
    const path = new URL(c.req.url).pathname;
    if (!SIDEBAR_ROUTES.some(([method, pattern]) => method === c.req.method && pattern.test(path)))
      throw apiError(403, 'forbidden', 'a sidebar token reaches only the sidebar’s routes');
    const issuer = unverifiedIssuer(token);
    if (!issuer) throw unauthorized('no issuer');
    // The tenant whose Zendesk subdomain issued it (settings are cached for 30 s): exactly one, with a key.
    const stores = c.var.stores.tenants;
    const matches: { id: string; key: unknown }[] = [];
    for (const id of await stores.tenantIds()) {
      const settings = await stores.tenantSettings(id);
      if (settings?.zendeskSubdomain === issuer) matches.push({ id, key: settings.zendeskAppKey });
    }
    const [tenant] = matches;
    if (matches.length !== 1 || !tenant || typeof tenant.key !== 'string' || !tenant.key)
      throw unauthorized('no tenant holds a signing key for this Zendesk account');
    try {
      const agent = await verifySidebarToken(token, {
        key: tenant.key,
        issuer,
        ...(opts.now ? { now: opts.now() } : {}),
      });
      c.set('tenantId', tenant.id);
      c.set('agent', agent);
    } catch (e) {
      if (e instanceof SidebarTokenError) throw unauthorized(e.message);
      throw e;
    }
    await next();
  });
