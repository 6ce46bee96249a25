import type { MaturityAnswers, MaturityRating } from './answers-schema.js';
import {
  MATURITY_AREAS,
  MATURITY_STAGES,
  MATURITY_STATEMENTS,
  type MaturityAreaId,
  type MaturityStageId,
  type MaturityStageNumber,
  type MaturityStatementId,
} from './model.js';

/**
 * A stage's statements are "in place" when all are answered and their mean rating reaches this: at least
 * half of the ratings are "fully implemented" for every "partially" (3, 3, 2, 2 is in place; 3, 2, 2 is not).
 */
export const IN_PLACE_MEAN = 2.5;

/** A stage by number, id and name. */
export interface MaturityStageRef {
  stage: MaturityStageNumber;
  id: MaturityStageId;
  name: string;
}

/** How one stage's statements were rated. */
export interface MaturityStageResult extends MaturityStageRef {
  /** Sum of the ratings given (the document's "TOTAL"). */
  total: number;
  /** 3 × the number of statements: the best possible total. */
  max: number;
  answered: number;
  /** Number of statements of the stage. */
  count: number;
  /** Mean of the ratings given; null when none is. */
  mean: number | null;
  inPlace: boolean;
}

/** A statement that stands between an area and its next stage. */
export interface MaturityGap {
  id: MaturityStatementId;
  text: string;
  /** null when unanswered. */
  rating: MaturityRating | null;
}

/** Where one scorecard area stands, and what its next stage asks for. */
export interface MaturityAreaResult {
  area: MaturityAreaId;
  name: string;
  stage: MaturityStageNumber;
  stageName: string;
  /** The scorecard's descriptor of this area at its stage. */
  descriptor: string;
  /** null at stage 6. */
  next: null | {
    stage: MaturityStageNumber;
    name: string;
    descriptor: string;
    gaps: MaturityGap[];
  };
}

/** The outcome of a self-assessment. */
export interface MaturityAssessment {
  stage: MaturityStageRef;
  answered: number;
  total: number;
  complete: boolean;
  stages: MaturityStageResult[];
  areas: MaturityAreaResult[];
  /** What the document says to do today at the overall stage. */
  nextSteps: string[];
}

type Statement = (typeof MATURITY_STATEMENTS)[number];

const STAGE_NUMBERS: readonly MaturityStageNumber[] = [1, 2, 3, 4, 5, 6];

function stageRef(stage: MaturityStageNumber): MaturityStageRef {
  const s = MATURITY_STAGES[stage - 1] as (typeof MATURITY_STAGES)[number];
  return { stage: s.stage, id: s.id, name: s.name };
}

function ratingOf(answers: MaturityAnswers, id: MaturityStatementId): MaturityRating | null {
  return answers[id] ?? null;
}

/**
 * Whether these statements are in place: every one answered and mean ≥ IN_PLACE_MEAN. An empty set is in
 * place (vacuously), so a stage with no statement in an area neither blocks nor holds back that area.
 */
function inPlace(statements: readonly Statement[], answers: MaturityAnswers): boolean {
  let total = 0;
  for (const s of statements) {
    const r = ratingOf(answers, s.id);
    if (r === null) return false;
    total += r;
  }
  // total / n ≥ 2.5 compared in integers, so 2.5 exactly is never lost to floating point.
  return total * 2 >= statements.length * IN_PLACE_MEAN * 2;
}

/** Highest N such that stages 1..N are all in place; 1 when stage 1 is not (everyone starts Reactive). */
function highestInPlace(statements: readonly Statement[], answers: MaturityAnswers): MaturityStageNumber {
  let reached: MaturityStageNumber = 1;
  for (const n of STAGE_NUMBERS) {
    if (
      !inPlace(
        statements.filter((s) => s.stage === n),
        answers,
      )
    )
      break;
    reached = n;
  }
  return reached;
}

function stageResult(stage: MaturityStageNumber, answers: MaturityAnswers): MaturityStageResult {
  const statements = MATURITY_STATEMENTS.filter((s) => s.stage === stage);
  let total = 0;
  let answered = 0;
  for (const s of statements) {
    const r = ratingOf(answers, s.id);
    if (r === null) continue;
    total += r;
    answered += 1;
  }
  return {
    ...stageRef(stage),
    total,
    max: 3 * statements.length,
    answered,
    count: statements.length,
    mean: answered === 0 ? null : total / answered,
    inPlace: inPlace(statements, answers),
  };
}

function areaResult(area: (typeof MATURITY_AREAS)[number], answers: MaturityAnswers): MaturityAreaResult {
  const statements = MATURITY_STATEMENTS.filter((s) => s.area === area.id);
  const stage = highestInPlace(statements, answers);
  const base = {
    area: area.id,
    name: area.name,
    stage,
    stageName: stageRef(stage).name,
    descriptor: area.byStage[stage - 1] as string,
  };
  if (stage === 6) return { ...base, next: null };
  const next = (stage + 1) as MaturityStageNumber;
  // Stages up to `next` that are not in place for this area: `next` itself and, when the area sits at
  // stage 1 only because nothing is higher, stage 1 too; its missing statements are gaps as much as next's.
  const open = STAGE_NUMBERS.filter(
    (n) =>
      n <= next &&
      !inPlace(
        statements.filter((s) => s.stage === n),
        answers,
      ),
  );
  const gaps = statements
    .filter((s) => open.includes(s.stage) && ratingOf(answers, s.id) !== 3)
    .map((s) => ({ id: s.id, text: s.text, rating: ratingOf(answers, s.id) }));
  return {
    ...base,
    next: { stage: next, name: stageRef(next).name, descriptor: area.byStage[next - 1] as string, gaps },
  };
}

/**
 * Assesses self-evaluation answers against the maturity model.
 *
 * The rule: a stage's statements are "in place" when every one is answered and their mean rating is ≥ 2.5
 * (mostly fully implemented). The overall stage is the highest N such that stages 1..N are all in place;
 * when stage 1 is not in place the organisation is at stage 1 (Reactive), since every support organisation
 * starts there. Each scorecard area gets the same rule applied to its own statements only: its stage is the
 * highest N such that every stage ≤ N that has statements in this area has them in place (min 1); a stage
 * without statements in the area is passed through. An area's `next` is the stage after its own, with its
 * gaps: the area's statements not rated 3 at the stages up to and including that next stage that are not
 * in place for the area (the next stage, plus stage 1 when the area is not even there).
 *
 * @example assessMaturity({}).stage // { stage: 1, id: 'reactive', name: 'Reactive' }
 * @example assessMaturity(Object.fromEntries(MATURITY_STATEMENT_IDS.map((id) => [id, 3]))).stage.stage // 6
 */
export function assessMaturity(answers: MaturityAnswers): MaturityAssessment {
  const stage = highestInPlace(MATURITY_STATEMENTS, answers);
  const answered = MATURITY_STATEMENTS.filter((s) => ratingOf(answers, s.id) !== null).length;
  return {
    stage: stageRef(stage),
    answered,
    total: MATURITY_STATEMENTS.length,
    complete: answered === MATURITY_STATEMENTS.length,
    stages: STAGE_NUMBERS.map((n) => stageResult(n, answers)),
    areas: MATURITY_AREAS.map((a) => areaResult(a, answers)),
    nextSteps: [...(MATURITY_STAGES[stage - 1] as (typeof MATURITY_STAGES)[number]).nextSteps],
  };
}
