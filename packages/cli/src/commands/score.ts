import {
  CaseSchema,
  type CompletenessInput,
  type CompletenessResult,
  describeIssues,
  normaliseZendeskTicket,
  scoreCompleteness,
  ZendeskTicketSchema,
} from '@support-metrics/core';
import { ZodError } from 'zod';
import { CliError } from '../cli-error.js';
import { formatCompleteness } from '../format.js';
import { parseJson, readInput } from '../read-input.js';

const ScoreInputSchema = CaseSchema.partial({ id: true, createdAt: true });

/** Reads one case (our case JSON, a Zendesk ticket, or `{ "ticket": … }`) into what the scorer needs. */
export function toCompletenessInput(data: unknown): CompletenessInput {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new CliError('expected one case or Zendesk ticket as a JSON object');
  const obj = data as Record<string, unknown>;
  const ticket = 'ticket' in obj ? obj.ticket : 'created_at' in obj && 'status' in obj ? obj : null;
  if (ticket !== null) {
    const parsed = ZendeskTicketSchema.safeParse(ticket);
    if (!parsed.success)
      throw new CliError(`not a valid Zendesk ticket: ${describeIssues(parsed.error.issues)}`);
    try {
      return normaliseZendeskTicket(parsed.data);
    } catch (e) {
      if (e instanceof ZodError)
        throw new CliError(`not a valid Zendesk ticket: ${describeIssues(e.issues)}`);
      throw e;
    }
  }
  if (!('subject' in obj) && !('description' in obj))
    throw new CliError(
      'expected a case with "subject" or "description", a Zendesk ticket, or {"ticket": {...}}',
    );
  const parsed = ScoreInputSchema.safeParse(obj);
  if (!parsed.success) throw new CliError(`not a valid case: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** `support-metrics score [FILE] [--json]`; `--json` prints exactly { score, complete, issueType, items, missing, requestDraft }. */
export async function scoreCommand(file: string | undefined, json: boolean): Promise<string> {
  const text = await readInput(file);
  const result: CompletenessResult = scoreCompleteness(toCompletenessInput(parseJson(text, file ?? 'stdin')));
  if (!json) return formatCompleteness(result);
  const { score, complete, issueType, items, missing, requestDraft } = result;
  return JSON.stringify({ score, complete, issueType, items, missing, requestDraft }, null, 2);
}
