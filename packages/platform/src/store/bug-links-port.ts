/** A case's link to a bug in the tracker, with what is known of the issue and its support impact so far. */
export interface CaseBugLink {
  id: number;
  issueKey: string;
  linkedBy: string;
  linkedAt: string;
  summary: string | null;
  status: string | null;
  fixVersions: string[];
  /** Revenue at risk: null (not measured) until organisations carry their recurring revenue. */
  impact: { cases: number; openCases: number; customers: number; revenue: number | null };
}

/** A bug ranked by support demand, as Slack's `bugs` and the daily post list them. */
export interface RankedBug {
  issueKey: string;
  summary: string | null;
  status: string | null;
  cases: number;
  openCases: number;
  customers: number;
  /** Revenue at risk: each organisation's recurring revenue once; null (not measured) when none is known. */
  revenue: number | null;
  /** Cases linked within the window asked for. */
  newCases: number;
}

/** How to rank bugs: by all-time impact, or by the cases linked in a window (`new`). */
export interface RankedBugsQuery {
  sort: 'cases' | 'customers' | 'revenue' | 'new';
  /** The links counted as new: linked at or after newSince, before newUntil (also the clock of the impact). */
  newSince: string;
  newUntil: string;
  limit?: number;
}

/**
 * The links between cases and bugs, as the platform's routes and the other plugins read and change them (the case
 * view, the sidebar's linked bugs, a swarm's summary). A port: the bug tracker's plugin (jira-bridge, which owns the
 * `jira_links` and `jira_issues` tables) implements it, and the worker passes it to `platform({ bugLinks })`.
 */
export interface BugLinks {
  /** A case's links, oldest first, each with the issue's impact now. */
  linksOf(tenantId: string, caseId: string, now?: Date): Promise<CaseBugLink[]>;
  /** Links a case to an issue (idempotent: false when the link existed); the issue's impact is queued for writing. */
  link(tenantId: string, caseId: string, issueKey: string, linkedBy: string, at: string): Promise<boolean>;
  /** Removes a link by its id; false when the tenant has no such link. */
  unlink(tenantId: string, linkId: number, at?: string): Promise<boolean>;
  /** The tenant's linked bugs by support impact (the same impact as `/api/bugs` and the sidebar), at most `limit` (10). */
  rankedBugs(tenantId: string, q: RankedBugsQuery): Promise<RankedBug[]>;
  /** Whether the tenant links cases to bugs at all (else open bug impact is no health indicator). */
  inUse(tenantId: string): Promise<boolean>;
  /**
   * Per organisation (one when `orgId` is given), its open cases linked to a bug that is not fixed yet (unreleased,
   * unresolved and not deleted, or not synced yet): customer health's open bug impact.
   */
  openBugCasesByOrg(tenantId: string, orgId: string | null): Promise<Map<string, number>>;
  /** Fixes released since a time, each with the creation times of its linked cases (cases prevented). */
  releasedFixes(tenantId: string, since: string): Promise<{ releasedAt: string; created: string[] }[]>;
  /** What the maturity pre-fill reads of the links: cases linked since a time, and issues that carry their impact. */
  linkEvidence(tenantId: string, since: string): Promise<{ linkedCases: number; impactWritten: number }>;
}

/** When no bug tracker plugin is wired: no links, and linking is refused. */
export const NO_BUG_LINKS: BugLinks = {
  linksOf: async () => [],
  link: async () => {
    throw new Error('no bug tracker is wired into this worker (platform({ bugLinks }))');
  },
  unlink: async () => false,
  rankedBugs: async () => [],
  inUse: async () => false,
  openBugCasesByOrg: async () => new Map(),
  releasedFixes: async () => [],
  linkEvidence: async () => ({ linkedCases: 0, impactWritten: 0 }),
};
