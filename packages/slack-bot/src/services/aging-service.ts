import { cohortThresholds, findAgingCases } from '@support-metrics/core';
import type { Stores } from '@support-metrics/platform';
import type { AgingEntry } from '../blocks/daily-post-blocks.js';
import type { SlackStore } from '../store/slack-store.js';
import { expertsFor } from './swarm-service.js';

const DAY_MS = 86_400_000;

/**
 * Open cases older than the 75th percentile resolution time of their cohort (issue type × priority, cases solved
 * in the last 90 days, falling back to broader cohorts when one is small), oldest-relative first, each with up to
 * three suggested experts. `limit` bounds how many get experts (each costs two queries).
 */
export async function agingWithExperts(
  deps: { tenantId: string; stores: Pick<Stores, 'cases'>; slackStore: SlackStore; now: () => Date },
  limit = 10,
): Promise<AgingEntry[]> {
  const now = deps.now();
  const thresholds = cohortThresholds(
    await deps.slackStore.resolvedSamples(deps.tenantId, new Date(now.getTime() - 90 * DAY_MS).toISOString()),
  );
  const open = await deps.slackStore.openCases(deps.tenantId);
  const subjects = new Map(open.map((o) => [o.id, o.subject]));
  const aging = findAgingCases(open, thresholds, now).slice(0, limit);
  const out: AgingEntry[] = [];
  for (const a of aging) {
    const stored = await deps.stores.cases.getCase(deps.tenantId, a.caseId);
    const experts = stored ? (await expertsFor(deps, stored.case)).experts : [];
    out.push({
      caseId: a.caseId,
      subject: subjects.get(a.caseId) ?? '',
      ageHours: a.ageHours,
      thresholdHours: a.thresholdHours,
      cohort: a.cohort,
      experts: experts.map((e) => `${e.agent.name ?? e.agent.email ?? `agent ${e.agent.id}`} (${e.reason})`),
    });
  }
  return out;
}

/**
 * The aging cases alone (two queries: the cohorts' recent resolution times and the open cases), oldest-relative
 * first, at most `limit`, with how many are past their threshold in all: what the Home tab shows on every open.
 */
export async function agingCases(
  deps: { tenantId: string; slackStore: SlackStore; now: () => Date },
  limit = 10,
): Promise<{ cases: Omit<AgingEntry, 'experts'>[]; total: number }> {
  const now = deps.now();
  const thresholds = cohortThresholds(
    await deps.slackStore.resolvedSamples(deps.tenantId, new Date(now.getTime() - 90 * DAY_MS).toISOString()),
  );
  const open = await deps.slackStore.openCases(deps.tenantId);
  const subjects = new Map(open.map((o) => [o.id, o.subject]));
  const all = findAgingCases(open, thresholds, now);
  const cases = all.slice(0, limit).map((a) => ({
    caseId: a.caseId,
    subject: subjects.get(a.caseId) ?? '',
    ageHours: a.ageHours,
    thresholdHours: a.thresholdHours,
    cohort: a.cohort,
  }));
  return { cases, total: all.length };
}
