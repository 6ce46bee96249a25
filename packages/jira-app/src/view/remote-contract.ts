import { z } from 'zod';

// What the worker answers the app (jira-bridge forgeRoutes), parsed at the app's boundary. The worker's own test parses
// its real answers with these schemas, so a change on either side that breaks the other fails there.

const Iso = z.string().min(1);

export const ImpactFiguresSchema = z.looseObject({
  cases: z.number().int().nonnegative(),
  openCases: z.number().int().nonnegative(),
  customers: z.number().int().nonnegative(),
  revenueAtRisk: z.number().nullable(),
  firstSeen: Iso.nullable(),
  lastSeen: Iso.nullable(),
  weekly: z.array(z.looseObject({ weekStart: Iso, cases: z.number().int().nonnegative() })),
  weeklyRate: z.number(),
  preventable: z.looseObject({ weeks: z.number(), cases: z.number() }).nullable(),
});
export type ImpactFigures = z.infer<typeof ImpactFiguresSchema>;

export const DeflectionSchema = z.discriminatedUnion('status', [
  z.looseObject({ status: z.literal('unfixed') }),
  z.looseObject({
    status: z.literal('too_early'),
    releasedAt: Iso,
    weeksAfter: z.number(),
    minWeeksAfter: z.number(),
  }),
  z.looseObject({
    status: z.literal('measured'),
    releasedAt: Iso,
    forecast: z.number(),
    actual: z.number(),
    prevented: z.number(),
    deflection: z.number().nullable(),
  }),
]);
export type Deflection = z.infer<typeof DeflectionSchema>;

/** `GET /forge/jira/impact/:key`: the issue panel's data. */
export const IssueImpactSchema = z.looseObject({
  issueKey: z.string(),
  summary: z.string().nullable(),
  status: z.string().nullable(),
  fixVersions: z.array(z.string()),
  releasedAt: Iso.nullable(),
  impact: ImpactFiguresSchema,
  deflection: DeflectionSchema,
  cases: z.array(
    z.looseObject({
      caseId: z.string(),
      subject: z.string().nullable(),
      status: z.string().nullable(),
      createdAt: Iso.nullable(),
      /** The Zendesk ticket; null when the tenant's Zendesk address is not known. */
      url: z.string().nullable(),
    }),
  ),
});
export type IssueImpact = z.infer<typeof IssueImpactSchema>;

/** `GET /forge/jira/bugs?sort=`: the page's data, ranked as /api/bugs ranks it. */
export const RankedBugsSchema = z.looseObject({
  sort: z.enum(['cases', 'customers', 'revenue']),
  total: z.number().int().nonnegative(),
  bugs: z.array(
    z.looseObject({
      issueKey: z.string(),
      summary: z.string().nullable(),
      status: z.string().nullable(),
      releasedAt: Iso.nullable(),
      impact: ImpactFiguresSchema,
      deflection: DeflectionSchema,
    }),
  ),
});
export type RankedBugs = z.infer<typeof RankedBugsSchema>;
export type BugSort = RankedBugs['sort'];

/** The worker's error body (`{ error, message }`). */
export const RemoteErrorSchema = z.looseObject({ error: z.string(), message: z.string() });
