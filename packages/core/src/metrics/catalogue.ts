import type { MetricDefinition } from './metric-definition.js';

/** Every metric in the study (B2B guide plus companion articles), one entry per id. @example METRIC_CATALOGUE.find(m => m.id === 'csat') */
export const METRIC_CATALOGUE = [
  // ── Transactional metrics (case management and resolution) ────────────────────────────────────
  {
    id: 'case_completeness',
    name: 'Case completeness',
    definition:
      'Share of newly opened cases that arrive with enough detail for an agent to start diagnosing right away. Incomplete submissions force a round of questions back to the customer, which slows resolution and raises cost, so the study wants this pushed up through structured intake.',
    formula: 'new cases flagged as complete at creation ÷ all new cases',
    unit: 'ratio',
    better: 'higher',
    benchmark: 0.47,
    target: 0.8,
    benchmarkNote:
      'KEY METRICS (line 1628) and Figure 14 (line 1141) put complete cases at 47% and partial at 53%; the Key Findings bullet at line 994 states the reverse (47% insufficient). Target: above 80%.',
    needs: ['completeness'],
    source: '000 KEY METRICS: Case Completeness (line ~1614)',
  },
  {
    id: 'interactions_per_case',
    name: 'Customer interactions per case',
    definition:
      'Average number of exchanges between Support and the customer before a case closes. Each extra back-and-forth, usually caused by missing information, adds elapsed time, cost and customer frustration.',
    formula: 'sum of public agent replies on solved cases ÷ number of solved cases',
    unit: 'count',
    better: 'lower',
    benchmark: 2,
    benchmarkNote:
      'KEY METRICS says the average case needs more than two interactions (line 1650); the body says two per case (line 1038) and the Key Findings say two additional interactions (line 998). Stored as 2, read as "more than 2".',
    needs: ['publicAgentReplies', 'status'],
    source: '000 KEY METRICS: Customer Interactions Per Case (line ~1632)',
  },
  {
    id: 'first_contact_resolution',
    name: 'First contact resolution',
    definition:
      'Share of cases closed during the first exchange with the customer, without any follow-up step. When a case misses first contact it is the trigger for escalation or collaboration, so FCR reflects both case quality and agent expertise.',
    formula:
      'solved cases resolved with one agent reply and never reopened ÷ solved cases with at least one agent reply',
    unit: 'ratio',
    better: 'higher',
    benchmark: 0.54,
    benchmarkNote:
      'Varies widely with product type and complexity; depending on the resolution model, acceptable levels run from near 0% to above 70% (line ~1279). Only 18% of companies treat FCR as a top metric.',
    needs: ['status', 'publicAgentReplies', 'reopens'],
    source: '000 KEY METRICS: First Contact Resolution (line ~1653)',
  },
  {
    id: 'escalation_rate',
    name: 'Escalation rate',
    definition:
      'Share of cases whose ownership is handed to another tier, team or department because the first owner could not close them. Unlike collaboration, escalation moves responsibility for the case, which adds handoffs and delay.',
    formula: 'solved cases with at least one group handoff (ownership transfer) ÷ solved cases',
    unit: 'ratio',
    better: 'lower',
    benchmark: 0.47,
    benchmarkNote:
      'Varies by product type and complexity. The denominator is ambiguous in the study: 46% of new cases need a "next step" (line 1324), so 47% reads as a share of all cases rather than of cases missing first contact.',
    needs: ['status', 'groupStations'],
    source: '000 KEY METRICS: Escalation Rate (line ~1667)',
  },
  {
    id: 'collaboration_rate',
    name: 'Collaboration rate',
    definition:
      'Share of cases on which more than one Support team member works together while ownership stays put. The study links collaboration with better satisfaction and faster resolution, and suggests checking it against time to resolution and total effort.',
    formula: 'solved cases with at least one collaborator besides the assignee ÷ solved cases',
    unit: 'ratio',
    better: 'higher',
    benchmark: 0.75,
    benchmarkNote:
      'Average of 75% of cases involve some collaboration. The study treats collaboration as positive (64% of companies report higher CSAT, 56% faster resolution) but sets no target; judge it together with effort and TTR.',
    needs: ['status', 'collaborators'],
    source: '000 KEY METRICS: Collaboration Rate (line ~1685)',
  },
  {
    id: 'time_to_resolution',
    name: 'Time to resolution',
    definition:
      'Elapsed clock time from when a case is opened until it is closed. It is the main velocity measure for assisted support and depends heavily on product type and issue complexity.',
    formula: 'mean over solved cases of (solvedAt − createdAt), in hours',
    unit: 'hours',
    better: 'lower',
    benchmark: 28,
    benchmarkNote:
      'Average 28 elapsed (not business) hours from open to close; varies strongly by product and issue complexity.',
    needs: ['createdAt', 'solvedAt'],
    source: '000 KEY METRICS: Time to Resolution (line ~1712)',
  },
  {
    id: 'total_effort_to_resolve',
    name: 'Total effort to resolve',
    definition:
      'Total hands-on hours that everyone involved (owner, collaborators, escalation targets) spends on a case. It turns resolution into a cost figure and shows whether collaboration or escalation is adding work.',
    formula: 'mean over solved cases of (sum of agentEffortMinutes across all contributors ÷ 60)',
    unit: 'hours',
    better: 'lower',
    benchmarkNote: 'The study has no standard benchmark.',
    needs: ['status', 'agentEffortMinutes'],
    source: '000 KEY METRICS: Total Effort to Resolve (line ~1728)',
  },
  {
    id: 'case_record_completion',
    name: 'Case record completion',
    definition:
      'Share of closed cases whose record captures the minimum closure details, such as why the customer needed help, the issue type and the solution. Without these, Support cannot find root causes or plan prevention work.',
    formula: 'solved cases with all required closure fields filled ÷ solved cases',
    unit: 'ratio',
    better: 'higher',
    benchmark: 0.33,
    target: 1,
    benchmarkNote:
      'About a third of closed cases are fully documented; every closed case should be. Only 67% of companies document cases at all, and field compliance is under 50% (line ~1421).',
    needs: ['status', 'closure'],
    source: '000 KEY METRICS: Case Record Completion (line ~1744)',
  },
  {
    id: 'new_vs_known',
    name: 'New vs. known',
    definition:
      'Split of cases between topics already covered by the knowledge base or documentation (known) and topics that are not documented yet (new). Known cases point to findability or clarity gaps; new ones point to content that needs writing.',
    formula:
      'share of solved cases linked to an existing knowledge article (known) vs. share with no existing article (new)',
    unit: 'distribution',
    better: 'neither',
    benchmarkNote: 'The study has no standard benchmark.',
    needs: ['knowledgeLinks'],
    source: '000 KEY METRICS: New vs. Known (line ~1769)',
  },
  {
    id: 'knowledge_action',
    name: 'Knowledge action',
    definition:
      'Share of closed cases that lead to a knowledge step: linking an existing article, revising one or writing a new one. It shows whether what agents learn on cases is fed back into content that can prevent or speed up later cases.',
    formula: 'solved cases with a knowledge link, update or new article ÷ solved cases',
    unit: 'ratio',
    better: 'higher',
    benchmark: 0.42,
    benchmarkNote:
      'KEY METRICS counts linking (known), updating or creating an article as 42% industry-wide (line 1807); the body (line 1433) gives 42% as the share of companies that update or create articles at closure.',
    needs: ['status', 'knowledgeLinks'],
    source: '000 KEY METRICS: Knowledge Action (line ~1793)',
  },
  {
    id: 'cases_by_channel',
    name: 'Cases by channel',
    definition:
      'How incoming assisted demand spreads across the offered channels (web form, phone, e-mail, chat, community). It checks that channel uptake matches plans, especially for new channels and the ones best suited to automation.',
    formula: 'cases per channel ÷ all cases, for each channel',
    unit: 'distribution',
    better: 'neither',
    benchmarkNote:
      'No established level. Context: customers use electronic channels 73% vs. phone 27% (line 728); web form is the top channel, then phone and e-mail (line 675).',
    needs: ['channel'],
    source: '000 KEY METRICS: Cases by Channel (line ~925); 001 Key Metrics (line ~42)',
  },
  {
    id: 'issues_by_type',
    name: 'Assisted issues by type',
    definition:
      'How assisted demand splits across issue categories such as how-to, bug or performance, and installation or configuration. Knowing why customers ask for help guides both response and prevention work.',
    formula: 'cases per issue type ÷ all cases, for each issue type',
    unit: 'distribution',
    better: 'neither',
    benchmarkNote:
      'No established level. Observed split: How-To 33% / Bugs or Performance 34% / Installation, Configuration, Setup 32% (line ~775).',
    needs: ['issueType'],
    source: '000 KEY METRICS: Assisted Issue by Types (line ~941); 001 Key Metrics (line ~43)',
  },
  {
    id: 'support_access_point',
    name: 'Support access point',
    definition:
      'Where a case starts: inside the product, on the support site or by phone, and from a desktop or mobile device. Knowing this lets the team invest in the entry points customers actually prefer.',
    formula: 'cases per access point (in-product, web, phone; desktop vs. mobile) ÷ all cases',
    unit: 'distribution',
    better: 'neither',
    benchmarkNote: 'No established level.',
    needs: ['channel'],
    source: '000 KEY METRICS: Support Access Point (line ~953); 001 Key Metrics (line ~44)',
  },
  {
    id: 'csat',
    name: 'Customer satisfaction (CSAT)',
    definition:
      'Share of surveyed customers who report being satisfied, from a survey after case closure or a periodic relationship survey. It shows how good a transaction was, but the study warns that it does not predict whether the customer will stay.',
    formula: 'survey responses in the satisfied band (e.g. 9–10 of 10, or "good") ÷ all survey responses',
    unit: 'ratio',
    better: 'higher',
    benchmark: 0.867,
    benchmarkNote: 'Industry average 86.7% (rounded to 87% in the Key Findings, line 2466).',
    needs: ['satisfaction'],
    source: '000 KEY METRICS: Customer Satisfaction (line ~2801)',
  },
  {
    id: 'nps',
    name: 'Net Promoter Score',
    definition:
      'Single-question loyalty score that sorts respondents into promoters, passives and detractors. The study considers it a weak Support measure because a product problem can drag down the rating of a good support interaction.',
    formula: '(promoters ÷ respondents − detractors ÷ respondents) × 100, on a −100..100 scale',
    unit: 'score',
    better: 'higher',
    benchmark: 35,
    benchmarkNote:
      'Industry average NPS for Support is 35; only 28% of companies use NPS as a top Support metric.',
    needs: ['nps'],
    source: '000 KEY METRICS: Net Promoter Score (line ~2821)',
  },
  {
    id: 'reopen_rate',
    name: 'Reopen rate',
    definition:
      'Share of solved cases that the customer reopens because the fix did not hold. It tests how complete resolutions are, which customers expect, and it guards first contact resolution against premature closure.',
    formula: 'solved cases reopened at least once ÷ solved cases',
    unit: 'ratio',
    better: 'lower',
    benchmarkNote: 'The study gives no benchmark; it is not a KEY METRICS item.',
    needs: ['status', 'reopens'],
    source:
      '002 "Complete Resolution" customer expectations (line ~408) and the FCR never-reopened rule; not a KEY METRICS item of 000',
  },
  {
    id: 'self_help_deflection',
    name: 'Self-help deflection',
    definition:
      'Share of would-be assisted requests that never reach an agent because the customer found the answer in self-help. It is the payoff measure for knowledge-base and documentation investment.',
    formula: 'self-help sessions that resolved the need without an assisted case ÷ all self-help sessions',
    unit: 'ratio',
    better: 'higher',
    benchmark: 0.198,
    benchmarkNote:
      'Hovered near 20% for a decade; in 2020 it dropped 3.7% to 19.8% (line ~2433; Table 2 at line 2136).',
    needs: ['selfHelp'],
    source: '000 KEY METRICS: Self-Help Deflection (line ~2421)',
  },
  {
    id: 'bug_impact',
    name: 'Bug impact',
    definition:
      'Estimated part of support demand caused by product defects, covering both performance and user-experience problems. It is the evidence Support uses to rank and justify fixes with Engineering.',
    formula: 'cases classified as bug/performance or linked to an engineering issue ÷ all cases',
    unit: 'ratio',
    better: 'lower',
    benchmarkNote:
      'Varies by product type; no single benchmark. Context: bugs or performance issues are 34% of assisted demand (line ~775).',
    needs: ['issueType', 'jiraLinks'],
    source: '000 KEY METRICS: Bug Impact (line ~2306)',
  },
  {
    id: 'bug_fix_deflection',
    name: 'Bug-fix deflection',
    definition:
      'Reduction in cases that follows once a prioritized defect is fixed. Comparing it with the forecast bug impact shows whether engineering fixes really remove support demand.',
    formula:
      '(cases linked to a fixed engineering issue in the period before the fix − same after the fix) ÷ cases before the fix',
    unit: 'ratio',
    better: 'higher',
    benchmarkNote: 'The study has no established benchmark.',
    needs: ['jiraLinks', 'createdAt', 'issueType'],
    source: '000 KEY METRICS: Bug-Fix Deflection (line ~2319)',
  },
  {
    id: 'prevention_rate',
    name: 'Prevention rate',
    definition:
      'Overall drop in support demand that comes from mitigation and prevention work: product fixes, customer skills and self-help content. It is the headline measure for scaling Support beyond reacting to cases.',
    formula: '(expected case volume without mitigation − actual case volume) ÷ expected case volume',
    unit: 'ratio',
    better: 'higher',
    target: 0.25,
    benchmarkNote:
      'No average. <5%: little or no reduction when mitigation is informal; >25%: achievable with aggressive prevention and self-help programs.',
    needs: ['createdAt', 'issueType'],
    source: '000 KEY METRICS: Prevention Rate (line ~2280)',
  },
  {
    id: 'churn',
    name: 'Churn',
    definition:
      'Share of customers lost because they do not renew. It is a lagging signal, usually the result of accumulated problems that kept customers from getting value, though some churn (acquisitions, closures) is outside Support control.',
    formula: 'customers who did not renew in the period ÷ customers due or active at period start',
    unit: 'ratio',
    better: 'lower',
    benchmark: 0.1,
    target: 0.03,
    benchmarkNote:
      'Industry average 10%; below 3% is optimal (lines 616 and 2852). 001 (line 338) separately cites an 82.4% average support-contract renewal rate, i.e. about 18% lost at renewal, on a different basis.',
    needs: ['organization', 'churn'],
    source: '000 KEY METRICS: Churn (line ~602 demand section; line ~2838 health section)',
  },
  {
    id: 'health_at_risk',
    name: 'At-risk customers',
    definition:
      'Share of customers whose composite health score falls below the at-risk threshold. It works as an early warning that should trigger intervention before the relationship shows up as churn.',
    formula: 'customers with health score below the at-risk threshold ÷ all active customers',
    unit: 'ratio',
    better: 'lower',
    target: 0.1,
    benchmarkNote:
      'The study gives a ceiling, not an average: no more than 10% of customers should be at risk.',
    needs: ['organization', 'health'],
    source: '000 KEY METRICS: Health Score (line ~2895, performance level at line 2909)',
  },
  {
    id: 'recurring_revenue',
    name: 'Recurring revenue rate (ARR/MRR)',
    definition:
      'How much recurring revenue existing accounts keep (and grow or shrink) over a period, tracked per relationship. As a lagging indicator it points to accounts where products, policies or service are not enough to sustain the relationship.',
    formula:
      'recurring revenue at period end from accounts active at period start ÷ recurring revenue of those accounts at period start',
    unit: 'ratio',
    better: 'higher',
    benchmark: 0.83,
    target: 0.95,
    benchmarkNote: 'Average 83%; above 95% is market-leading.',
    needs: ['organization', 'recurringRevenue'],
    source: '000 KEY METRICS: Recurring Revenue (ARR/MRR) (line ~2913)',
  },
  {
    id: 'net_recurring_revenue',
    name: 'Net recurring revenue',
    definition:
      'Net growth or shrinkage of total recurring revenue across all accounts, combining new sales, expansion, contraction and losses. The study treats it as the best single sign that Support and Success are sustaining relationship value, ahead of NPS.',
    formula:
      '(starting recurring revenue + new + expansion − contraction − lost) ÷ starting recurring revenue',
    unit: 'ratio',
    better: 'higher',
    benchmark: 0.98,
    target: 1,
    benchmarkNote:
      'Average 98%; it should exceed 100% (overall relationship value growing). Values above 1 are valid.',
    needs: ['organization', 'recurringRevenue'],
    source: '000 KEY METRICS: Net Recurring Revenue (line ~2933); 002 metric 8 (line ~57)',
  },

  // ── Support demand forecasting ─────────────────────────────────────────────────────────────────
  {
    id: 'customer_growth',
    name: 'Customer growth (new logos)',
    definition:
      'Number of net new customer accounts added in a period. New logos are the largest driver of rising support demand, so this is the starting point for forecasting.',
    formula:
      'count of organizations whose first relationship starts in the period, net of lost organizations',
    unit: 'count',
    better: 'neither',
    benchmarkNote: 'No benchmark: depends on sales forecasts, product and market segment.',
    needs: ['organization'],
    source: '000 KEY METRICS: Customer Growth (New Logos) (line ~533)',
  },
  {
    id: 'cases_per_new_user',
    name: 'Cases per new user',
    definition:
      'Average number of cases a newly added user generates. Multiplied by the expected number of new users, it converts sales growth into expected case volume.',
    formula: 'cases raised by users new in the period ÷ number of new users in the period',
    unit: 'count',
    better: 'neither',
    benchmark: 4.4,
    benchmarkNote: 'Industry average 4.4 cases per new user; used as a forecasting input rather than a goal.',
    needs: ['createdAt', 'requester'],
    source: '000 KEY METRICS: Cases per New User (line ~547)',
  },
  {
    id: 'demand_expansion',
    name: 'Demand expansion',
    definition:
      'Growth in support use by existing customers as they use more of what they already own. Adoption drives raise it, so it should be forecast together with adoption programs.',
    formula:
      '(cases from existing customers this period − same last period) ÷ same last period, when positive',
    unit: 'ratio',
    better: 'neither',
    benchmarkNote:
      '0% to 5% with little formal adoption effort; around +10% when adoption is pushed aggressively.',
    needs: ['organization', 'createdAt'],
    source: '000 KEY METRICS: Expansion (line ~560)',
  },
  {
    id: 'demand_contraction',
    name: 'Demand contraction',
    definition:
      'Drop in support use by existing customers, either because they disengage from the product or because the product has become stable and mature.',
    formula:
      '(cases from existing customers this period − same last period) ÷ same last period, when negative',
    unit: 'ratio',
    better: 'neither',
    benchmarkNote: 'Expressed as below 0%; no average given.',
    needs: ['organization', 'createdAt'],
    source: '000 KEY METRICS: Contraction (line ~584)',
  },
  {
    id: 'support_demand_forecast',
    name: 'Support demand forecast',
    definition:
      'Expected rate of change in total support demand, built from new logos and adoption (growth) minus lost and disengaged customers (contraction). It underpins staffing and funding plans.',
    formula: '(forecast case volume next period − case volume this period) ÷ case volume this period',
    unit: 'ratio',
    better: 'neither',
    benchmark: 0.106,
    benchmarkNote: 'Industry demand grew 10.6% in 2020; varies by company.',
    needs: ['createdAt', 'organization'],
    source: '000 KEY METRICS: Support Demand Forecast (line ~619)',
  },
  {
    id: 'support_funding_level',
    name: 'Support funding level',
    definition:
      'Support spending as a share of total company revenue, covering both day-to-day demand and mitigation or prevention initiatives. It frames what the business gets for its Support investment.',
    formula: 'total Support spend ÷ total company revenue',
    unit: 'ratio',
    better: 'neither',
    benchmarkNote: 'Ranges from 2% to 16% of revenue, depending heavily on company size and product type.',
    needs: ['financials'],
    source: '000 KEY METRICS: Support Funding Level (line ~635)',
  },

  // ── Prevention, proficiency, self-help ─────────────────────────────────────────────────────────
  {
    id: 'proficiency_impact',
    name: 'Proficiency impact',
    definition:
      'Estimated part of support demand caused by customers lacking the skills to use and apply the product. It sizes the savings that training and onboarding could unlock and is used to justify that investment.',
    formula: 'cases classified as how-to or installation/configuration ÷ all cases',
    unit: 'ratio',
    better: 'lower',
    benchmarkNote:
      'Varies by product type and by how mature training and onboarding are. Context: how-to 33% and installation/configuration 32% of assisted demand (line ~775).',
    needs: ['issueType'],
    source: '000 KEY METRICS: Proficiency Impact (line ~2331)',
  },
  {
    id: 'skills_deflection',
    name: 'Skills deflection',
    definition:
      'Drop in cases that follows when customers build product skills through training or coaching. Comparing it with the forecast proficiency impact shows whether skills programs pay off.',
    formula:
      '(skills-related cases per customer before training − same after training) ÷ same before training',
    unit: 'ratio',
    better: 'higher',
    benchmarkNote: 'The study has no established benchmark.',
    needs: ['issueType', 'createdAt', 'organization'],
    source: '000 KEY METRICS: Skills Deflection (line ~2353)',
  },
  {
    id: 'onboard_rate',
    name: 'Onboard rate',
    definition:
      'Share of new customers who went through formal onboarding, whether tech-touch self-guided material or a guided program with an account or success manager. Onboarding is one of the strongest levers for preventing later cases.',
    formula: 'new customers formally onboarded ÷ all new customers',
    unit: 'ratio',
    better: 'higher',
    target: 1,
    benchmarkNote:
      'No per-customer average; only 31% of companies run formal onboarding programs. All new customers should be onboarded.',
    needs: ['organization', 'onboarding'],
    source: '000 KEY METRICS: Onboard Rate (line ~2366); 002 metric 1 Onboard (line ~29)',
  },
  {
    id: 'self_help_coverage',
    name: 'Self-help coverage',
    definition:
      'How many known support issues have matching self-help content. Gaps show where new content would deflect the most future demand.',
    formula: 'known issue topics with at least one self-help article ÷ all known issue topics',
    unit: 'ratio',
    better: 'higher',
    target: 0.8,
    benchmarkNote: 'Target: the knowledge base covers over 80% of known issues.',
    needs: ['issueType', 'knowledgeLinks'],
    source: '000 KEY METRICS: Self-Help Coverage (line ~2388)',
  },
  {
    id: 'self_help_usage',
    name: 'Self-help usage',
    definition:
      'Share of customers who try self-help before asking for assisted support. Good content coverage deflects nothing if customers cannot reach it or do not use it, for example when the knowledge base is behind a login.',
    formula: 'assisted cases preceded by a self-help attempt ÷ all assisted cases',
    unit: 'ratio',
    better: 'higher',
    benchmark: 0.67,
    benchmarkNote:
      'About two-thirds of customers say they try self-help (vendor content or web search) first. 57.2% of companies report growing self-help use, by 8.9% on average (Table 2).',
    needs: ['selfHelp'],
    source: '000 KEY METRICS: Self-Help Usage (line ~2402)',
  },
  {
    id: 'self_help_success',
    name: 'Self-service success',
    definition:
      'Share of customers who say self-help gave them useful information. It sits well above deflection, showing that finding something useful often still ends in an assisted case.',
    formula: 'self-help sessions rated useful by the customer ÷ rated self-help sessions',
    unit: 'ratio',
    better: 'higher',
    benchmark: 0.557,
    benchmarkNote: 'Self-service success 55.7% (Table 2).',
    needs: ['selfHelp'],
    source: '000 Table 2: Self-Help Metrics (line ~2136)',
  },

  // ── Customer health and success ────────────────────────────────────────────────────────────────
  {
    id: 'adoption_rate',
    name: 'Adoption rate',
    definition:
      'Share of customers who have reached the agreed adoption milestones. It is a leading sign of relationship health that Support should watch even though Success usually owns it.',
    formula: 'customers that reached their adoption milestones ÷ all active customers',
    unit: 'ratio',
    better: 'higher',
    benchmarkNote:
      'No benchmark. The KEY METRICS entry (line ~2858) repeats the Onboard Rate action and performance text (31% of companies offer onboarding), which is not an adoption figure.',
    needs: ['organization', 'adoptionMilestones'],
    source: '000 KEY METRICS: Adoption Rate (line ~2856); 002 metric 2 Adoption (line ~33)',
  },
  {
    id: 'success_rate',
    name: 'Success rate',
    definition:
      'Share of customers who reached the performance goals or milestones in their success plan or journey map. Support contributes by making sure product or usability problems do not block those goals.',
    formula: 'customers that reached their success-plan milestones ÷ customers with a success plan',
    unit: 'ratio',
    better: 'higher',
    target: 1,
    benchmarkNote: 'No defined benchmark; every customer should reach its success milestones.',
    needs: ['organization', 'successMilestones'],
    source: '000 KEY METRICS: Success Rate (line ~2878); 002 metric 3 Success (line ~37)',
  },
  {
    id: 'health_score',
    name: 'Health score',
    definition:
      'Composite score of how healthy a customer relationship is, blending adoption, success, satisfaction, retention and recurring revenue inputs. Scores falling below a threshold should trigger intervention.',
    formula:
      'weighted composite of adoption, success, satisfaction, retention and revenue inputs, averaged over customers',
    unit: 'score',
    better: 'higher',
    benchmarkNote:
      'No level is given for the score itself; see health_at_risk for the at-risk ceiling (≤10%).',
    needs: ['organization', 'health'],
    source: '000 KEY METRICS: Health Score (line ~2895); 002 metric 7 Health (line ~53)',
  },
  {
    id: 'sentiment',
    name: 'Sentiment',
    definition:
      'Computed score of customer feeling drawn from written text such as case notes and social posts. It scales well and serves as an early warning for emerging issues, though training models to spot issues is hard.',
    formula: 'mean sentiment score of customer-authored text in cases (and social posts) over the period',
    unit: 'score',
    better: 'higher',
    benchmarkNote: 'No current benchmark.',
    needs: ['sentiment'],
    source: '000 KEY METRICS: Sentiment (line ~2950)',
  },

  // ── Eight metrics for Support and Success (002), not already covered above ───────────────────
  {
    id: 'availability',
    name: 'Availability',
    definition:
      'Share of time customers keep operating without interruption from product downtime or outages. It connects product and service reliability directly to the customer business.',
    formula: '1 − (customer-impacting downtime ÷ scheduled operating time), averaged over customers',
    unit: 'ratio',
    better: 'higher',
    benchmarkNote: 'No benchmark given.',
    needs: ['organization', 'downtime'],
    source: '002 metric 4 Availability (line ~41)',
  },
  {
    id: 'engagement_quality',
    name: 'Engagement quality',
    definition:
      'Share of all customer engagements that end in a positive outcome for the customer. It moves the focus from how many interactions happened to whether they helped.',
    formula:
      'engagements with a positive outcome (proxy: solved, not reopened and not rated bad) ÷ all engagements',
    unit: 'ratio',
    better: 'higher',
    benchmarkNote: 'No benchmark given.',
    needs: ['status', 'reopens', 'satisfaction'],
    source: '002 metric 5 Engagement Quality (line ~45)',
  },
  {
    id: 'retention',
    name: 'Retention',
    definition:
      'Share of active customers who have committed to renew their relationship. It is the forward-looking counterpart of churn and the outcome Support and Success are ultimately judged on.',
    formula: 'active customers committed to renew ÷ active customers',
    unit: 'ratio',
    better: 'higher',
    benchmarkNote:
      'No benchmark in 002. 001 (line 338) cites an 82.4% average support/maintenance contract renewal rate, which is a related but different measure.',
    needs: ['organization', 'renewalCommitment'],
    source: '002 metric 6 Retention (line ~49)',
  },

  // ── NextGen support metric areas (003) ────────────────────────────────────────────────────────
  {
    id: 'customer_engagement',
    name: 'Customer engagement',
    definition:
      'Who Support is helping, what each relationship is worth and why they needed help. With limited capacity, choosing whom to help, and when, matters more than handling cases first-come, first-served.',
    formula:
      'share of cases and of agent effort per customer, grouped by recurring-revenue tier and issue type',
    unit: 'distribution',
    better: 'neither',
    benchmarkNote: 'No benchmark given.',
    needs: ['organization', 'recurringRevenue', 'issueType', 'agentEffortMinutes'],
    source: '003 NextGen area: Customer Engagement (line ~20)',
  },
  {
    id: 'support_reach',
    name: 'Support reach',
    definition:
      'Volume and kind of Support knowledge shared with customers through assisted and digital channels. Sharing knowledge multiplies the workforce and is the main way to scale delivery.',
    formula:
      'count of knowledge items shared (linked in cases plus served through self-help), by type and channel',
    unit: 'count',
    better: 'higher',
    benchmarkNote: 'No benchmark given.',
    needs: ['knowledgeLinks', 'selfHelp', 'channel'],
    source: '003 NextGen area: Support Reach (line ~23)',
  },
  {
    id: 'answers_delivered',
    name: 'Answers delivered',
    definition:
      'Number of shared answers customers actually engage with, as opposed to simply opening. Only meaningful consumption shows that value reached the customer.',
    formula:
      'count of shared knowledge items meaningfully consumed (e.g. read through or acted on, not just viewed)',
    unit: 'count',
    better: 'higher',
    benchmarkNote: 'No benchmark given.',
    needs: ['knowledgeLinks', 'selfHelp'],
    source: '003 NextGen area: Answers Delivered (line ~26)',
  },
  {
    id: 'answers_accepted',
    name: 'Answers accepted',
    definition:
      'Share of consumed answers that fully resolved the customer need. This is the strongest proof that shared knowledge created value.',
    formula: 'delivered answers that resolved the need (no further case or reopen) ÷ answers delivered',
    unit: 'ratio',
    better: 'higher',
    benchmarkNote: 'No benchmark given.',
    needs: ['knowledgeLinks', 'selfHelp', 'status', 'reopens'],
    source: '003 NextGen area: Answers Accepted (line ~29)',
  },
  {
    id: 'effectiveness',
    name: 'Support effectiveness',
    definition:
      'Whether support work produced a result: the customer got past an obstacle or learned to apply the product. It is judged by later adoption or successful use, not by case closure.',
    formula:
      'supported customers that subsequently reached adoption or success milestones ÷ supported customers',
    unit: 'ratio',
    better: 'higher',
    benchmarkNote: 'No benchmark given.',
    needs: ['organization', 'adoptionMilestones', 'successMilestones'],
    source: '003 NextGen area: Effectiveness (line ~32)',
  },
  {
    id: 'support_costs',
    name: 'Support costs',
    definition:
      'Full cost, time and resource allocation required to support customers. Without it, no picture of Support performance or value is complete.',
    formula:
      'agent effort hours × loaded hourly cost (configured) + allocated tooling and overhead, per period or per case',
    unit: 'currency',
    better: 'lower',
    benchmarkNote: 'No benchmark given.',
    needs: ['agentEffortMinutes'],
    source: '003 NextGen area: Support Costs (line ~35)',
  },
  {
    id: 'delivery_efficiency',
    name: 'Delivery efficiency',
    definition:
      'Outcomes Support delivers relative to what delivering them cost. It keeps the push toward business impact honest about efficiency.',
    formula:
      'outcomes delivered (solved cases, accepted answers, customers reaching milestones) ÷ support cost',
    unit: 'score',
    better: 'higher',
    benchmarkNote: 'No benchmark given.',
    needs: ['status', 'agentEffortMinutes', 'selfHelp'],
    source: '003 NextGen area: Delivery Efficiency (line ~38)',
  },
] as const satisfies readonly MetricDefinition[];
