import type { KnownBlock } from '@slack/types';
import {
  MATURITY_STAGES,
  MATURITY_STATEMENTS,
  type MaturityAnswers,
  type MaturityAssessment,
  type MaturityEvidence,
  type MaturityRating,
  type MaturityStatementId,
  type PrefilledRating,
} from '@support-metrics/core';
import { context, escapeMrkdwn, section, truncate } from './mrkdwn.js';

/** The modal's callback: one step per stage of the model. */
export const MATURITY_CALLBACK = 'maturity_step';

const RATING_TEXT: Record<MaturityRating, string> = {
  1: '1 – not in place',
  2: '2 – partly in place',
  3: '3 – fully in place',
};
const option = (r: MaturityRating) => ({
  text: { type: 'plain_text' as const, text: RATING_TEXT[r] },
  value: String(r),
});

/**
 * What the modal carries from step to step (private_metadata, ≤ 3,000 characters: ids, digits and the evidence's
 * numbers, about 1,300 at most).
 */
export interface MaturityProgress {
  step: number;
  answers: MaturityAnswers;
  channelId: string | null;
  /** What the store showed when the modal opened: measured once, the pre-fill of every step comes from it. */
  evidence?: MaturityEvidence;
}

/**
 * One step of the self-assessment: a stage of the model with its self-evaluation statements, each rated 1–3, pre-set
 * from the answers so far, else the last assessment, else what the store shows (with the evidence as a hint).
 */
export function maturityStepView(
  progress: MaturityProgress,
  prefill: Partial<Record<MaturityStatementId, PrefilledRating>>,
  latest: { stage: number; submittedAt: string } | null,
) {
  const stage = MATURITY_STAGES[progress.step - 1];
  if (!stage) throw new Error(`no maturity stage ${progress.step}`);
  const statements = MATURITY_STATEMENTS.filter((s) => s.stage === stage.stage);
  const blocks: KnownBlock[] = [
    section(`*Stage ${stage.stage} of 6: ${stage.name}*\n${escapeMrkdwn(truncate(stage.summary, 600))}`),
    context(
      'Rate how far each statement is true today: 1 = not in place, 2 = partly, 3 = fully. :bar_chart: marks a rating pre-filled from your own data; change it if it is wrong.',
    ),
  ];
  if (progress.step === 1 && latest)
    blocks.push(
      context(
        `Your last assessment: stage ${latest.stage} (${latest.submittedAt.slice(0, 10)}); its answers are pre-set.`,
      ),
    );
  for (const s of statements) {
    const given = progress.answers[s.id];
    const pre = prefill[s.id];
    const initial = given ?? pre?.rating;
    blocks.push({
      type: 'input',
      block_id: s.id,
      label: { type: 'plain_text', text: truncate(s.text, 2000) },
      ...(pre && given === undefined
        ? { hint: { type: 'plain_text', text: truncate(`📊 ${pre.evidence}`, 2000) } }
        : {}),
      element: {
        type: 'static_select',
        action_id: 'rating',
        placeholder: { type: 'plain_text', text: 'Rate 1–3' },
        options: ([1, 2, 3] as const).map(option),
        ...(initial ? { initial_option: option(initial) } : {}),
      },
    } as KnownBlock);
  }
  const last = progress.step === MATURITY_STAGES.length;
  return {
    type: 'modal' as const,
    callback_id: MATURITY_CALLBACK,
    private_metadata: JSON.stringify(progress),
    title: { type: 'plain_text' as const, text: `Maturity ${progress.step}/6` },
    submit: { type: 'plain_text' as const, text: last ? 'See my stage' : 'Next' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks,
  };
}

/** The ratings of a submitted step (`view.state.values`): statement id → 1–3. */
export function ratingsFromState(values: Record<string, unknown>): MaturityAnswers {
  const out: MaturityAnswers = {};
  for (const [blockId, block] of Object.entries(values)) {
    const selected = (block as { rating?: { selected_option?: { value?: string } | null } }).rating
      ?.selected_option;
    const r = Number(selected?.value);
    if ((r === 1 || r === 2 || r === 3) && MATURITY_STATEMENTS.some((s) => s.id === blockId))
      out[blockId as MaturityStatementId] = r;
  }
  return out;
}

/** The result: the overall stage, each area's stage with what its next stage asks for, and the steps for today. */
export function maturityResultView(a: MaturityAssessment) {
  const blocks: KnownBlock[] = [
    section(
      `*You are at stage ${a.stage.stage}: ${a.stage.name}*${a.complete ? '' : ` (${a.answered} of ${a.total} statements rated)`}`,
    ),
    context(
      a.stages.map((s) => `${s.inPlace ? '✅' : '▫️'} ${s.stage} ${s.name} ${s.total}/${s.max}`).join(' · '),
    ),
    { type: 'divider' } as KnownBlock,
  ];
  for (const area of a.areas) {
    const gaps =
      area.next?.gaps
        .slice(0, 3)
        .map((g) => `• ${escapeMrkdwn(truncate(g.text, 200))} (${g.rating ?? 'unrated'})`) ?? [];
    blocks.push(
      section(
        `*${area.name}*: stage ${area.stage} ${area.stageName} — ${escapeMrkdwn(area.descriptor)}${
          area.next
            ? `\nNext, ${area.next.name} (${escapeMrkdwn(area.next.descriptor)}):\n${gaps.join('\n')}`
            : ''
        }`,
      ),
    );
  }
  if (a.nextSteps.length)
    blocks.push(
      { type: 'divider' } as KnownBlock,
      section(
        `*What to do today*\n${a.nextSteps.map((s) => `• ${escapeMrkdwn(truncate(s, 300))}`).join('\n')}`,
      ),
    );
  return {
    type: 'modal' as const,
    callback_id: 'maturity_result',
    title: { type: 'plain_text' as const, text: 'Support maturity' },
    close: { type: 'plain_text' as const, text: 'Done' },
    blocks,
  };
}
