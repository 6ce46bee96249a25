import type { Stores, TicketNotes, WorkerConfig } from '@support-metrics/platform';
import type { ChartUrlMaker } from '../charts/chart-service.js';
import type { SlackStore } from '../store/slack-store.js';

/**
 * What listeners and jobs work with, for one tenant: the stores, config, clock, and the ports to the helpdesk.
 * The route builds it per request and passes it to bolt as the custom property `sm` (listeners read `context.sm`).
 */
export interface SlackDeps {
  tenantId: string;
  teamId: string | null;
  /** The platform's stores of the request (tenants, cases, customers, bug links). */
  stores: Stores;
  slackStore: SlackStore;
  config: WorkerConfig;
  now: () => Date;
  notes: TicketNotes | null;
  ticketUrl: (caseId: string) => string | null;
  jiraBaseUrl: string | null;
  /** Signs chart URLs on this worker's address (the request's origin); null when it is not known. */
  chartUrl?: ChartUrlMaker | null;
  /** Keeps the worker alive for work after the answer (swarm creation after the ack). */
  waitUntil: (p: Promise<unknown>) => void;
}

/** The deps bolt carries in `context` (set by the route; absent only if the wiring is wrong). */
export function depsOf(context: Record<string, unknown>): SlackDeps {
  const deps = context.sm as SlackDeps | undefined;
  if (!deps) throw new Error('slack listener without deps: dispatch through slackRoutes()');
  return deps;
}

/** What the customer reads (health, outcomes, forecast, maturity) need of the deps, at the deps' clock. */
export function customerContextOf(deps: SlackDeps) {
  return { stores: deps.stores, tenantId: deps.tenantId, now: deps.now() };
}
