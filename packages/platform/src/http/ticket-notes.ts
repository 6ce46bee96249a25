import type { WorkerConfig } from '../config/env-schema.js';

/**
 * Adds an internal note to a helpdesk ticket: the port through which Slack (swarm summaries) and Jira (fix notes)
 * write to Zendesk without depending on the Zendesk plugin. The worker wires it to the Zendesk API.
 */
export interface TicketNotes {
  addInternalNote(ticketId: string, body: string): Promise<void>;
}

/** The notes port for a tenant (its settings may name its own helpdesk account), or null when it has none. */
export type TicketNotesFor = (
  config: WorkerConfig,
  tenantId: string,
  settings: Record<string, unknown>,
) => TicketNotes | null;
