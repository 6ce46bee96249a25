/**
 * The part of the ZAF client (Zendesk App Framework v2) the sidebar uses: a port, so that components are tested
 * with a stub and the preview harness can play Zendesk's part.
 */
export interface ZafClient {
  context(): Promise<{ location: string; ticketId?: number | string; account?: { subdomain?: string } }>;
  metadata(): Promise<{ settings: Record<string, unknown> }>;
  get(paths: string | string[]): Promise<Record<string, unknown>>;
  set(path: string, value: unknown): Promise<unknown>;
  on(event: string, handler: (...args: unknown[]) => unknown): void;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  request<T = unknown>(options: {
    url: string;
    type?: string;
    headers?: Record<string, string>;
    contentType?: string;
    data?: string;
    secure?: boolean;
    cors?: boolean;
    /** ZAF signs a JWT with these and sends it as `Authorization: Bearer` (only with `secure`). */
    jwt?: {
      algorithm: 'HS256';
      secret_key: string;
      /** Seconds until it expires. */
      expiry: number;
      claims: Record<string, string | number | null>;
    };
  }): Promise<T>;
}

/** A ticket field as `client.get('ticketFields')` lists it. */
interface TicketField {
  name: string;
  label?: string;
  title?: string;
  /** A drop-down field's options (ZAF ticketField.options: { label, value }). */
  options?: { label?: string; value?: string }[];
}

/** What the sidebar reads of the ticket in view. */
export interface TicketSnapshot {
  id: string | null;
  subject: string;
  description: string;
  status: string;
  /** Zendesk's ticket type: question, problem, incident, task (or empty). */
  type: string;
  requesterName: string | null;
  /** Custom fields by label (as rubrics and closure policies name them). */
  customFields: Record<string, string | number | boolean | string[] | null>;
  /** The option labels of each drop-down custom field, by its label: the team's product and area names. */
  fieldOptions: Record<string, string[]>;
  attachments: { name: string }[];
  tags: string[];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

/**
 * Reads the ticket through ZAF: subject, description, status, requester, tags, attachments of its comments, and
 * custom fields named by their labels. Fields ZAF cannot give (a new ticket has no id) come back empty.
 */
export async function readTicket(client: ZafClient): Promise<TicketSnapshot> {
  const base = await client.get([
    'ticket.id',
    'ticket.subject',
    'ticket.description',
    'ticket.status',
    'ticket.type',
    'ticket.requester.name',
    'ticket.tags',
    'ticketFields',
  ]);
  const fields = (Array.isArray(base.ticketFields) ? base.ticketFields : []) as TicketField[];
  const custom = fields.filter((f) => f.name.startsWith('custom_field_'));
  const customFields: TicketSnapshot['customFields'] = {};
  const fieldOptions: TicketSnapshot['fieldOptions'] = {};
  for (const f of custom)
    if (Array.isArray(f.options))
      fieldOptions[f.label ?? f.title ?? f.name] = f.options.flatMap((o) =>
        typeof o?.label === 'string' ? [o.label] : [],
      );
  if (custom.length > 0) {
    const values = await client.get(custom.map((f) => `ticket.customField:${f.name}`));
    for (const f of custom) {
      const value = values[`ticket.customField:${f.name}`];
      customFields[f.label ?? f.title ?? f.name] = (value ?? null) as TicketSnapshot['customFields'][string];
    }
  }
  let attachments: { name: string }[] = [];
  try {
    const comments = await client.get('ticket.comments');
    const list = (comments['ticket.comments'] ?? []) as {
      imageAttachments?: { filename: string }[];
      nonImageAttachments?: { filename: string }[];
    }[];
    const first = list[list.length - 1]; // ZAF lists comments newest first
    attachments = [...(first?.imageAttachments ?? []), ...(first?.nonImageAttachments ?? [])].map((a) => ({
      name: a.filename,
    }));
  } catch {
    // A new ticket has no comments yet.
  }
  return {
    id: base['ticket.id'] === undefined || base['ticket.id'] === null ? null : str(base['ticket.id']),
    subject: str(base['ticket.subject']),
    description: str(base['ticket.description']),
    status: str(base['ticket.status']) || 'new',
    type: str(base['ticket.type']),
    fieldOptions,
    requesterName: str(base['ticket.requester.name']) || null,
    customFields,
    attachments,
    tags: Array.isArray(base['ticket.tags']) ? (base['ticket.tags'] as string[]) : [],
  };
}
