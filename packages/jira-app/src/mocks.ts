import type { Invoke } from './view/remote-call.js';
import type { IssueImpact, RankedBugs } from './view/remote-contract.js';

/**
 * Stand-ins for the worker behind Forge Remote (invokeRemote), typed with the contract the worker's own test checks
 * its real answers against: `workerInvoke` answers each path as the worker would (200 with the body, or 401/403/404/503
 * with `{ error, message }`), records the calls, and throws for a path it does not know (an unreachable remote).
 */
export interface WorkerAnswer {
  status: number;
  body?: Record<string, unknown>;
}

export function workerInvoke(answers: Record<string, WorkerAnswer | (() => WorkerAnswer)>) {
  const calls: { path: string; method: string }[] = [];
  const invoke: Invoke = async ({ path, method }) => {
    calls.push({ path, method });
    const a = answers[path];
    if (!a) throw new Error(`Forge Remote: no answer from the remote for ${path}`);
    return typeof a === 'function' ? a() : a;
  };
  return { invoke, calls };
}

const weeks = (counts: number[], end = Date.parse('2026-11-23T12:00:00Z')) =>
  counts.map((cases, k) => ({
    weekStart: new Date(end - (counts.length - k) * 7 * 86_400_000).toISOString(),
    cases,
  }));

/** FCX-1 as the worker answers it in packages/jira-bridge/src/routes/forge-routes.test.ts (5 cases, 2 open, 2 customers). */
export const SAMPLE_IMPACT: IssueImpact = {
  issueKey: 'FCX-1',
  summary: 'Export to CSV fails for large accounts',
  status: 'In Progress',
  resolution: null,
  fixVersions: ['2.4.1'],
  releasedAt: null,
  deleted: false,
  impact: {
    cases: 5,
    openCases: 2,
    customers: 2,
    revenueAtRisk: 150_000,
    firstSeen: '2026-09-24T12:00:00.000Z',
    lastSeen: '2026-11-22T12:00:00.000Z',
    weekly: weeks([0, 0, 0, 0, 0, 1, 1, 2]),
    weeklyRate: 0.5,
    preventable: { weeks: 12, cases: 6 },
  },
  deflection: { status: 'unfixed' },
  issueLinks: [],
  cases: [
    ['7000', 'Export fails 0', 'open', '2026-11-22T12:00:00.000Z'],
    ['7001', 'Export fails 1', 'open', '2026-11-20T12:00:00.000Z'],
    ['7002', 'Export fails 2', 'solved', '2026-11-14T12:00:00.000Z'],
    ['7003', 'Export fails 3', 'solved', '2026-11-03T12:00:00.000Z'],
    ['7004', 'Export fails 4', 'solved', '2026-09-24T12:00:00.000Z'],
  ].map(([caseId, subject, status, createdAt]) => ({
    caseId: caseId as string,
    subject: subject as string,
    status: status as string,
    createdAt: createdAt as string,
    linkedBy: 'zendesk-tag',
    url: `https://forgeco.zendesk.com/agent/tickets/${caseId}`,
  })),
};

/** Two bugs ranked by cases, as GET /forge/jira/bugs?sort=cases answers. */
export const SAMPLE_BUGS: RankedBugs = {
  sort: 'cases',
  total: 2,
  bugs: [
    {
      issueKey: 'FCX-1',
      summary: SAMPLE_IMPACT.summary,
      status: 'In Progress',
      releasedAt: null,
      impact: SAMPLE_IMPACT.impact,
      deflection: { status: 'unfixed' },
    },
    {
      issueKey: 'FCX-2',
      summary: 'Login loop after SSO change',
      status: 'Done',
      releasedAt: '2026-09-01T00:00:00.000Z',
      impact: {
        ...SAMPLE_IMPACT.impact,
        cases: 2,
        openCases: 1,
        customers: 1,
        revenueAtRisk: 30_000,
        weekly: weeks([3, 2, 0, 0, 0, 0, 1, 1]),
        weeklyRate: 0.88,
        preventable: null,
      },
      deflection: {
        status: 'measured',
        releasedAt: '2026-09-01T00:00:00.000Z',
        baselineRate: 2.5,
        forecast: 30,
        actual: 2,
        prevented: 28,
        deflection: 0.93,
      },
    },
  ],
};
