/** The helpdesk's coarse ticket types (Zendesk's `ticket.type`): only a prior for the study's issue type. */
export const TICKET_TYPES = ['question', 'incident', 'problem', 'task'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

/**
 * A helpdesk ticket type as the case keeps it, from however it arrives ("Question", " problem", null): the one
 * reading of Zendesk's type used by the importer, the webhook events and the sidebar; null for anything else.
 *
 * @example ticketTypeOf('Incident') // 'incident'
 */
export function ticketTypeOf(value: unknown): TicketType | null {
  const t = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (TICKET_TYPES as readonly string[]).includes(t) ? (t as TicketType) : null;
}
