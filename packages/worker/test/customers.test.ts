import { env } from 'cloudflare:workers';
import {
  type Case,
  CaseSchema,
  type CustomerInput,
  CustomerMappingSchema,
  CustomerSchema,
  customerActivity,
  customerFacts,
  demandForecast,
  MATURITY_STATEMENTS,
  preventionPerMonth,
} from '@support-metrics/core';
import {
  type AppEnv,
  CUSTOMER_SQL,
  CustomerStore,
  customerApiRoutes,
  notFound,
  onError,
  platform,
  runScheduledJobs,
} from '@support-metrics/platform';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { storePlugins } from '../src/index.js';
import { BASE, seedTenant, testStores } from './helpers.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const T = 'cust-a';
const OTHER = 'cust-b';
const mapping = { outageTags: ['outage'], costs: { hourlyCost: 60 } };

const app = new Hono<AppEnv>();
app.use('*', platform(storePlugins));
app.route('/api', customerApiRoutes({ now: () => NOW }));
app.onError(onError);
app.notFound(notFound);
const get = (path: string, token = 'cust-a-token') =>
  app.request(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } }, env);
const post = (path: string, body: unknown, token = 'cust-a-token') =>
  app.request(
    `${BASE}${path}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    env,
  );

const customers: CustomerInput[] = [
  {
    id: 'org-healthy',
    name: 'Healthy Co',
    tags: ['onboarded', 'adoption_milestone', 'success_milestone', 'renewal_committed'],
    fields: { annual_recurring_revenue: 200_000, previous_annual_recurring_revenue: 150_000 },
    createdAt: iso(NOW - 400 * DAY),
  },
  {
    id: 'org-risk',
    name: 'Risky Ltd',
    tags: [],
    fields: { annual_recurring_revenue: 20_000, previous_annual_recurring_revenue: 40_000 },
    createdAt: iso(NOW - 30 * DAY),
  },
  { id: 'org-gone', name: 'Gone Inc', tags: ['churned'], createdAt: iso(NOW - 900 * DAY) },
];

// Cases over the last four months: the healthy customer's go well; the risky one's come back, are rated bad,
// one reports an outage and one waits on an open Jira bug.
function cases(): Case[] {
  const out: Case[] = [];
  const mk = (id: string, org: string, daysAgo: number, over: Record<string, unknown> = {}) =>
    out.push(
      CaseSchema.parse({
        id,
        tenantId: T,
        helpdesk: 'zendesk',
        subject: 'Export to CSV fails',
        description:
          'Since version 4.2 the CSV export of the billing dashboard fails with "Error 500" for every user. Steps: open billing, export, wait.',
        createdAt: iso(NOW - daysAgo * DAY),
        organization: { id: org },
        ...over,
      }),
    );
  for (let i = 0; i < 12; i++)
    mk(`h${i}`, 'org-healthy', 5 + i * 9, {
      status: 'solved',
      solvedAt: iso(NOW - (4 + i * 9) * DAY),
      reopens: 0,
      publicAgentReplies: 1,
      satisfaction: i % 3 === 0 ? 'good' : null,
      agentEffortMinutes: 30,
      knowledgeLinks: i % 2 === 0 ? [{ article: `kb/${i}`, action: 'linked' }] : [],
    });
  for (let i = 0; i < 6; i++)
    mk(`r${i}`, 'org-risk', 3 + i * 5, {
      subject: 'help',
      description: 'broken',
      status: i < 4 ? 'solved' : 'open',
      solvedAt: i < 4 ? iso(NOW - (2 + i * 5) * DAY) : null,
      reopens: i < 4 ? i % 2 : null,
      satisfaction: i < 4 ? 'bad' : null,
      tags: i === 0 ? ['outage'] : [],
      jiraLinks: i === 5 ? ['BUG-7'] : [],
    });
  mk('x1', 'org-unknown', 10);
  return out;
}

beforeAll(async () => {
  const store = await seedTenant(T, 'cust-a-token', { customerMapping: mapping });
  await seedTenant(OTHER, 'cust-b-token');
  for (const c of cases()) await store.saveCase(T, c, { source: 'test', at: iso(NOW) });
  const cs = new CustomerStore(env.DB);
  await cs.upsertCustomers(
    T,
    customers.map((c) => CustomerSchema.parse(c)),
    iso(NOW),
  );
  await cs.upsertCustomers(OTHER, [CustomerSchema.parse({ id: 'org-b-only', name: 'B only' })], iso(NOW));
  await env.DB.prepare(
    "INSERT INTO jira_issues (tenant_id, issue_key, summary, status, updated_at) VALUES (?, 'BUG-7', 'Export fails', 'To Do', ?)",
  )
    .bind(T, iso(NOW))
    .run();
  await testStores().bugLinks.link(T, 'r5', 'BUG-7', 'test', iso(NOW));
});

describe('customer activity in SQL matches the pure computation', () => {
  it('gives, per customer, the same sums as core customerActivity over the stored cases', async () => {
    const window = { from: '2026-08-26', to: '2026-11-23' };
    const sql = await testStores().customers.activity(T, window, mapping.outageTags);
    const store = testStores().cases;
    const stored: Case[] = [];
    for (const c of cases()) {
      const s = await store.getCase(T, c.id);
      if (s)
        stored.push({
          ...s.case,
          completeness: s.completenessAtCreation
            ? { score: s.completenessAtCreation.score, complete: s.completenessAtCreation.complete }
            : null,
        });
    }
    const memory = customerActivity(stored, window, {
      outageTags: mapping.outageTags,
      openBugKeys: new Set(['BUG-7']),
    });
    expect(Object.fromEntries(sql)).toEqual(Object.fromEntries(memory));
    expect(sql.get('org-risk')).toMatchObject({
      created: 6,
      solved: 4,
      reopened: 2,
      bad: 4,
      outageCases: 1,
      openBugCases: 1,
    });
  });
});

describe('GET /api/customers', () => {
  it('reports the success metrics and puts the at-risk customer first, with its reasons', async () => {
    const res = await get('/api/customers');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      window: { from: string; to: string };
      counts: Record<string, number>;
      metrics: Record<string, { value: number | null; status: string; reason?: string }>;
      customers: { orgId: string; band: string; score: number | null; reasons: string[] }[];
    };
    expect(body.window).toEqual({ from: '2026-08-26', to: '2026-11-23' });
    expect(body.counts).toMatchObject({ customers: 3, active: 2, churned: 1, new: 1 });
    expect(body.customers[0]).toMatchObject({ orgId: 'org-risk', band: 'at_risk' });
    expect(body.customers[0]?.reasons).toContain('1 open case waiting on an open bug');
    expect(body.customers.find((h) => h.orgId === 'org-healthy')?.band).toBe('healthy');
    expect(body.metrics.adoption_rate?.value).toBe(0.5);
    expect(body.metrics.availability?.value).toBe(0.5);
    expect(body.metrics.net_recurring_revenue?.value).toBeCloseTo(220_000 / 190_000, 10);
    expect(body.metrics.health_at_risk).toMatchObject({ value: 0.5, status: 'target_missed' });
    // 14 cases solved in the 90 days (10 of the healthy customer's at 30 min, 4 risky ones recording none: costed at
    // the mean, 30 min) × 0.5 h × 60 an hour; no overhead.
    expect(body.metrics.support_costs?.value).toBeCloseTo(14 * 0.5 * 60, 6);
    expect(body.metrics.answers_delivered?.status).toBe('not_measured');
  });

  it('filters by band, limits, and refuses a bad query with the zod path', async () => {
    const res = await get('/api/customers?band=healthy&limit=1');
    const body = (await res.json()) as { customers: { orgId: string }[]; truncated: boolean };
    expect(body.customers.map((c) => c.orgId)).toEqual(['org-healthy']);
    expect(body.truncated).toBe(false);
    const bad = await get('/api/customers?limit=0&from=2026-13-01');
    expect(bad.status).toBe(400);
    const err = (await bad.json()) as { issues: { path: string }[] };
    expect(err.issues.map((i) => i.path).sort()).toEqual(['from', 'limit']);
  });

  it('a customer of another tenant is not found, and no token is 401', async () => {
    expect((await get('/api/customers/org-b-only')).status).toBe(404);
    expect((await get('/api/customers/org-b-only', 'cust-b-token')).status).toBe(200);
    expect((await get('/api/customers/org-risk', 'cust-b-token')).status).toBe(404);
    const other = (await (await get('/api/customers', 'cust-b-token')).json()) as { customers: unknown[] };
    expect(other.customers).toHaveLength(1);
    expect((await app.request(`${BASE}/api/customers`, {}, env)).status).toBe(401);
  });

  it('GET /api/customers/:id gives the sidebar one customer health with the at-risk bar', async () => {
    const body = (await (await get('/api/customers/org-risk')).json()) as {
      customer: { name: string };
      health: { band: string; indicators: { id: string; value: number | null }[] };
      atRiskBelow: number;
    };
    expect(body.customer.name).toBe('Risky Ltd');
    expect(body.health.band).toBe('at_risk');
    expect(body.atRiskBelow).toBe(50);
    expect(body.health.indicators.find((i) => i.id === 'revenueChange')?.value).toBe(0);
  });
});

describe('GET /api/forecast', () => {
  it('forecasts the current month from the full months before it, as core does, and stores it once', async () => {
    const res = await get('/api/forecast');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      forecast: { month: string; basedOn: string; forecast: number; base: number };
      track: { month: string; source: string; actual: number | null }[];
      metrics: Record<string, { value: number | null; status: string }>;
    };
    expect(body.forecast).toMatchObject({ month: '2026-11', basedOn: '2026-10' });
    // The same inputs, computed by hand through core.
    const months = await new CustomerStore(env.DB).monthlyDemand(T, '2026-07', '2026-10', undefined);
    const first = months.findIndex((m) => m.cases > 0);
    const facts = customers.map((c) =>
      customerFacts(CustomerSchema.parse(c), CustomerMappingSchema.parse(mapping)),
    );
    const expected = demandForecast(
      {
        months: months.slice(first),
        customers: facts,
        preventedPerMonth: preventionPerMonth([], '2026-11'),
        churnRate: 1 / 3,
      },
      { adoptionExpansion: 0 },
    );
    expect(body.forecast.forecast).toBe(expected?.forecast);
    expect(body.track.at(-1)).toMatchObject({ month: '2026-11', source: 'stored', actual: null });
    const rows = await env.DB.prepare(CUSTOMER_SQL.storedForecasts)
      .bind(T)
      .all<{ month: string; forecast: number }>();
    expect(rows.results).toEqual([
      expect.objectContaining({ month: '2026-11', forecast: expected?.forecast }),
    ]);
    await get('/api/forecast');
    expect((await env.DB.prepare(CUSTOMER_SQL.storedForecasts).bind(T).all()).results).toHaveLength(1);
    expect(body.metrics.support_demand_forecast?.status).not.toBe('not_measured');
  });

  it('with churn dates mapped, takes churn over the last 12 full months, as the churn metric counts it', async () => {
    // Tenant cust-d: four customers. Lost 2026-05-10 (in the year 2025-11-01..2026-10-31), lost 2024-06-01 (before
    // it: not a customer at its start), lost 2026-11-05 (after it), and one still here. At the start: 3; lost: 1.
    const store = await seedTenant('cust-d', 'cust-d-token', {
      customerMapping: { churnedAtField: 'churn_date' },
    });
    const org = (id: string, churn: string | null) =>
      CustomerSchema.parse({
        id,
        name: id,
        tags: churn ? ['churned'] : [],
        fields: churn ? { churn_date: churn } : {},
        createdAt: '2023-01-01T00:00:00Z',
      });
    await new CustomerStore(env.DB).upsertCustomers(
      'cust-d',
      [
        org('d-may', '2026-05-10'),
        org('d-old', '2024-06-01'),
        org('d-nov', '2026-11-05'),
        org('d-here', null),
      ],
      iso(NOW),
    );
    for (let i = 0; i < 6; i++)
      await store.saveCase(
        'cust-d',
        CaseSchema.parse({
          id: `d${i}`,
          createdAt: iso(NOW - (40 + i * 10) * DAY),
          organization: { id: 'd-here' },
        }),
        { source: 'test', at: iso(NOW) },
      );
    const body = (await (await get('/api/forecast', 'cust-d-token')).json()) as {
      forecast: { churn: { yearlyRate: number } };
    };
    expect(body.forecast.churn.yearlyRate).toBeCloseTo(1 / 3, 10);
  });

  it('the daily job stores each tenant its month forecast once', async () => {
    const at = new Date('2026-12-01T03:00:00Z');
    const first = await runScheduledJobs({ stores: testStores(), cron: '0 3 * * *', at });
    expect(first.forecastsStored).toBeGreaterThanOrEqual(1);
    const again = await runScheduledJobs({ stores: testStores(), cron: '0 3 * * *', at });
    expect(again.forecastsStored).toBe(0);
    const months = (await env.DB.prepare(CUSTOMER_SQL.storedForecasts).bind(T).all<{ month: string }>())
      .results;
    expect(months.map((m) => m.month)).toEqual(['2026-11', '2026-12']);
  });
});

describe('/api/maturity', () => {
  it('refuses ratings outside 1–3 and unknown statements with their paths', async () => {
    const res = await post('/api/maturity', { answers: { s1_dedicated_team: 4, nope: 2 } });
    expect(res.status).toBe(400);
    const err = (await res.json()) as { issues: { path: string }[] };
    expect(err.issues.map((i) => i.path).join(' ')).toContain('answers.s1_dedicated_team');
    expect((await post('/api/maturity', '{not json')).status).toBe(400);
  });

  it('stores an assessment per tenant and returns the stage with the pre-fill from the store', async () => {
    const answers = Object.fromEntries(MATURITY_STATEMENTS.filter((s) => s.stage <= 2).map((s) => [s.id, 3]));
    const res = await post('/api/maturity', { answers, submittedBy: 'lead@example.com' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { assessment: { stage: { stage: number } } }).assessment.stage.stage).toBe(
      2,
    );
    const body = (await (await get('/api/maturity')).json()) as {
      latest: { stage: number; submittedBy: string; assessment: { stage: { name: string } } };
      prefill: Record<string, { rating: number; evidence: string }>;
      evidence: { casesLast90Days: number };
    };
    expect(body.latest).toMatchObject({ stage: 2, submittedBy: 'lead@example.com' });
    expect(body.latest.assessment.stage.name).toBe('Formal');
    expect(body.evidence.casesLast90Days).toBe(17); // 10 + 6 + 1 created in the last 90 days
    expect(body.prefill.s1_crm_dedicated?.rating).toBe(3);
    const other = (await (await get('/api/maturity', 'cust-b-token')).json()) as { latest: unknown };
    expect(other.latest).toBeNull();
  });

  it("reads the plugins' part of the pre-fill through them: the Jira bridge's links, Slack's swarms", async () => {
    type Evidence = { jiraConnected: boolean; jiraLinkedCasesLast90Days: number; swarmsLast90Days: number };
    const before = ((await (await get('/api/maturity')).json()) as { evidence: Evidence }).evidence;
    expect(before).toMatchObject({ jiraConnected: true, jiraLinkedCasesLast90Days: 1 }); // r5 → BUG-7
    await env.DB.prepare(
      "INSERT INTO swarms (id, tenant_id, case_id, channel_id, channel_name, started_by, started_at, status) VALUES ('sw-1', ?, 'r4', 'C1', 'swarm-r4', 'U1', ?, 'open')",
    )
      .bind(T, iso(NOW - DAY))
      .run();
    const after = ((await (await get('/api/maturity')).json()) as { evidence: Evidence }).evidence;
    expect(after.swarmsLast90Days).toBe(before.swarmsLast90Days + 1);
    const other = ((await (await get('/api/maturity', 'cust-b-token')).json()) as { evidence: Evidence })
      .evidence;
    expect(other).toMatchObject({ jiraConnected: false, jiraLinkedCasesLast90Days: 0, swarmsLast90Days: 0 });
  });
});
