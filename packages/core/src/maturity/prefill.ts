import { z } from 'zod';
import type { MaturityRating } from './answers-schema.js';
import type { MaturityStatementId } from './model.js';

/** What Support Metrics can see in its own store; null = not known. */
export interface MaturityEvidence {
  casesLast90Days: number;
  /** share of cases (last 90 days) with a priority set */
  prioritySetShare: number | null;
  /** share of cases (last 90 days) whose first message scored complete */
  completeShare: number | null;
  /** share of solved cases (last 90 days) whose closed record is complete */
  recordCompletionShare: number | null;
  /** share of solved cases (last 90 days) with a knowledge article linked/updated/created */
  knowledgeActionShare: number | null;
  /** share of solved cases (last 90 days) with a collaborator besides the assignee */
  collaborationShare: number | null;
  slackConnected: boolean;
  jiraConnected: boolean;
  /** swarms started in the last 90 days */
  swarmsLast90Days: number;
  /** cases linked to a Jira issue in the last 90 days */
  jiraLinkedCasesLast90Days: number;
  /** Jira issues whose support impact was written back to Jira */
  bugsWithImpactWrittenBack: number;
  /** whether a customer health mapping is configured and how many customers have a health score */
  customersWithHealthScore: number;
  /** groups (teams) seen on cases in the last 90 days */
  groupsLast90Days: number;
}

/** MaturityEvidence as data that went out and came back (the Slack modal carries it from step to step). */
export const MaturityEvidenceSchema = z.strictObject({
  casesLast90Days: z.number().int().nonnegative(),
  prioritySetShare: z.number().min(0).max(1).nullable(),
  completeShare: z.number().min(0).max(1).nullable(),
  recordCompletionShare: z.number().min(0).max(1).nullable(),
  knowledgeActionShare: z.number().min(0).max(1).nullable(),
  collaborationShare: z.number().min(0).max(1).nullable(),
  slackConnected: z.boolean(),
  jiraConnected: z.boolean(),
  swarmsLast90Days: z.number().int().nonnegative(),
  jiraLinkedCasesLast90Days: z.number().int().nonnegative(),
  bugsWithImpactWrittenBack: z.number().int().nonnegative(),
  customersWithHealthScore: z.number().int().nonnegative(),
  groupsLast90Days: z.number().int().nonnegative(),
}) satisfies z.ZodType<MaturityEvidence>;

/** A suggested rating and the measured fact behind it, shown to the user who confirms or overrides it. */
export interface PrefilledRating {
  rating: MaturityRating;
  evidence: string;
}

/** A band of a measured value: at least `full` rates 3, at least `partial` rates 2, below rates 1. */
export interface RatingBand {
  full: number;
  partial: number;
}

/**
 * The bands the pre-fill rates by. Priority, first-message completeness and closed-record completeness are
 * expected on every case, so "fully implemented" means nearly every case (90 %). Knowledge actions and
 * collaboration are not due on every case (many are answered from what the agent knows, alone), so their
 * bands are lower. Counts over 90 days use 13 for "fully": about one a week, i.e. routine.
 *
 * @example PREFILL_BANDS.prioritySetShare // { full: 0.9, partial: 0.5 }
 */
export const PREFILL_BANDS = {
  prioritySetShare: { full: 0.9, partial: 0.5 },
  caseCompleteness: { full: 0.9, partial: 0.5 },
  knowledgeActionShare: { full: 0.6, partial: 0.2 },
  /** Collaboration: partial from this share alone; full also needs routine swarms across teams. */
  collaborationShare: { full: 0.2, partial: 0.1 },
  swarmsLast90Days: { full: 13, partial: 1 },
  jiraLinkedCasesLast90Days: { full: 13, partial: 1 },
  bugsWithImpactWrittenBack: { full: 5, partial: 1 },
} as const satisfies Record<string, RatingBand>;

/** Swarming "with multiple teams participating" rates 3 only when cases reached at least this many groups. */
export const SWARM_MIN_TEAMS = 2;

function band(value: number, b: RatingBand): MaturityRating {
  if (value >= b.full) return 3;
  if (value >= b.partial) return 2;
  return 1;
}

