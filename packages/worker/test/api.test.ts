import { env, exports } from 'cloudflare:workers';

/** The worker under test (its default export), as Cloudflare's `exports` gives it. */
const worker = (exports as unknown as { default: Fetcher }).default;

import {
  type Case,
  CaseSchema,
  computeMetrics,
  importZendeskExport,
  scoreCompleteness,
  withRecordedIssueType,
} from '@support-metrics/core';
import { runScheduledJobs } from '@support-metrics/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import sample from '../../core/sample/zendesk-export.json';
import { api, seedTenant, testStores } from './helpers.js';

const A = 'tenant-a-token';
const B = 'tenant-b-token';
let cases: Case[] = [];

beforeAll(async () => {
  const store = await seedTenant('tenant-a', A);
  await seedTenant('tenant-b', B);
  for (const item of importZendeskExport(sample, 'tenant-a')) if (item.ok) cases.push(item.case);
  cases = cases.slice(0, 120);
  for (const c of cases) await store.saveCase('tenant-a', c, { source: 'test', at: '2026-11-21T00:00:00Z' });
  await store.saveCase(
    'tenant-b',
    CaseSchema.parse({ id: 'b-1', createdAt: '2026-10-10T10:00:00Z', subject: 'B only' }),
    {
      source: 'test',
      at: '2026-11-21T00:00:00Z',
    },
  );
});

describe('authentication and tenancy', () => {
  it('answers 401 without a token or with an unknown one', async () => {
    expect((await api('/api/metrics')).status).toBe(401);
    const res = await api('/api/metrics', 'nope');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthorized', message: 'unknown token' });
  });

  it("never shows one tenant's case or numbers to another", async () => {
    expect((await api('/api/cases/b-1', B)).status).toBe(200);
    const res = await api('/api/cases/b-1', A);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', message: 'no case b-1' });
    const b = (await (await api('/api/metrics?from=2026-01-01&to=2026-12-31', B)).json()) as {
      counts: { created: number };
    };
    expect(b.counts.created).toBe(1);
  });
});

describe('GET /api/metrics', () => {
  it('answers 400 with the zod issue path for a bad query', async () => {
    const res = await api('/api/metrics?from=2026-02-30', A);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_input', issues: [{ path: 'from' }] });
    expect((await api('/api/metrics?from=2026-10-05&to=2026-10-01', A)).status).toBe(400);
    expect((await api('/api/metrics?groupBy=priority', A)).status).toBe(400);
  });

  it('gives from the rollups what computeMetrics gives from the cases', async () => {
    const window = { from: '2026-09-01', to: '2026-11-30' };
    const res = await api(`/api/metrics?from=${window.from}&to=${window.to}`, A);
    const fromStore = (await res.json()) as {
      window: unknown;
      metrics: Record<
        string,
        { value: number | null; numerator: number | null; denominator: number | null; status: string }
      >;
    };
    const stored = await Promise.all(
      cases.map(async (c) => (await testStores().cases.getCase('tenant-a', c.id))?.case as Case),
    );
    const expected = computeMetrics(stored, window).metrics;
    expect(fromStore.window).toEqual(window);
    for (const [id, m] of Object.entries(expected)) {
      const got = fromStore.metrics[id];
      expect(got?.status, id).toBe(m.status);
      expect(got?.denominator, id).toBe(m.denominator);
      if (m.value === null) expect(got?.value, id).toBeNull();
      else expect(got?.value, id).toBeCloseTo(m.value, 9);
    }
  });

  it('filters and breaks down by channel', async () => {
    const all = (await (
      await api('/api/metrics?from=2026-09-01&to=2026-11-30&groupBy=channel', A)
    ).json()) as {
      metrics: {
        case_completeness: { denominator: number; breakdown: Record<string, { denominator: number }> };
      };
    };
    const email = (await (
      await api('/api/metrics?from=2026-09-01&to=2026-11-30&channel=email', A)
    ).json()) as {
      metrics: { case_completeness: { denominator: number } };
    };
    const breakdown = all.metrics.case_completeness.breakdown;
    expect(email.metrics.case_completeness.denominator).toBe(breakdown.email?.denominator);
    expect(Object.values(breakdown).reduce((s, b) => s + b.denominator, 0)).toBe(
      all.metrics.case_completeness.denominator,
    );
  });
});

