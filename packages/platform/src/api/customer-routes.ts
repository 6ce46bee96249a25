import {
  assessMaturity,
  CalendarDateSchema,
  MaturityAnswersSchema,
  prefillMaturity,
} from '@support-metrics/core';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  customerHealthOf,
  customerReportOf,
  demandOf,
  last90Days,
  maturityEvidenceOf,
} from '../customers/customer-service.js';
import type { AppEnv } from '../http/app-env.js';
import { bearerAuth } from '../http/bearer-auth.js';
import { apiError, invalidInput } from '../http/errors.js';

/** Query of `GET /api/customers`: a window of UTC days (default the last 90), a band filter and a page size. */
export const CustomersQuerySchema = z
  .object({
    from: CalendarDateSchema.optional(),
    to: CalendarDateSchema.optional(),
    band: z.enum(['at_risk', 'watch', 'healthy', 'churned', 'not_measured']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from is after to', path: ['from'] });

/** Body of `POST /api/maturity`: ratings 1–3 by statement id, and who answered. */
export const MaturitySubmissionSchema = z.object({
  answers: MaturityAnswersSchema,
  submittedBy: z.string().min(1).max(200).default('api'),
});

/**
 * Customers and success (`/api/customers`, `/api/forecast`, `/api/maturity`, bearer token): the success, health and
 * NextGen metrics with each customer's health and reasons, the demand forecast with forecast vs actual, and the
 * maturity self-assessment.
 *
 * @example app.route('/api', customerApiRoutes())
 */
export function customerApiRoutes(opts: { now?: () => number } = {}) {
  const clock = opts.now ?? Date.now;
  const api = new Hono<AppEnv>();
  api.use('/customers/*', bearerAuth());
  api.use('/customers', bearerAuth());
  api.use('/forecast', bearerAuth());
  api.use('/maturity', bearerAuth());
  const ctx = (c: { var: AppEnv['Variables']; env: AppEnv['Bindings'] }) => ({
    stores: c.var.stores,
    tenantId: c.var.tenantId,
    now: new Date(clock()),
  });

  api.get('/customers', async (c) => {
    const parsed = CustomersQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw invalidInput(parsed.error, 'query');
    const q = parsed.data;
    const base = ctx(c);
    const to = q.to ?? base.now.toISOString().slice(0, 10);
    const window = { from: q.from ?? last90Days(new Date(`${to}T00:00:00Z`)).from, to };
    if (window.from > window.to)
      throw apiError(400, 'invalid_input', 'from is after to (to defaults to today)');
    const report = await customerReportOf(base, window);
    const customers = report.customers.filter((h) => !q.band || h.band === q.band);
    return c.json({
      ...report,
      customers: customers.slice(0, q.limit),
      truncated: customers.length > q.limit,
    });
  });

  api.get('/customers/:id', async (c) => {
    const id = c.req.param('id');
    const base = ctx(c);
    const customer = await base.stores.customers.customer(base.tenantId, id);
    // Another tenant's customer is not found either.
    if (!customer) throw apiError(404, 'not_found', `no customer ${id}`);
    return c.json({
      customer: { id: customer.id, name: customer.name, tags: customer.tags },
      health: await customerHealthOf(base, id),
      atRiskBelow: (await base.stores.tenants.tenantPolicies(base.tenantId)).customerMapping.health
        .atRiskBelow,
    });
  });

  api.get('/forecast', async (c) => {
    const { storedNow: _, ...report } = await demandOf(ctx(c));
    return c.json(report);
  });

  api.get('/maturity', async (c) => {
    const base = ctx(c);
    const latest = await base.stores.customers.latestMaturity(base.tenantId);
    const evidence = await maturityEvidenceOf(base, {
      // As the Slack plugin reports itself (its part of the composed config): the platform names none of its secrets.
      slackConnected: c.var.plugins.slack?.enabled === true,
    });
    return c.json({
      latest: latest ? { ...latest, assessment: assessMaturity(latest.answers) } : null,
      prefill: prefillMaturity(evidence),
      evidence,
    });
  });

  api.post('/maturity', async (c) => {
    const parsed = MaturitySubmissionSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw invalidInput(parsed.error, 'maturity');
    const base = ctx(c);
    const assessment = assessMaturity(parsed.data.answers);
    await base.stores.customers.saveMaturity(
      base.tenantId,
      parsed.data.answers,
      assessment.stage.stage,
      parsed.data.submittedBy,
      base.now.toISOString(),
    );
    return c.json({ assessment }, 201);
  });

  return api;
}
