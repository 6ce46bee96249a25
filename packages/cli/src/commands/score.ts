import {
  type Case,
  CaseSchema,
  ClosurePolicySchema,
  type CompletenessInput,
  type CompletenessResult,
  describeIssues,
  normaliseZendeskTicket,
  RubricSchema,
  type ScoringPolicies,
  scoreCase,
  ZendeskTicketSchema,
} from '@support-metrics/core';
import { ZodError, z } from 'zod';
import { CliError } from '../cli-error.js';
import { formatCompleteness } from '../format.js';
import { parseJson, readInput } from '../read-input.js';

const ScoreInputSchema = CaseSchema.partial({ id: true, createdAt: true });

/** Reads one case (our case JSON, a Zendesk ticket, or `{ "ticket": … }`) into what the scorer needs. */
export function toCompletenessInput(data: unknown): CompletenessInput & { closure?: Case['closure'] } {
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

/** A tenant's policies as `GET /api/policies` answers them (other keys are ignored; absent ones are the defaults). */
export const PoliciesFileSchema = z.object({
  rubric: RubricSchema.optional(),
  closurePolicy: ClosurePolicySchema.optional(),
});

/** Reads `--policies FILE`: the tenant's rubric and closed-record policy, so the score agrees with the worker's. */
export async function readPolicies(file: string | undefined): Promise<ScoringPolicies> {
  if (!file) return {};
  const parsed = PoliciesFileSchema.safeParse(parseJson(await readInput(file), file));
  if (!parsed.success) throw new CliError(`not valid policies: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/**
 * `support-metrics score [FILE] [--json] [--policies FILE]`: scored as the worker scores a stored case (core's
 * scoreCase), under the policies of `GET /api/policies` when given; `--json` prints exactly { score, complete,
 * issueType, items, missing, requestDraft }.
 */
export async function scoreCommand(
  file: string | undefined,
  json: boolean,
  policiesFile?: string,
): Promise<string> {
  const text = await readInput(file);
  const policies = await readPolicies(policiesFile);
  const result: CompletenessResult = scoreCase(
    toCompletenessInput(parseJson(text, file ?? 'stdin')),
    policies,
  );
  if (!json) return formatCompleteness(result);
  const { score, complete, issueType, items, missing, requestDraft } = result;
  return JSON.stringify({ score, complete, issueType, items, missing, requestDraft }, null, 2);
}
