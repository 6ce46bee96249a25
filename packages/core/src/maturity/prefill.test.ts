import { describe, expect, it } from 'vitest';
import { MATURITY_STATEMENT_IDS } from './model.js';
import { type MaturityEvidence, prefillMaturity } from './prefill.js';

// Every measure exactly at the boundary of "fully implemented".
const FULL: MaturityEvidence = {
  casesLast90Days: 200,
  prioritySetShare: 0.9,
  completeShare: 0.9,
  recordCompletionShare: 0.95,
  knowledgeActionShare: 0.6,
  collaborationShare: 0.2,
  slackConnected: true,
  jiraConnected: true,
  swarmsLast90Days: 13,
  jiraLinkedCasesLast90Days: 13,
  bugsWithImpactWrittenBack: 5,
  customersWithHealthScore: 40,
  groupsLast90Days: 2,
};
const ratingOf = (over: Partial<MaturityEvidence>, id: keyof ReturnType<typeof prefillMaturity>) =>
  prefillMaturity({ ...FULL, ...over })[id]?.rating;

describe('prefillMaturity', () => {
  it('rates the nine statements the evidence speaks to, each with a sentence carrying the number', () => {
    expect(prefillMaturity(FULL)).toEqual({
      s1_crm_dedicated: {
        rating: 3,
        evidence: '200 cases came in through your helpdesk in the last 90 days',
      },
      s1_prioritization_process: { rating: 3, evidence: '90% of cases in the last 90 days have a priority' },
      s2_minimal_case_information: {
        rating: 3,
        evidence:
          'In the last 90 days, 90% of cases opened with a complete first message and 95% of solved cases closed with a complete record',
      },
      s3_case_deflection_knowledge: {
        rating: 3,
        evidence: '60% of solved cases in the last 90 days linked, updated or created a knowledge article',
      },
      s5_swarming_ethos: {
        rating: 3,
        evidence:
          '13 swarms started and 20% of solved cases had a collaborator in the last 90 days, across 2 teams',
      },
      s5_engineering_alongside_support: {
        rating: 3,
        evidence: '13 cases were linked to a Jira issue in the last 90 days',
      },
      s2_crm_integrated: { rating: 3, evidence: 'Slack and Jira are both connected to your helpdesk' },
      s5_root_cause_analysis: { rating: 3, evidence: 'Support impact was written back to 5 Jira issues' },
      s4_customer_health_dashboard: { rating: 3, evidence: '40 customers have a health score' },
    });
  });

  it('never rates what helpdesk data cannot show', () => {
    const keys = Object.keys(prefillMaturity(FULL));
    for (const id of [
      's1_slas_communicated',
      's1_dedicated_team',
      's3_worldwide_availability',
      's4_executive_visibility',
      's6_churn_upsell_flagging',
      's6_revenue_center',
    ]) {
      expect(keys).not.toContain(id);
    }
    expect(keys.every((k) => (MATURITY_STATEMENT_IDS as readonly string[]).includes(k))).toBe(true);
  });

  it('rates priority at 90 % and 50 %', () => {
    expect(ratingOf({ prioritySetShare: 0.9 }, 's1_prioritization_process')).toBe(3);
    expect(ratingOf({ prioritySetShare: 0.899 }, 's1_prioritization_process')).toBe(2);
    expect(ratingOf({ prioritySetShare: 0.5 }, 's1_prioritization_process')).toBe(2);
    expect(ratingOf({ prioritySetShare: 0.499 }, 's1_prioritization_process')).toBe(1);
    expect(ratingOf({ prioritySetShare: null }, 's1_prioritization_process')).toBeUndefined();
    // The sentence rounds down, so it never shows the threshold the rating missed.
    expect(prefillMaturity({ ...FULL, prioritySetShare: 0.899 }).s1_prioritization_process?.evidence).toBe(
      '89% of cases in the last 90 days have a priority',
    );
  });

  it('rates minimal case information by the weaker of opening and closing completeness', () => {
    expect(ratingOf({ completeShare: 0.95, recordCompletionShare: 0.6 }, 's2_minimal_case_information')).toBe(
      2,
    );
    expect(
      ratingOf({ completeShare: 0.49, recordCompletionShare: 0.99 }, 's2_minimal_case_information'),
    ).toBe(1);
    expect(
      prefillMaturity({ ...FULL, completeShare: null, recordCompletionShare: 0.5 })
        .s2_minimal_case_information,
    ).toEqual({
      rating: 2,
      evidence: 'In the last 90 days, 50% of solved cases closed with a complete record',
    });
    expect(
      ratingOf({ completeShare: null, recordCompletionShare: null }, 's2_minimal_case_information'),
    ).toBeUndefined();
  });

  it('rates knowledge management at 60 % and 20 % of solved cases', () => {
    expect(ratingOf({ knowledgeActionShare: 0.599 }, 's3_case_deflection_knowledge')).toBe(2);
    expect(ratingOf({ knowledgeActionShare: 0.2 }, 's3_case_deflection_knowledge')).toBe(2);
    expect(ratingOf({ knowledgeActionShare: 0.199 }, 's3_case_deflection_knowledge')).toBe(1);
  });

  it('rates swarming 3 only with routine swarms, 20 % collaboration and two teams', () => {
    expect(ratingOf({ swarmsLast90Days: 12 }, 's5_swarming_ethos')).toBe(2);
    expect(ratingOf({ collaborationShare: 0.199 }, 's5_swarming_ethos')).toBe(2);
    expect(ratingOf({ groupsLast90Days: 1 }, 's5_swarming_ethos')).toBe(2);
    expect(ratingOf({ collaborationShare: null, swarmsLast90Days: 40 }, 's5_swarming_ethos')).toBe(2);
    expect(ratingOf({ swarmsLast90Days: 0, collaborationShare: 0.1 }, 's5_swarming_ethos')).toBe(2);
    expect(ratingOf({ swarmsLast90Days: 1, collaborationShare: 0 }, 's5_swarming_ethos')).toBe(2);
    expect(ratingOf({ swarmsLast90Days: 0, collaborationShare: 0.099 }, 's5_swarming_ethos')).toBe(1);
    expect(
      prefillMaturity({ ...FULL, swarmsLast90Days: 1, collaborationShare: null, groupsLast90Days: 1 })
        .s5_swarming_ethos,
    ).toEqual({ rating: 2, evidence: '1 swarm started in the last 90 days, across 1 team' });
  });

  it('rates CRM integration by Slack and Jira', () => {
    expect(prefillMaturity({ ...FULL, jiraConnected: false }).s2_crm_integrated).toEqual({
      rating: 2,
      evidence: 'Slack is connected to your helpdesk, Jira is not',
    });
    expect(prefillMaturity({ ...FULL, slackConnected: false }).s2_crm_integrated).toEqual({
      rating: 2,
      evidence: 'Jira is connected to your helpdesk, Slack is not',
    });
    expect(
      prefillMaturity({ ...FULL, slackConnected: false, jiraConnected: false }).s2_crm_integrated,
    ).toEqual({
      rating: 1,
      evidence: 'Neither Slack nor Jira is connected to your helpdesk',
    });
  });

  it('rates engineering work from Jira links and write-backs, and leaves both out without Jira', () => {
    expect(ratingOf({ jiraLinkedCasesLast90Days: 12 }, 's5_engineering_alongside_support')).toBe(2);
    expect(
      prefillMaturity({ ...FULL, jiraLinkedCasesLast90Days: 1 }).s5_engineering_alongside_support,
    ).toEqual({
      rating: 2,
      evidence: '1 case was linked to a Jira issue in the last 90 days',
    });
    expect(ratingOf({ jiraLinkedCasesLast90Days: 0 }, 's5_engineering_alongside_support')).toBe(1);
    expect(ratingOf({ bugsWithImpactWrittenBack: 4 }, 's5_root_cause_analysis')).toBe(2);
    expect(ratingOf({ bugsWithImpactWrittenBack: 1 }, 's5_root_cause_analysis')).toBe(2);
    expect(ratingOf({ bugsWithImpactWrittenBack: 0 }, 's5_root_cause_analysis')).toBe(1);
    const noJira = prefillMaturity({ ...FULL, jiraConnected: false });
    expect(noJira.s5_engineering_alongside_support).toBeUndefined();
    expect(noJira.s5_root_cause_analysis).toBeUndefined();
  });

  it('rates the health dashboard only when some customer has a health score', () => {
    expect(prefillMaturity({ ...FULL, customersWithHealthScore: 1 }).s4_customer_health_dashboard).toEqual({
      rating: 3,
      evidence: '1 customer has a health score',
    });
    expect(ratingOf({ customersWithHealthScore: 0 }, 's4_customer_health_dashboard')).toBeUndefined();
  });

  it('rates nothing from cases when there were none in the last 90 days', () => {
    const none = prefillMaturity({
      ...FULL,
      casesLast90Days: 0,
      prioritySetShare: null,
      completeShare: null,
      recordCompletionShare: null,
      knowledgeActionShare: null,
      collaborationShare: null,
      swarmsLast90Days: 0,
      jiraLinkedCasesLast90Days: 0,
      groupsLast90Days: 0,
    });
    expect(Object.keys(none).sort()).toEqual([
      's2_crm_integrated',
      's4_customer_health_dashboard',
      's5_root_cause_analysis',
    ]);
  });
});
