import { type AppEnv, apiError, bearerAuth, invalidInput } from '@support-metrics/platform';
import { Hono } from 'hono';
import { z } from 'zod';
import { bugDetail, listBugs } from './services/impact-service.js';
import { JiraStore } from './services/jira-store.js';

/** Query of `GET /api/bugs`. */
export const BugsQuerySchema = z.object({
  sort: z.enum(['cases', 'customers', 'revenue']).default('cases'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/**
 * The tenant's bug impact (bearer token): `GET /api/bugs?sort=cases|customers|revenue` ranks the Jira issues its cases
 * are linked to by support demand, with each one's impact and bug-fix deflection and the total of shipped fixes;
 * `GET /api/bugs/:key` is one issue with the cases behind it.
 *
 * @example app.route('/api', jiraApiRoutes())
 */
export function jiraApiRoutes(opts: { now?: () => number } = {}) {
  const api = new Hono<AppEnv>();
  const now = opts.now ?? Date.now;
  api.use('/bugs', bearerAuth());
  api.use('/bugs/*', bearerAuth());

  api.get('/bugs', async (c) => {
    const parsed = BugsQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw invalidInput(parsed.error, 'query');
    const result = await listBugs(new JiraStore(c.env.DB), c.var.tenantId, {
      now: new Date(now()),
      ...parsed.data,
    });
    return c.json({ sort: parsed.data.sort, ...result });
  });

  api.get('/bugs/:key', async (c) => {
    const key = c.req.param('key').toUpperCase();
    const detail = await bugDetail(new JiraStore(c.env.DB), c.var.tenantId, key, new Date(now()));
    if (!detail) throw apiError(404, 'not_found', `no Jira issue ${key} is known or linked`);
    return c.json(detail);
  });
  return api;
}
