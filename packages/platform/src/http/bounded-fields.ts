import { z } from 'zod';

/**
 * The bounds every inbound schema (Zendesk, Slack, Jira) puts on the fields it reads: one home for them, so that a
 * signed but hostile body — a 900 KB id, a million tags — is a 400 with the zod path, never stored, rolled up or
 * handed to a listener. The limits sit well above what the hosts send (Slack's own caps are quoted where they exist).
 */
export const BOUNDS = {
  /** Ids, keys, enum values, names of fields and types. */
  id: 255,
  /** A Zendesk or Jira id sent as a string: integers of up to 20 digits, so 64 is generous. */
  numericId: 64,
  /** Names and titles: an organisation, a version, a field title, a status. */
  name: 1_000,
  /** Subjects, summaries, a changelog value, a slash command's text. */
  text: 10_000,
  /** A ticket's first message: the scorer reads at most 100,000 characters of a case's text. */
  description: 100_000,
  /** A message body: Slack caps a message's text at 40,000 characters. */
  message: 40_000,
  /** Slack caps a view's private_metadata at 3,000 characters, a button's value at 2,000. */
  metadata: 3_000,
  /** List lengths: tags, changelog items, fix versions, actions, record keys. */
  list: 1_000,
} as const;

/** An id that is a short non-empty string. */
export const BoundedId = z.string().min(1).max(BOUNDS.id);
/** A host's numeric id, sent as a number or a string (Zendesk, Jira): bounded either way, read as a string. */
export const NumericIdInput = z.union([
  z.string().min(1).max(BOUNDS.numericId),
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
]);
export const NumericId = NumericIdInput.transform(String);
export const BoundedName = z.string().max(BOUNDS.name);
export const BoundedText = z.string().max(BOUNDS.text);
export const BoundedDescription = z.string().max(BOUNDS.description);
export const BoundedTags = z.array(z.string().max(BOUNDS.id)).max(BOUNDS.list);

/** An object of at most BOUNDS.list keys (z.record alone has no bound on how many). */
export function boundedRecord<V extends z.ZodType>(value: V) {
  return z
    .record(z.string().max(BOUNDS.id), value)
    .refine((r) => Object.keys(r).length <= BOUNDS.list, { message: `at most ${BOUNDS.list} keys` });
}
