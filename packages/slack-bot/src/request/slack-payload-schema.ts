import { BOUNDS, BoundedId, BoundedText } from '@support-metrics/platform';
import { z } from 'zod';

// Slack's ids are short (T0123ABCD, U…, C…, a trigger or event id): bounded (platform's bounded-fields), so that a
// signed but hostile body is a 400.
const Id = BoundedId;
const Url = z.url().max(BOUNDS.name);
const User = z.looseObject({ id: Id });
// bolt reads `channel.id` whenever `channel` is there, and `response_urls[0].response_url`: absent is fine, null is not.
const Channel = z.looseObject({ id: Id }).optional();
const ResponseUrls = z
  .array(z.looseObject({ response_url: Url }))
  .max(BOUNDS.list)
  .optional();

/** A slash command (form fields). */
export const SlashCommandSchema = z.looseObject({
  command: z.string().startsWith('/').max(BOUNDS.id),
  team_id: Id,
  user_id: Id,
  channel_id: Id,
  text: BoundedText.default(''),
  response_url: Url.optional(),
  trigger_id: Id.optional(),
});

/** An Events API delivery. */
export const EventCallbackSchema = z.looseObject({
  type: z.literal('event_callback'),
  team_id: Id,
  event_id: Id,
  // bolt reads `authorizations[0]` and the event's `user`: absent is fine, null is not.
  authorizations: z
    .array(z.looseObject({ team_id: Id.nullish(), user_id: Id.optional() }))
    .max(100)
    .optional(),
  event: z.looseObject({
    type: z.string().min(1).max(255),
    user: z.union([Id, z.looseObject({ id: Id })]).optional(),
    channel: z.union([Id, z.looseObject({ id: Id })]).optional(),
    channel_id: Id.optional(),
    item: z.looseObject({}).optional(),
  }),
});

/** Interactivity (`payload=`): what bolt routes on, and what our listeners read. */
export const InteractionSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('block_actions'),
    user: User,
    channel: Channel,
    actions: z
      .array(z.looseObject({ action_id: Id, value: z.string().max(BOUNDS.metadata).optional() }))
      .min(1)
      .max(BOUNDS.list),
    response_url: Url.optional(),
    trigger_id: Id.optional(),
  }),
  z.looseObject({
    type: z.literal('view_submission'),
    user: User,
    response_urls: ResponseUrls,
    // bolt reads view.state.values of every submission.
    view: z.looseObject({
      id: Id,
      callback_id: z.string().max(BOUNDS.id),
      private_metadata: z.string().max(BOUNDS.metadata).optional(),
      // Block id → action id → the element's state, as Slack sends it: an object each (never null).
      state: z.looseObject({
        values: z
          .record(Id, z.record(Id, z.looseObject({})))
          .refine((v) => Object.keys(v).length <= BOUNDS.list, { message: `at most ${BOUNDS.list} blocks` }),
      }),
    }),
  }),
  z.looseObject({
    type: z.literal('view_closed'),
    user: User,
    view: z.looseObject({ id: Id }),
    response_urls: ResponseUrls,
  }),
  z.looseObject({ type: z.literal('shortcut'), user: User, callback_id: Id, trigger_id: Id }),
  z.looseObject({
    type: z.literal('message_action'),
    user: User,
    channel: Channel,
    callback_id: Id,
    trigger_id: Id,
    message: z.looseObject({ text: z.string().max(BOUNDS.message).optional() }).optional(),
    response_url: Url.optional(),
  }),
]);

/**
 * Checks a verified Slack payload is one of the kinds we handle and carries what listeners read, so that bad input
 * is a 400 with the zod issue paths rather than a listener failing on it. Unknown fields pass through untouched.
 */
export function slackPayloadIssues(body: Record<string, unknown>): z.ZodError | null {
  const schema =
    typeof body.command === 'string'
      ? SlashCommandSchema
      : body.type === 'event_callback'
        ? EventCallbackSchema
        : InteractionSchema;
  const parsed = schema.safeParse(body);
  return parsed.success ? null : parsed.error;
}
