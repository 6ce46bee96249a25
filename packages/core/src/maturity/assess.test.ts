import { describe, expect, it } from 'vitest';
import { type MaturityAnswers, MaturityAnswersSchema } from './answers-schema.js';
import { assessMaturity } from './assess.js';
import {
  MATURITY_AREA_IDS,
  MATURITY_AREAS,
  MATURITY_STAGES,
  MATURITY_STATEMENT_IDS,
  MATURITY_STATEMENTS,
  type MaturityStatementId,
} from './model.js';

const idsOfStage = (stage: number) => MATURITY_STATEMENTS.filter((s) => s.stage === stage).map((s) => s.id);
const rate = (ids: readonly MaturityStatementId[], rating: 1 | 2 | 3): MaturityAnswers =>
  Object.fromEntries(ids.map((id) => [id, rating]));
const stages = (...ns: number[]) => rate(ns.flatMap(idsOfStage), 3);
const area = (a: ReturnType<typeof assessMaturity>, id: string) => a.areas.find((x) => x.area === id);

describe('the model', () => {
  it('has six stages, in order, each with next steps', () => {
    expect(MATURITY_STAGES.map((s) => [s.stage, s.id, s.name])).toEqual([
      [1, 'reactive', 'Reactive'],
      [2, 'formal', 'Formal'],
      [3, 'managed', 'Managed'],
      [4, 'strategic', 'Strategic'],
      [5, 'proactive', 'Proactive'],
      [6, 'predictive', 'Predictive'],
    ]);
    expect(MATURITY_STAGES.map((s) => s.nextSteps.length)).toEqual([5, 3, 3, 4, 4, 2]);
  });

  it('has the scorecard: five areas, six descriptors each, read column by column', () => {
    expect(MATURITY_AREAS.map((a) => a.id)).toEqual([...MATURITY_AREA_IDS]);
    expect(MATURITY_AREAS.every((a) => a.byStage.length === 6)).toBe(true);
    expect(MATURITY_AREAS.map((a) => a.byStage[0])).toEqual([
      'Spreadsheets',
      'Basic reporting',
      'No SLAs',
      'No formal job titles',
      'No formal staff',
    ]);
    expect(MATURITY_AREAS.map((a) => a.byStage[5])).toEqual([
      'Predictive insights',
      'Metrics drive decisions',
      'Tiers drive revenue',
      'Experience goals',
      'Aspirational roles',
    ]);
  });

  it('has 30 statements with unique, stage-prefixed ids: 5, 5, 5, 5, 6 and 4 per stage', () => {
    expect(MATURITY_STATEMENTS).toHaveLength(30);
    expect(new Set(MATURITY_STATEMENT_IDS).size).toBe(30);
    expect([1, 2, 3, 4, 5, 6].map((n) => idsOfStage(n).length)).toEqual([5, 5, 5, 5, 6, 4]);
    for (const s of MATURITY_STATEMENTS) expect(s.id).toMatch(new RegExp(`^s${s.stage}_[a-z0-9_]+$`));
    // Written with an escaped full stop in the source (see model.ts); the text is still the document's.
    expect(MATURITY_STATEMENTS[5].text).toBe(
      'We rely on our CRM system to track and report on our support process.',
    );
  });

  it('gives every area at least three statements', () => {
    for (const id of MATURITY_AREA_IDS) {
      expect(MATURITY_STATEMENTS.filter((s) => s.area === id).length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('MaturityAnswersSchema', () => {
  it('accepts partial answers, including none', () => {
    expect(MaturityAnswersSchema.parse({})).toEqual({});
    expect(MaturityAnswersSchema.parse({ s1_dedicated_team: 1, s6_revenue_center: 3 })).toEqual({
      s1_dedicated_team: 1,
      s6_revenue_center: 3,
    });
  });

  it('rejects ratings outside 1-3, non-numbers and unknown ids', () => {
    expect(MaturityAnswersSchema.safeParse({ s1_dedicated_team: 0 }).success).toBe(false);
    expect(MaturityAnswersSchema.safeParse({ s1_dedicated_team: 4 }).success).toBe(false);
    expect(MaturityAnswersSchema.safeParse({ s1_dedicated_team: 2.5 }).success).toBe(false);
    expect(MaturityAnswersSchema.safeParse({ s1_dedicated_team: '3' }).success).toBe(false);
    expect(MaturityAnswersSchema.safeParse({ s7_time_travel: 3 }).success).toBe(false);
  });
});

describe('assessMaturity (hand-computed)', () => {
  it('puts an organisation that answered nothing at stage 1, incomplete, with stage 1 gaps listed', () => {
    const a = assessMaturity({});
    expect(a.stage).toEqual({ stage: 1, id: 'reactive', name: 'Reactive' });
    expect(a).toMatchObject({ answered: 0, total: 30, complete: false });
    expect(a.stages[0]).toEqual({
      stage: 1,
      id: 'reactive',
      name: 'Reactive',
      total: 0,
      max: 15,
      answered: 0,
      count: 5,
      mean: null,
      inPlace: false,
    });
    expect(a.stages.every((s) => !s.inPlace)).toBe(true);
    expect(a.nextSteps).toEqual([...MATURITY_STAGES[0].nextSteps]);
    expect(a.areas.map((x) => x.stage)).toEqual([1, 1, 1, 1, 1]);
    // Tools: stage 1 is not in place either, so its statement is a gap as much as stage 2's.
    expect(area(a, 'tools')?.next).toEqual({
      stage: 2,
      name: 'Formal',
      descriptor: 'Rudimentary CRM',
      gaps: [
        {
          id: 's1_crm_dedicated',
          text: 'We have a CRM dedicated to Support and tracking issues.',
          rating: null,
        },
        { id: 's2_crm_integrated', text: expect.stringMatching(/^CRM is integrated/), rating: null },
      ],
    });
    // Insights has no stage 1 statement: stage 1 is passed, stage 2 is its only gap.
    expect(area(a, 'insights')?.next?.gaps.map((g) => g.id)).toEqual(['s2_crm_tracking_reporting']);
  });

  it('puts an organisation with every statement fully implemented at stage 6, with no next stage', () => {
    const a = assessMaturity(rate(MATURITY_STATEMENT_IDS, 3));
    expect(a.stage).toEqual({ stage: 6, id: 'predictive', name: 'Predictive' });
    expect(a).toMatchObject({ answered: 30, total: 30, complete: true });
    expect(a.stages.map((s) => [s.total, s.max, s.mean, s.inPlace])).toEqual([
      [15, 15, 3, true],
      [15, 15, 3, true],
      [15, 15, 3, true],
      [15, 15, 3, true],
      [18, 18, 3, true],
      [12, 12, 3, true],
    ]);
    expect(a.areas.map((x) => [x.stage, x.stageName, x.descriptor, x.next])).toEqual([
      [6, 'Predictive', 'Predictive insights', null],
      [6, 'Predictive', 'Metrics drive decisions', null],
      [6, 'Predictive', 'Tiers drive revenue', null],
      [6, 'Predictive', 'Experience goals', null],
      [6, 'Predictive', 'Aspirational roles', null],
    ]);
    expect(a.nextSteps).toEqual([...MATURITY_STAGES[5].nextSteps]);
  });

  it('stays at stage 1 when stage 1 is in place and stage 2 averages 2.4', () => {
    // Stage 2: 3 + 3 + 2 + 2 + 2 = 12 over 5 = 2.4 < 2.5.
    const s2 = idsOfStage(2);
    const a = assessMaturity({ ...stages(1), ...rate(s2.slice(0, 2), 3), ...rate(s2.slice(2), 2) });
    expect(a.stages[0]?.inPlace).toBe(true);
    expect(a.stages[1]).toMatchObject({ total: 12, max: 15, answered: 5, mean: 2.4, inPlace: false });
    expect(a.stage.stage).toBe(1);
    expect(a.nextSteps).toEqual([...MATURITY_STAGES[0].nextSteps]);
  });

  it('counts a mean of exactly 2.5 as in place (stage 5: 3, 3, 3, 2, 2, 2; stage 6: 3, 3, 2, 2)', () => {
    const s5 = idsOfStage(5);
    const s6 = idsOfStage(6);
    const upTo5 = { ...stages(1, 2, 3, 4), ...rate(s5.slice(0, 3), 3), ...rate(s5.slice(3), 2) };
    const at5 = assessMaturity(upTo5);
    expect(at5.stages[4]).toMatchObject({ total: 15, max: 18, mean: 2.5, inPlace: true });
    expect(at5.stage.stage).toBe(5);
    expect(at5.complete).toBe(false);

    const at6 = assessMaturity({ ...upTo5, ...rate(s6.slice(0, 2), 3), ...rate(s6.slice(2), 2) });
    expect(at6.stages[5]).toMatchObject({ total: 10, max: 12, mean: 2.5, inPlace: true });
    expect(at6.stage.stage).toBe(6);
    expect(at6.complete).toBe(true);
  });

  it('does not count a stage with a missing answer as in place, however good the rest', () => {
    const answers: MaturityAnswers = { ...stages(1, 2, 3) };
    delete answers.s1_slas_communicated;
    const a = assessMaturity(answers);
    expect(a.stages[0]).toMatchObject({ total: 12, answered: 4, count: 5, mean: 3, inPlace: false });
    expect(a.stages[1]?.inPlace).toBe(true);
    expect(a.stage.stage).toBe(1);
    expect(a.answered).toBe(14);
  });

  it('places each area by its own statements, apart from the overall stage', () => {
    // Stages 1 and 2 fully in place; stage 3 has two 1s (support tiers, 24x7): 1 + 1 + 3 + 3 + 3 = 11 over 5 = 2.2;
    // the tools statements of stages 4 to 6 are 3; nothing else is answered.
    const a = assessMaturity({
      ...stages(1, 2, 3),
      s3_support_tiers: 1,
      s3_worldwide_availability: 1,
      s4_customer_health_dashboard: 3,
      s5_deployment_health_tracking: 3,
      s6_churn_upsell_flagging: 3,
    });
    expect(a.stages[2]).toMatchObject({ total: 11, mean: 2.2, inPlace: false });
    expect(a.stage.stage).toBe(2);
    expect(a.nextSteps).toEqual([...MATURITY_STAGES[1].nextSteps]);
    expect(a.areas.map((x) => [x.area, x.stage, x.descriptor, x.next?.stage ?? null])).toEqual([
      ['tools', 6, 'Predictive insights', null],
      ['insights', 3, 'Executive interest', 4],
      ['expectations', 2, 'Customer tiers', 3],
      // Focus has no stage 3 statement: passed through on the way to its unanswered stage 4.
      ['focus', 3, 'Cost reductions', 4],
      // Staffing has no stage 2 statement: passed through, then blocked by 24x7 at stage 3.
      ['staffing', 2, 'Dedicated effort', 3],
    ]);
    expect(area(a, 'expectations')?.next).toMatchObject({
      name: 'Managed',
      descriptor: 'Self-service options',
      gaps: [{ id: 's3_support_tiers', rating: 1 }],
    });
    expect(area(a, 'staffing')?.next?.gaps).toEqual([
      {
        id: 's3_worldwide_availability',
        text: 'Support provides customers availability worldwide (24x7 or as expected by your industry).',
        rating: 1,
      },
    ]);
    expect(area(a, 'insights')?.next?.gaps).toEqual([
      { id: 's4_executive_visibility', text: expect.any(String), rating: null },
    ]);
  });

  it('lists as gaps the next stage’s statements not rated 3, with their ratings', () => {
    // Stages 1-4 fully; stage 5: deployment 3, engineering 2, routing 3, swarming 1, root cause 3, backlog
    // unanswered → 12 over 5 answered = 2.4, not in place (and incomplete anyway).
    const a = assessMaturity({
      ...stages(1, 2, 3, 4),
      s5_deployment_health_tracking: 3,
      s5_engineering_alongside_support: 2,
      s5_advanced_routing: 3,
      s5_swarming_ethos: 1,
      s5_root_cause_analysis: 3,
    });
    expect(a.stages[4]).toMatchObject({
      total: 12,
      max: 18,
      answered: 5,
      count: 6,
      mean: 2.4,
      inPlace: false,
    });
    expect(a.stage).toEqual({ stage: 4, id: 'strategic', name: 'Strategic' });
    expect(a.nextSteps).toEqual([...MATURITY_STAGES[3].nextSteps]);
    const gaps = Object.fromEntries(
      a.areas.map((x) => [x.area, [x.stage, x.next?.stage, x.next?.gaps.map((g) => [g.id, g.rating])]]),
    );
    expect(gaps).toEqual({
      tools: [5, 6, [['s6_churn_upsell_flagging', null]]],
      insights: [4, 5, [['s5_backlog_by_customer', null]]],
      // No stage 5 statement in expectations: passed through to stage 5, held by stage 6.
      expectations: [5, 6, [['s6_revenue_center', null]]],
      focus: [5, 6, [['s6_proactive_escalations', null]]],
      staffing: [
        4,
        5,
        [
          ['s5_engineering_alongside_support', 2],
          ['s5_swarming_ethos', 1],
        ],
      ],
    });
    expect(area(a, 'staffing')).toMatchObject({
      stageName: 'Strategic',
      descriptor: 'Expanding team',
      next: { name: 'Proactive', descriptor: 'Broader collaboration' },
    });
  });

  it('lists only the stage that is not in place when an area is below stage 1 but beyond it at stage 2', () => {
    const a = assessMaturity({ s1_crm_dedicated: 1, s2_crm_integrated: 3 });
    expect(area(a, 'tools')).toMatchObject({
      stage: 1,
      descriptor: 'Spreadsheets',
      next: { stage: 2, gaps: [{ id: 's1_crm_dedicated', rating: 1 }] },
    });
  });
});