// Floor, so the sentence never shows 90 % for a share that rated below the 90 % band (0.899 → 89 %);
// the epsilon keeps 0.29 at 29 % despite 0.29 × 100 = 28.999….
function percent(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)}%`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Suggested ratings for the statements Support Metrics' own data speaks to; every other statement is left
 * out (SLAs communicated to customers, 24x7 coverage, executive funding, churn processes… are not visible in
 * helpdesk data). Shares are not rated when there were no cases in the last 90 days; Jira-based statements
 * are not rated when Jira is not connected (the work may happen in a tracker we cannot see).
 *
 * @example prefillMaturity(evidence).s1_prioritization_process
 * // { rating: 3, evidence: '93% of cases in the last 90 days have a priority' }
 */
export function prefillMaturity(e: MaturityEvidence): Partial<Record<MaturityStatementId, PrefilledRating>> {
  const out: Partial<Record<MaturityStatementId, PrefilledRating>> = {};
  const hasCases = e.casesLast90Days > 0;

  if (hasCases) {
    // Cases reach us from the helpdesk, so a support CRM is in use; with none, it may simply be quiet.
    out.s1_crm_dedicated = {
      rating: 3,
      evidence: `${plural(e.casesLast90Days, 'case', 'cases')} came in through your helpdesk in the last 90 days`,
    };

    if (e.prioritySetShare !== null) {
      out.s1_prioritization_process = {
        rating: band(e.prioritySetShare, PREFILL_BANDS.prioritySetShare),
        evidence: `${percent(e.prioritySetShare)} of cases in the last 90 days have a priority`,
      };
    }

    // "Minimal information to open a case and close it based on metadata": both halves must hold, so the
    // weaker of first-message completeness and closed-record completeness decides.
    const opening = e.completeShare;
    const closing = e.recordCompletionShare;
    if (opening !== null || closing !== null) {
      const shares = [opening, closing].filter((s): s is number => s !== null);
      const parts = [
        opening === null ? null : `${percent(opening)} of cases opened with a complete first message`,
        closing === null ? null : `${percent(closing)} of solved cases closed with a complete record`,
      ].filter((p): p is string => p !== null);
      out.s2_minimal_case_information = {
        rating: band(Math.min(...shares), PREFILL_BANDS.caseCompleteness),
        evidence: `In the last 90 days, ${parts.join(' and ')}`,
      };
    }

    if (e.knowledgeActionShare !== null) {
      out.s3_case_deflection_knowledge = {
        rating: band(e.knowledgeActionShare, PREFILL_BANDS.knowledgeActionShare),
        evidence: `${percent(e.knowledgeActionShare)} of solved cases in the last 90 days linked, updated or created a knowledge article`,
      };
    }

    out.s5_swarming_ethos = swarming(e);

    if (e.jiraConnected) {
      out.s5_engineering_alongside_support = {
        rating: band(e.jiraLinkedCasesLast90Days, PREFILL_BANDS.jiraLinkedCasesLast90Days),
        evidence: `${plural(e.jiraLinkedCasesLast90Days, 'case was', 'cases were')} linked to a Jira issue in the last 90 days`,
      };
    }
  }

  // Integrations are known whatever the case volume.
  const connected = [e.slackConnected && 'Slack', e.jiraConnected && 'Jira'].filter(
    (t): t is string => t !== false,
  );
  out.s2_crm_integrated = {
    rating: connected.length === 2 ? 3 : connected.length === 1 ? 2 : 1,
    evidence:
      connected.length === 2
        ? 'Slack and Jira are both connected to your helpdesk'
        : connected.length === 1
          ? `${connected[0]} is connected to your helpdesk, ${connected[0] === 'Slack' ? 'Jira' : 'Slack'} is not`
          : 'Neither Slack nor Jira is connected to your helpdesk',
  };

  if (e.jiraConnected) {
    // Writing a bug's support impact back to Jira is Support handing product and engineering the data to
    // prioritise with; it is not time-bound, so it counts whatever the recent case volume.
    out.s5_root_cause_analysis = {
      rating: band(e.bugsWithImpactWrittenBack, PREFILL_BANDS.bugsWithImpactWrittenBack),
      evidence: `Support impact was written back to ${plural(e.bugsWithImpactWrittenBack, 'Jira issue', 'Jira issues')}`,
    };
  }

  // With no health score we cannot tell "no dashboard" from "a dashboard we are not connected to": left out.
  if (e.customersWithHealthScore > 0) {
    out.s4_customer_health_dashboard = {
      rating: 3,
      evidence: `${plural(e.customersWithHealthScore, 'customer has', 'customers have')} a health score`,
    };
  }

  return out;
}

/**
 * Swarming "part of the company ethos, with multiple teams participating": 3 needs routine swarms, a
 * collaboration share in the full band and cases spread over at least two groups; 2 needs any swarm or a
 * collaboration share in the partial band; otherwise 1. Unknown collaboration caps the rating at 2.
 */
function swarming(e: MaturityEvidence): PrefilledRating {
  const b = PREFILL_BANDS;
  const share = e.collaborationShare;
  const full =
    e.swarmsLast90Days >= b.swarmsLast90Days.full &&
    share !== null &&
    share >= b.collaborationShare.full &&
    e.groupsLast90Days >= SWARM_MIN_TEAMS;
  const partial =
    e.swarmsLast90Days >= b.swarmsLast90Days.partial ||
    (share !== null && share >= b.collaborationShare.partial);
  const swarms = plural(e.swarmsLast90Days, 'swarm', 'swarms');
  const teams = plural(e.groupsLast90Days, 'team', 'teams');
  return {
    rating: full ? 3 : partial ? 2 : 1,
    evidence:
      share === null
        ? `${swarms} started in the last 90 days, across ${teams}`
        : `${swarms} started and ${percent(share)} of solved cases had a collaborator in the last 90 days, across ${teams}`,
  };
}
