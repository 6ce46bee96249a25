import { JiraKeySchema } from '@support-metrics/core';
import { type AppEnv, apiError, bearerAuth, invalidInput } from '@support-metrics/platform';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { bugDetail, listBugs } from '../services/impact-service.js';
import { jiraStoreOf } from '../store/jira-store.js';

/**
 * The answer of `GET /api/bugs` and of the Forge app's page (`GET /forge/jira/bugs`): the tenant's linked bugs ranked
 * by support demand (listBugs), for the query's sort and limit (400 with the zod paths for a bad one).
 */
export async function rankedBugsOf<E extends AppEnv>(c: Context<E>, now: Date) {
  const parsed = BugsQuerySchema.safeParse(c.req.query());
  if (!parsed.success) throw invalidInput(parsed.error, 'query');
  const result = await listBugs(jiraStoreOf(c.var.stores), c.var.tenantId, { now, ...parsed.data });
  return { sort: parsed.data.sort, ...result };
}

/** Query of `GET /api/bugs`. */
export const BugsQuerySchema = z.object({
  sort: z.enum(['cases', 'customers', 'revenue']).default('cases'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/**
 * The tenant's bug impact (bearer token): `GET /api/bugs?sort=cases|customers|revenue` ranks the Jira issues its cases
 * are linked to by support demand, with each one's impact and bug-fix deflection and the total of shipped fixes;
 * `GET /api/bugs/:key` is one issue with the cases behind it; `POST /api/links` and `DELETE /api/links/:id` link a case
 * to an issue and unlink it (the Zendesk sidebar's "link a bug").
 *
 * @example app.route('/api', jiraApiRoutes())
 */
export function jiraApiRoutes(opts: { now?: () => number } = {}) {
  const api = new Hono<AppEnv>();
  const now = opts.now ?? Date.now;
  api.use('/bugs', bearerAuth());
  api.use('/bugs/*', bearerAuth());

  api.get('/bugs', async (c) => c.json(await rankedBugsOf(c, new Date(now()))));

  api.get('/bugs/:key', async (c) => {
    const key = c.req.param('key').toUpperCase();
    const detail = await bugDetail(jiraStoreOf(c.var.stores), c.var.tenantId, key, new Date(now()));
    if (!detail) throw apiError(404, 'not_found', `no Jira issue ${key} is known or linked`);
    return c.json(detail);
  });
  // Links between cases and Jira issues (the Zendesk sidebar's "link a bug"); who linked comes from the caller.
  api.use('/links', bearerAuth());
  api.use('/links/*', bearerAuth());
  api.post('/links', async (c) => {
    const parsed = JiraLinkSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw invalidInput(parsed.error, 'link');
    const { caseId, issueKey } = parsed.data;
    // A signed sidebar request: who linked is the agent its verified token names, not what the body says.
    const agent = c.var.agent;
    const linkedBy = agent ? (agent.email ?? `zendesk-user:${agent.id}`) : parsed.data.linkedBy;
    if (!(await c.var.stores.cases.getCase(c.var.tenantId, caseId)))
      throw apiError(404, 'not_found', `no case ${caseId}`);
    const created = await c.var.stores.bugLinks.link(
      c.var.tenantId,
      caseId,
      issueKey,
      linkedBy,
      new Date().toISOString(),
    );
    return c.json(
      { created, links: await c.var.stores.bugLinks.linksOf(c.var.tenantId, caseId) },
      created ? 201 : 200,
    );
  });
  api.delete('/links/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || !(await c.var.stores.bugLinks.unlink(c.var.tenantId, id)))
      throw apiError(404, 'not_found', `no link ${c.req.param('id')}`);
    return c.body(null, 204);
  });

  return api;
}

/** Body of `POST /api/links`. Jira keys are PROJECT-123. */
export const JiraLinkSchema = z.object({
  caseId: z.string().min(1),
  issueKey: z.string().trim().toUpperCase().pipe(JiraKeySchema),
  linkedBy: z.string().min(1).max(200).default('api'),
});
