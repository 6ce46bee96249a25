import { z } from 'zod';
import { TICKET_TYPES } from './ticket-type.js';

/** Issue categories of the study: How-To, Bug, Install/Config/Setup, plus everything else. */
export const IssueTypeSchema = z.enum(['how_to', 'bug', 'install_config', 'other']);
export type IssueType = z.infer<typeof IssueTypeSchema>;

/** Normalised channel a case arrived through. */
export const ChannelSchema = z.enum(['email', 'web', 'chat', 'phone', 'social', 'api', 'messaging', 'other']);
export type Channel = z.infer<typeof ChannelSchema>;

export const CaseStatusSchema = z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const PrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);

/** A custom field value as helpdesks hold them: text, number, checkbox, multi-select. */
export const FieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export type FieldValue = z.infer<typeof FieldValueSchema>;

const Timestamp = z.iso.datetime({ offset: true });

export const PartySchema = z.object({
  id: z.string(),
  name: z.string().nullable().default(null),
  email: z.string().nullable().default(null),
});

export const OrganizationSchema = z.object({
  id: z.string(),
  name: z.string().nullable().default(null),
  /** Annual recurring revenue, from a configurable organisation field; null when unknown. */
  recurringRevenue: z.number().nonnegative().nullable().default(null),
});

export const AttachmentSchema = z.object({
  name: z.string(),
  contentType: z.string().nullable().default(null),
  size: z.number().int().nonnegative().nullable().default(null),
});

/** What an agent did with knowledge on this case: linked an existing article, updated one or created one. */
export const KnowledgeLinkSchema = z.object({
  article: z.string(),
  action: z.enum(['linked', 'updated', 'created']),
});

/** CSAT as Zendesk models it; `null` when no survey was sent. */
export const SatisfactionSchema = z.enum(['good', 'bad', 'offered', 'unoffered']);

/**
 * The minimal closed-case record of the study. Each entry is what the helpdesk holds (null when empty);
 * `checkClosureRecord` decides whether the record is complete.
 */
export const ClosureSchema = z.object({
  reason: z.string().nullable().default(null),
  issueType: IssueTypeSchema.nullable().default(null),
  solution: z.string().nullable().default(null),
  newVsKnown: z.enum(['new', 'known']).nullable().default(null),
  knowledgeAction: z.enum(['linked', 'updated', 'created', 'none']).nullable().default(null),
});
export type Closure = z.infer<typeof ClosureSchema>;

/**
 * The helpdesk-neutral case. Zendesk tickets, CSV rows of other helpdesks and our fixtures all normalise into it.
 *
 * Counters that the source does not record are `null` ("not measured"), never 0: a metric that needs them
 * reports `not_measured` instead of a misleading number.
 *
 * @example
 * const c = CaseSchema.parse({ id: '42', createdAt: '2026-10-01T09:00:00Z', subject: 'Export fails' });
 */
export const CaseSchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1).default('default'),
  /** Which helpdesk (or dataset) the case came from: `zendesk`, `servicenow`, `kaggle`, `fixture`, … */
  helpdesk: z.string().default('unknown'),
  subject: z.string().default(''),
  /** First customer message, plain text: no HTML, no quoted replies, no signature. */
  description: z.string().default(''),
  channel: ChannelSchema.nullable().default(null),
  createdAt: Timestamp,
  solvedAt: Timestamp.nullable().default(null),
  status: CaseStatusSchema.default('new'),
  priority: PrioritySchema.nullable().default(null),
  requester: PartySchema.nullable().default(null),
  /** The agent who owns the case (Zendesk assignee); a swarm never changes it. */
  assignee: PartySchema.nullable().default(null),
  organization: OrganizationSchema.nullable().default(null),
  /** Current group (team) name or id. */
  group: z.string().nullable().default(null),
  brand: z.string().nullable().default(null),
  formId: z.string().nullable().default(null),
  /** Issue type when the helpdesk records it in a field; otherwise inferred from the text when scoring. */
  issueType: IssueTypeSchema.nullable().default(null),
  /** The helpdesk's coarse ticket type (Zendesk: question, incident, problem, task): only a prior for the issue type. */
  ticketType: z.enum(TICKET_TYPES).nullable().default(null),
  customFields: z.record(z.string(), FieldValueSchema).default({}),
  tags: z.array(z.string()).default([]),
  attachments: z.array(AttachmentSchema).default([]),
  /** Public agent replies (Zendesk ticket_metrics.replies). */
  publicAgentReplies: z.number().int().nonnegative().nullable().default(null),
  /** Times the case was reopened after being solved. */
  reopens: z.number().int().nonnegative().nullable().default(null),
  /** Number of groups the case passed through (Zendesk group_stations); ≥ 2 means it was escalated / handed off. */
  groupStations: z.number().int().nonnegative().nullable().default(null),
  /** Agents other than the assignee who worked on the case (followers, swarm members). */
  collaborators: z.array(z.string()).nullable().default(null),
  satisfaction: SatisfactionSchema.nullable().default(null),
  /** Agent time spent, in minutes, when a time-tracking field records it. */
  agentEffortMinutes: z.number().nonnegative().nullable().default(null),
  /** Full resolution time in calendar hours when the helpdesk computes it; otherwise solvedAt − createdAt. */
  resolutionHours: z.number().nonnegative().nullable().default(null),
  knowledgeLinks: z.array(KnowledgeLinkSchema).nullable().default(null),
  /** Jira issue keys linked to the case (e.g. `PROJ-123`). */
  jiraLinks: z.array(z.string()).default([]),
  closure: ClosureSchema.nullable().default(null),
  /**
   * When the helpdesk last changed the case, as of the version stored (Zendesk `updated_at`, or the time of the
   * last event applied): a snapshot older than this is stale and must not roll the case back.
   */
  sourceUpdatedAt: Timestamp.nullable().default(null),
  /** Completeness of the first message, when it was scored at creation (the store keeps it). */
  completeness: z
    .object({ score: z.number().min(0).max(100), complete: z.boolean() })
    .nullable()
    .default(null),
});

/** A case after parsing: every field present, defaults applied. */
export type Case = z.infer<typeof CaseSchema>;
/** What a caller may pass: only `id` and `createdAt` are required. */
export type CaseInput = z.input<typeof CaseSchema>;