describe('GET /api/cases/:id', () => {
  it('returns the case with completeness at creation and now, the closure check and Jira links', async () => {
    const solved = cases.find((c) => c.status === 'solved' || c.status === 'closed');
    const res = await api(`/api/cases/${solved?.id}`, A);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['case', 'closure', 'completeness', 'jiraLinks']);
    expect(body.closure).toMatchObject({ complete: expect.any(Boolean), missing: expect.any(Array) });
    expect(body.completeness).toMatchObject({
      atCreation: { score: expect.any(Number) },
      latest: { items: expect.any(Array) },
    });
  });

  it('stores the verdict of each version and answers the full result, the same as scoring the case', async () => {
    const c = cases[3] as Case;
    const row = await env.DB.prepare(
      "SELECT completeness_latest FROM cases WHERE tenant_id = 'tenant-a' AND id = ?",
    )
      .bind(c.id)
      .first<{ completeness_latest: string }>();
    // Scored with the issue type an agent recorded on it, when there is one (withRecordedIssueType).
    const full = scoreCompleteness(withRecordedIssueType(c));
    // The row holds the verdict only: what the metrics and the issue-type column read.
    expect(JSON.parse(row?.completeness_latest ?? '')).toEqual({
      score: full.score,
      complete: full.complete,
      issueType: full.issueType,
      missing: full.missing,
      // Every item the text lacked, required or not: what the rubric suggestions read.
      absent: full.items.filter((i) => !i.present).map((i) => i.id),
    });
    const answer = (await (await api(`/api/cases/${c.id}`, A)).json()) as {
      completeness: { latest: ReturnType<typeof scoreCompleteness> };
    };
    expect(answer.completeness.latest).toEqual(full);
    // A row written when the store kept the full result still reads as its verdict.
    await env.DB.prepare(
      "UPDATE cases SET completeness_latest = ?, version = version + 1 WHERE tenant_id = 'tenant-a' AND id = ?",
    )
      .bind(JSON.stringify(full), c.id)
      .run();
    expect((await testStores().cases.getCase('tenant-a', c.id))?.completenessLatest).toEqual(
      JSON.parse(row?.completeness_latest ?? ''),
    );
  });
});

describe('the issue type an agent recorded', () => {
  it('picks the rubric of the latest score and agrees with the closed record, ahead of the ticket type and the text', async () => {
    // Reads as a bug (a crash, an error code) and Zendesk's ticket type says problem; the agent recorded How-to.
    const recorded = CaseSchema.parse({
      id: 'typed-1',
      // A day no other case of the tenant has, so that its rollup is this case's alone.
      createdAt: '2025-01-15T10:00:00Z',
      solvedAt: '2025-01-15T12:00:00Z',
      status: 'solved',
      subject: 'Export crashes with E4021',
      description: 'Since 4.2.1 on Windows 11 the export crashes with error E4021.',
      ticketType: 'problem',
      customFields: { 'Issue type': 'How-to' },
    });
    await testStores().cases.saveCase('tenant-a', recorded, { source: 'test', at: '2026-11-21T00:00:00Z' });
    const answer = (await (await api('/api/cases/typed-1', A)).json()) as {
      case: Case;
      completeness: { latest: { issueType: string; issueTypeSource: string } };
      closure: { values: { issue_type: string } };
    };
    expect(answer.completeness.latest).toMatchObject({ issueType: 'how_to', issueTypeSource: 'field' });
    expect(answer.closure.values.issue_type).toBe('how_to');
    // The case keeps Zendesk's own ticket type; it counts under the recorded one.
    expect(answer.case.ticketType).toBe('problem');
    const rollup = await env.DB.prepare(
      "SELECT sum(type_how_to) AS how_to, sum(type_bug) AS bug FROM daily_rollups WHERE tenant_id = 'tenant-a' AND day = '2025-01-15'",
    ).first<{ how_to: number; bug: number }>();
    expect(rollup).toEqual({ how_to: 1, bug: 0 });
    // Without the field, the text (and the ticket type, a prior only) decides: a bug.
    const { customFields: _, ...untyped } = recorded;
    const plain = CaseSchema.parse({ ...untyped, id: 'typed-2' });
    expect(withRecordedIssueType(plain).issueType).toBeNull();
    expect(scoreCompleteness(plain)).toMatchObject({
      issueType: 'bug',
      issueTypeSource: 'text',
      issueTypeNote: null,
    });
  });
});

