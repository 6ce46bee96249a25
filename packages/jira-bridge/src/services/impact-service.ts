import {
  type BugImpact,
  type BugSort,
  bugFixDeflection,
  bugImpact,
  type Deflection,
  rankBugs,
  totalDeflection,
} from '@support-metrics/core';
import type { AdfDoc } from '../jira-api/jira-api.js';
import { linkedCasesByIssue } from '../store/bug-links.js';
import type { JiraStore } from '../store/jira-store.js';

export interface BugView {
  issueKey: string;
  summary: string | null;
  status: string | null;
  resolution: string | null;
  fixVersions: string[];
  releasedAt: string | null;
  impact: BugImpact;
  deflection: Deflection;
}

/**
 * Every Jira issue a tenant's cases are linked to, with its impact and deflection, ranked by support demand; plus the
 * deflection of all shipped fixes together. Deleted issues are left out.
 */
export async function listBugs(
  jira: JiraStore,
  tenantId: string,
  q: { now: Date; sort: BugSort; limit: number },
): Promise<{ bugs: BugView[]; total: number; deflection: ReturnType<typeof totalDeflection> }> {
  const [issues, byIssue] = await Promise.all([
    jira.linkedIssues(tenantId),
    linkedCasesByIssue(jira.db, tenantId),
  ]);
  const views: BugView[] = issues
    .filter((i) => !i.deleted)
    .map((i) => {
      const cases = byIssue.get(i.issueKey) ?? [];
      return {
        ...i,
        impact: bugImpact(cases, { now: q.now, fixed: i.releasedAt !== null }),
        deflection: bugFixDeflection(
          cases.map((c) => c.createdAt),
          i.releasedAt,
          { now: q.now },
        ),
      };
    })
    .map(({ deleted: _deleted, ...v }) => v);
  return {
    bugs: rankBugs(views, q.sort).slice(0, q.limit),
    total: views.length,
    deflection: totalDeflection(views.map((v) => v.deflection)),
  };
}

/** One issue: what is known of it, its impact and deflection, and the cases behind it. */
export async function bugDetail(jira: JiraStore, tenantId: string, issueKey: string, now: Date) {
  const [issue, cases] = await Promise.all([
    jira.issue(tenantId, issueKey),
    jira.casesOf(tenantId, issueKey),
  ]);
  if (!issue && cases.length === 0) return null;
  // The impact counts the stored cases only (those with a creation time), as linkedCasesByIssue gives them to lists.
  const linked = cases.flatMap((c) =>
    c.createdAt === null
      ? []
      : [{ ...c, createdAt: c.createdAt, open: c.status !== 'solved' && c.status !== 'closed' }],
  );
  const releasedAt = issue?.releasedAt ?? null;
  return {
    issueKey,
    summary: issue?.summary ?? null,
    status: issue?.status ?? null,
    resolution: issue?.resolution ?? null,
    fixVersions: issue?.fixVersions.map((v) => v.name) ?? [],
    releasedAt,
    deleted: issue?.deletedAt !== null && issue?.deletedAt !== undefined,
    impact: bugImpact(linked, { now, fixed: releasedAt !== null }),
    deflection: bugFixDeflection(
      linked.map((c) => c.createdAt),
      releasedAt,
      { now },
    ),
    issueLinks: issue?.issueId ? await jira.issueLinksOf(tenantId, issue.issueId) : [],
    cases: cases.map((c) => ({
      caseId: c.caseId,
      subject: c.subject,
      status: c.status,
      createdAt: c.createdAt,
      linkedBy: c.linkedBy,
      linkedAt: c.linkedAt,
    })),
  };
}

export type BugDetail = NonNullable<Awaited<ReturnType<typeof bugDetail>>>;

/** The entity property written to Jira: numbers JQL can sort and filter on. */
export function impactProperty(d: BugDetail, at: string): Record<string, unknown> {
  return {
    cases: d.impact.cases,
    openCases: d.impact.openCases,
    customers: d.impact.customers,
    revenueAtRisk: d.impact.revenueAtRisk,
    weeklyRate: d.impact.weeklyRate,
    preventableCases: d.impact.preventable?.cases ?? null,
    preventableWeeks: d.impact.preventable?.weeks ?? null,
    firstSeen: d.impact.firstSeen,
    lastSeen: d.impact.lastSeen,
    deflection: d.deflection.status === 'measured' ? d.deflection.deflection : null,
    casesPrevented: d.deflection.status === 'measured' ? d.deflection.prevented : null,
    caseIds: d.cases.slice(0, 100).map((c) => c.caseId),
    updatedAt: at,
  };
}

const text = (t: string, href?: string) => ({
  type: 'text',
  text: t,
  ...(href ? { marks: [{ type: 'link', attrs: { href } }] } : {}),
});
const paragraph = (...content: Record<string, unknown>[]) => ({ type: 'paragraph', content });

/** The one comment on the issue, in ADF: the numbers and links to the cases (the first 25). */
export function impactComment(
  d: BugDetail,
  ticketUrl: (caseId: string) => string | null,
  at: string,
): AdfDoc {
  const i = d.impact;
  const revenue =
    i.revenueAtRisk === null
      ? 'revenue at risk not measured'
      : `${i.revenueAtRisk.toLocaleString('en-US')} ARR at risk`;
  const lines = [
    `${i.cases} support case${i.cases === 1 ? '' : 's'} (${i.openCases} open) from ${i.customers} customer${i.customers === 1 ? '' : 's'}, ${revenue}.`,
    `New cases: ${i.weeklyRate} a week${i.preventable ? `; about ${i.preventable.cases} more in the next ${i.preventable.weeks} weeks if unfixed` : ''}.`,
  ];
  if (d.deflection.status === 'measured')
    lines.push(
      `Since the fix shipped (${d.deflection.releasedAt.slice(0, 10)}): ${d.deflection.actual} cases against ${d.deflection.forecast} expected — ${d.deflection.prevented} prevented.`,
    );
  if (d.deflection.status === 'too_early')
    lines.push(
      `The fix shipped ${d.deflection.releasedAt.slice(0, 10)}: too early to tell how many cases it prevents.`,
    );
  const caseLinks = d.cases.slice(0, 25).flatMap((c, k) => {
    const label = `#${c.caseId}`;
    return [...(k ? [text(', ')] : []), text(label, ticketUrl(c.caseId) ?? undefined)];
  });
  return {
    type: 'doc',
    version: 1,
    content: [
      paragraph(
        { type: 'text', text: 'Support impact', marks: [{ type: 'strong' }] },
        text(` (Support Metrics, updated ${at.slice(0, 16).replace('T', ' ')} UTC)`),
      ),
      ...lines.map((l) => paragraph(text(l))),
      ...(caseLinks.length
        ? [
            paragraph(
              text('Cases: '),
              ...caseLinks,
              ...(d.cases.length > 25 ? [text(` and ${d.cases.length - 25} more`)] : []),
            ),
          ]
        : []),
    ],
  };
}
