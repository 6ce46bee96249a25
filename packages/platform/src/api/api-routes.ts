import {
  checkClosureRecord,
  DEFAULT_CLOSURE_POLICY,
  DEFAULT_RUBRIC,
  isSolved,
  RubricSchema,
} from '@support-metrics/core';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { bearerAuth } from '../http/bearer-auth.js';
import { apiError, invalidInput } from '../http/errors.js';
import { MetricsQuerySchema, resolveWindow } from './metrics-query-schema.js';

const DIMENSION = { channel: 'channel', group: 'grp', brand: 'brand' } as const;

/**
 * The tenant's API (`/api/*`, bearer token): metrics from the store, and a case with its completeness,
 * closure check and linked bugs (what the Zendesk sidebar shows; the links are the bug tracker plugin's, through
 * `c.var.stores.bugLinks`).
 *
 * @example app.route('/api', apiRoutes())
 */
export function apiRoutes() {
  const api = new Hono<AppEnv>();
  api.use('*', bearerAuth());

  api.get('/metrics', async (c) => {
    const parsed = MetricsQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw invalidInput(parsed.error, 'query');
    const q = parsed.data;
    const window = resolveWindow(q, new Date().toISOString().slice(0, 10));
    const filters = {
      ...(q.channel ? { channel: q.channel } : {}),
      ...(q.group ? { grp: q.group } : {}),
      ...(q.brand ? { brand: q.brand } : {}),
    };
    const [result, outcomes] = await Promise.all([
      c.var.stores.cases.metrics(c.var.tenantId, {
        ...window,
        filters,
        groupBy: q.groupBy ? DIMENSION[q.groupBy] : undefined,
      }),
      c.var.stores.cases.completenessOutcomes(c.var.tenantId, { ...window, filters }),
    ]);
    return c.json({ window, ...result, completeness_outcomes: outcomes });
  });

  // The completeness rubric: the one in use with every version applied, what the team's own outcomes suggest, and
  // applying one (validated; the rubric is versioned in the store, and nothing changes until it is applied).
  api.get('/rubric', async (c) => {
    const [{ rubric }, versions] = await Promise.all([
      c.var.stores.tenants.tenantPolicies(c.var.tenantId),
      c.var.stores.tenants.rubricVersions(c.var.tenantId),
    ]);
    return c.json({ rubric: rubric ?? DEFAULT_RUBRIC, isDefault: !rubric, versions });
  });

  api.get('/rubric/suggestions', async (c) => {
    const parsed = MetricsQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw invalidInput(parsed.error, 'query');
    // Calibration wants more cases than a month: the last 180 days unless the query names a window.
    const window = resolveWindow(parsed.data, new Date().toISOString().slice(0, 10), 180);
    const suggestions = await c.var.stores.cases.rubricSuggestions(c.var.tenantId, window);
    return c.json({
      window,
      ...suggestions,
      apply:
        'PUT /api/rubric with the rubric below (or tenant.ts set <tenant> rubric=@file): nothing changes until then',
    });
  });

  api.put('/rubric', async (c) => {
    const body = await c.req.json().catch(() => {
      throw apiError(400, 'invalid_json', 'the body is not JSON');
    });
    const parsed = RubricSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'rubric');
    const version = await c.var.stores.tenants.applyRubric(
      c.var.tenantId,
      parsed.data,
      'api',
      new Date().toISOString(),
    );
    return c.json({ applied: true, version });
  });

  api.get('/cases/:id', async (c) => {
    const id = c.req.param('id');
    const stored = await c.var.stores.cases.getCase(c.var.tenantId, id);
    // Another tenant's case is not found either: nothing tells it exists.
    if (!stored) throw apiError(404, 'not_found', `no case ${id}`);
    const { closurePolicy } = await c.var.stores.tenants.tenantPolicies(c.var.tenantId);
    return c.json({
      case: stored.case,
      completeness: {
        atCreation: stored.completenessAtCreation,
        latest: await c.var.stores.cases.completenessOf(c.var.tenantId, stored),
      },
      closure: isSolved(stored.case) ? checkClosureRecord(stored.case, closurePolicy) : null,
      jiraLinks: await c.var.stores.bugLinks.linksOf(c.var.tenantId, id),
    });
  });

  // The rubric and closed-record policy in force for the tenant (its own settings, else the defaults), and why a
  // setting is not used. Only these: the tenant's other settings hold secrets.
  api.get('/policies', async (c) => {
    const { rubric, closurePolicy, customerMapping, problems } = await c.var.stores.tenants.tenantPolicies(
      c.var.tenantId,
    );
    return c.json({
      rubric: rubric ?? DEFAULT_RUBRIC,
      rubricSource: rubric ? 'tenant' : 'default',
      closurePolicy: closurePolicy ?? DEFAULT_CLOSURE_POLICY,
      closurePolicySource: closurePolicy ? 'tenant' : 'default',
      customerMapping,
      problems,
    });
  });

  return api;
}
