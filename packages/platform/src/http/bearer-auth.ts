import { createMiddleware } from 'hono/factory';
import { sha256Hex } from '../crypto/digest.js';
import type { AppEnv } from './app-env.js';
import { apiError } from './errors.js';

/**
 * Authenticates `/api/*` with a per-tenant bearer token (stored as its SHA-256) and sets `tenantId`.
 * The Zendesk app sends the same token from its secure settings through Zendesk's proxy.
 * Missing or unknown token: 401.
 */
export const bearerAuth = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    // A signed sidebar request, verified already (zendesk-app's sidebarAuth set its tenant and agent).
    if (c.get('agent')) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw apiError(401, 'unauthorized', 'send Authorization: Bearer <token>');
    const tenantId = await c.var.stores.tenants.tenantForTokenHash(await sha256Hex(match[1]));
    if (!tenantId) throw apiError(401, 'unauthorized', 'unknown token');
    c.set('tenantId', tenantId);
    await next();
  });