describe('scheduled housekeeping', () => {
  it('prunes processed event ids older than 30 days, and only those', async () => {
    const store = testStores().cases;
    await store.markProcessed('tenant-a', 'test', 'old', '2026-09-01T00:00:00Z');
    await store.markProcessed('tenant-a', 'test', 'new', '2026-11-20T00:00:00Z');
    const result = await runScheduledJobs({
      stores: testStores(),
      cron: '0 3 * * *',
      at: new Date('2026-11-23T03:00:00Z'),
    });
    expect(result.prunedEvents).toBeGreaterThanOrEqual(1);
    expect(await store.isProcessed('tenant-a', 'test', 'old')).toBe(false);
    expect(await store.isProcessed('tenant-a', 'test', 'new')).toBe(true);
  });
});

describe('the backfill sync API', () => {
  const post = (body: unknown, token = A) =>
    worker.fetch(
      new Request('https://support-metrics.test/api/sync/zendesk/pages', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  it('saves a page and its cursor; the same page again counts nothing twice', async () => {
    const page = {
      cases: [
        {
          id: 'bf-1',
          createdAt: '2026-11-01T10:00:00Z',
          subject: 'Crash',
          status: 'solved',
          solvedAt: '2026-11-02T10:00:00Z',
          publicAgentReplies: 1,
          reopens: 0,
        },
        { id: 'bf-2', createdAt: '2026-11-01T11:00:00Z', subject: 'How do I export?' },
      ],
      cursor: 'MTU3NjYxMzUzOS4wfHw0Njd8',
    };
    const first = await post(page);
    expect(await first.json()).toEqual({ saved: { created: 2, updated: 0, duplicate: 0 } });
    const before = (await (await api('/api/metrics?from=2026-11-01&to=2026-11-02', A)).json()) as {
      counts: unknown;
    };
    expect(await (await post(page)).json()).toEqual({ saved: { created: 0, updated: 0, duplicate: 2 } });
    const after = (await (await api('/api/metrics?from=2026-11-01&to=2026-11-02', A)).json()) as {
      counts: unknown;
    };
    expect(after.counts).toEqual(before.counts);
    expect(await (await api('/api/sync/zendesk', A)).json()).toMatchObject({
      cursor: 'MTU3NjYxMzUzOS4wfHw0Njd8',
    });
    // The cursor is the tenant's own.
    expect(await (await api('/api/sync/zendesk', B)).json()).toMatchObject({ cursor: null });
  });
  it('answers 400 with the zod path for a bad page, 401 without a token', async () => {
    const res = await post({ cases: [{ id: 'x' }], cursor: null });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ issues: [{ path: 'cases.0.createdAt' }] });
    expect((await post({ cases: [], cursor: null }, 'wrong')).status).toBe(401);
  });
});

describe('Jira links (POST /api/links, DELETE /api/links/:id)', () => {
  const send = (method: string, path: string, body?: unknown, token = A) =>
    worker.fetch(
      new Request(`https://support-metrics.test${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  it('links a case to a Jira issue once, shows its impact so far, and unlinks it', async () => {
    const [first, second] = cases;
    const res = await send('POST', '/api/links', {
      caseId: first?.id,
      issueKey: 'proj-42',
      linkedBy: 'agent:9001',
    });
    expect(res.status).toBe(201);
    expect((await send('POST', '/api/links', { caseId: first?.id, issueKey: 'PROJ-42' })).status).toBe(200);
    await send('POST', '/api/links', { caseId: second?.id, issueKey: 'PROJ-42' });
    const body = (await (await api(`/api/cases/${first?.id}`, A)).json()) as {
      jiraLinks: { id: number; issueKey: string; linkedBy: string; impact: { cases: number } }[];
    };
    expect(body.jiraLinks).toHaveLength(1);
    expect(body.jiraLinks[0]).toMatchObject({
      issueKey: 'PROJ-42',
      linkedBy: 'agent:9001',
      impact: { cases: 2 },
    });
    expect((await send('DELETE', `/api/links/${body.jiraLinks[0]?.id}`, undefined, B)).status).toBe(404);
    expect((await send('DELETE', `/api/links/${body.jiraLinks[0]?.id}`)).status).toBe(204);
  });
  it('refuses a bad key (400 with the path) and a case of another tenant (404)', async () => {
    const bad = await send('POST', '/api/links', { caseId: 'x', issueKey: 'not a key' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ issues: [{ path: 'issueKey' }] });
    expect((await send('POST', '/api/links', { caseId: 'b-1', issueKey: 'PROJ-1' })).status).toBe(404);
  });
});
