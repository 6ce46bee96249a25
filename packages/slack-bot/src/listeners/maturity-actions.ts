import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import {
  assessMaturity,
  MATURITY_STAGES,
  type MaturityAnswers,
  MaturityAnswersSchema,
  MaturityEvidenceSchema,
  prefillMaturity,
} from '@support-metrics/core';
import { maturityEvidenceOf } from '@support-metrics/platform';
import {
  MATURITY_CALLBACK,
  type MaturityProgress,
  maturityResultView,
  maturityStepView,
  ratingsFromState,
} from '../blocks/maturity-blocks.js';
import { customerContextOf, depsOf, type SlackDeps } from '../services/slack-deps.js';

/** What the store shows for the pre-fill: measured once per assessment, when the modal opens. */
const evidenceOf = (deps: SlackDeps) => maturityEvidenceOf(customerContextOf(deps), { slackConnected: true });

/** `/support-metrics maturity`: opens the first step, pre-set from the last assessment and the store. */
export async function openMaturityModal(
  deps: SlackDeps,
  client: WebClient,
  triggerId: string,
  channelId: string,
) {
  const [evidence, latest] = await Promise.all([
    evidenceOf(deps),
    deps.stores.customers.latestMaturity(deps.tenantId),
  ]);
  const progress: MaturityProgress = {
    step: 1,
    answers: { ...(latest?.answers ?? {}) },
    channelId,
    evidence,
  };
  await client.views.open({
    trigger_id: triggerId,
    view: maturityStepView(progress, prefillMaturity(evidence), latest),
  });
}

/**
 * The steps of the self-assessment: each submission keeps its ratings and shows the next stage; the last stores
 * the assessment for the tenant and shows the stage per area with the next steps.
 */
export function registerMaturity(app: App) {
  app.view(MATURITY_CALLBACK, async ({ ack, view, body, context }) => {
    const deps = depsOf(context);
    let progress: MaturityProgress;
    try {
      progress = JSON.parse(view.private_metadata || '{}') as MaturityProgress;
    } catch {
      progress = { step: 1, answers: {}, channelId: null };
    }
    const step = Number.isInteger(progress.step) && progress.step >= 1 ? progress.step : 1;
    // The metadata is ours, echoed back by Slack in a signed request; still, only valid ratings are kept.
    const carried = MaturityAnswersSchema.safeParse(progress.answers);
    const answers: MaturityAnswers = {
      ...(carried.success ? carried.data : {}),
      ...ratingsFromState(view.state.values),
    };
    if (step < MATURITY_STAGES.length) {
      // The evidence measured when the modal opened; measured again only when it did not come back intact.
      const carriedEvidence = MaturityEvidenceSchema.safeParse(progress.evidence);
      const evidence = carriedEvidence.success ? carriedEvidence.data : await evidenceOf(deps);
      const next: MaturityProgress = {
        step: step + 1,
        answers,
        channelId: progress.channelId ?? null,
        evidence,
      };
      return ack({
        response_action: 'update',
        view: maturityStepView(next, prefillMaturity(evidence), null),
      });
    }
    const assessment = assessMaturity(answers);
    await deps.stores.customers.saveMaturity(
      deps.tenantId,
      answers,
      assessment.stage.stage,
      `slack:${body.user.id}`,
      deps.now().toISOString(),
    );
    return ack({ response_action: 'update', view: maturityResultView(assessment) });
  });
}
