import { JiraKeySchema } from '@support-metrics/core';
import { BoundedName, NumericId } from '@support-metrics/platform';
import { z } from 'zod';

/**
 * A Forge product event as a trigger delivers it to the remote (Forge events reference, Jira): the event name and the
 * issue (id, key; its fields are a subset — no fix versions, no resolution — so the worker reads the issue itself),
 * or the version. Events not used parse as ignored.
 */
export const ForgeIssueEventSchema = z.looseObject({
  eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue']),
  issue: z.looseObject({ id: NumericId, key: JiraKeySchema }),
  changelog: z.unknown().optional(),
});

export const ForgeVersionEventSchema = z.looseObject({
  eventType: z.literal('avi:jira:released:version'),
  version: z.looseObject({
    id: NumericId,
    name: BoundedName,
    released: z.boolean().optional(),
    releaseDate: z.string().max(64).nullable().optional(),
  }),
});

export const ForgeJiraEventSchema = z.discriminatedUnion('eventType', [
  ForgeIssueEventSchema,
  ForgeVersionEventSchema,
]);
export type ForgeJiraEvent = z.infer<typeof ForgeJiraEventSchema>;

/** The event names the worker acts on (the triggers of manifest.yml). */
export const FORGE_EVENTS = new Set<string>([
  ...ForgeIssueEventSchema.shape.eventType.options,
  ForgeVersionEventSchema.shape.eventType.value,
]);
