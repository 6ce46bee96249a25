import type { IssueType } from '../case/case-schema.js';
import { type CompletenessInput, featuresOf } from './detect-items.js';
import { ISSUE_TYPES } from './model.js';

/** Where the issue type came from: a helpdesk field or tag, or the words of the ticket. */
export interface IssueTypeResult {
  issueType: IssueType;
  source: 'field' | 'tag' | 'text';
  /** When the helpdesk's ticket type and the text disagree, one line that says so (the text decides); else null. */
  note: string | null;
}

const TAGS: Record<string, IssueType> = {
  how_to: 'how_to',
  howto: 'how_to',
  question: 'how_to',
  bug: 'bug',
  defect: 'bug',
  problem: 'bug',
  install: 'install_config',
  installation: 'install_config',
  config: 'install_config',
  configuration: 'install_config',
  setup: 'install_config',
  install_config: 'install_config',
  billing: 'other',
  refund: 'other',
  cancellation: 'other',
};

/**
 * One of the study's issue types named by a helpdesk value, as agents record it ('Bug', 'How-to', 'Install/Config',
 * 'question', 'setup', …); null for anything else.
 *
 * @example issueTypeOfValue('Install/Config') // 'install_config'
 */
export function issueTypeOfValue(value: string): IssueType | null {
  return (
    TAGS[
      value
        .trim()
        .toLowerCase()
        .replace(/[\s/-]+/g, '_')
    ] ?? null
  );
}

/** The issue type a helpdesk's coarse ticket type suggests (Zendesk: a question reads as a how-to, a problem or an incident as a bug). */
const TICKET_TYPE_PRIOR: Record<string, IssueType> = { question: 'how_to', problem: 'bug', incident: 'bug' };
/** How much the ticket type adds to its issue type's log-odds: it decides only where the text is unsure. */
export const TICKET_TYPE_PRIOR_LOGIT = 0.6;

const READS_LIKE: Record<IssueType, string> = {
  bug: 'a bug report',
  how_to: 'a how-to question',
  install_config: 'an installation, configuration or access request',
  other: 'a request that is no bug, how-to or set-up (billing, sales, feedback)',
};

/**
 * The study's issue type of a case. An agent-recorded type (a field, then a tag) wins. Otherwise the learned model
 * reads it from the text; the helpdesk's ticket type (question, incident, problem) is a weak prior that decides only
 * when the text is unsure, and when the two disagree, `note` says so in one line.
 *
 * @example inferIssueType({ subject: 'How do I export a report?' }).issueType // 'how_to'
 */
export function inferIssueType(input: CompletenessInput): IssueTypeResult {
  if (input.issueType) return { issueType: input.issueType, source: 'field', note: null };
  for (const tag of input.tags ?? []) {
    const type = TAGS[tag.toLowerCase()];
    if (type) return { issueType: type, source: 'tag', note: null };
  }
  // Nothing to read: no type can be told from it.
  if (!input.subject?.trim() && !input.description?.trim())
    return { issueType: 'other', source: 'text', note: null };
  const logits = Array.from(featuresOf(input).output.typeLogit);
  const textType = ISSUE_TYPES[argmax(logits)] ?? 'other';
  const ticketType = input.ticketType?.trim().toLowerCase() ?? '';
  const prior = TICKET_TYPE_PRIOR[ticketType];
  if (!prior) return { issueType: textType, source: 'text', note: null };
  const k = ISSUE_TYPES.indexOf(prior);
  logits[k] = (logits[k] ?? 0) + TICKET_TYPE_PRIOR_LOGIT;
  const issueType = ISSUE_TYPES[argmax(logits)] ?? textType;
  const note =
    issueType === prior
      ? null
      : `Ticket type says ${ticketType[0]?.toUpperCase()}${ticketType.slice(1)}; the message reads like ${READS_LIKE[issueType]}.`;
  return { issueType, source: 'text', note };
}

function argmax(v: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if ((v[i] ?? 0) > (v[best] ?? 0)) best = i;
  return best;
}
