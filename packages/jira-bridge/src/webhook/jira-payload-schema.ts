import { JiraKeySchema } from '@support-metrics/core';
import { BOUNDS, BoundedName, BoundedText, NumericId } from '@support-metrics/platform';
import { z } from 'zod';

// Bounded (platform's bounded-fields): a signed but hostile body is a 400 with its path, never stored.
const Id = NumericId;
const Name = BoundedName;
const Time = z.string().max(64);

/** Jira's timestamps: ISO with `+0300` offsets (`2019-01-30T15:51:33.199+0300`), or epoch ms. Parsed to epoch ms. */
export function jiraTimeMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const iso = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

export const FixVersionSchema = z.looseObject({
  id: Id,
  name: Name,
  released: z.boolean().optional().default(false),
  releaseDate: Time.nullable().optional().default(null),
});
export type FixVersion = z.infer<typeof FixVersionSchema>;

/** The issue of `jira:issue_*` events (and GET /rest/api/3/issue): only what the bridge reads is declared. */
export const JiraIssueSchema = z.looseObject({
  id: Id,
  key: JiraKeySchema,
  fields: z.looseObject({
    summary: BoundedText.nullable().optional().default(null),
    status: z.looseObject({ name: Name }).nullable().optional().default(null),
    resolution: z.looseObject({ name: Name }).nullable().optional().default(null),
    fixVersions: z.array(FixVersionSchema).max(BOUNDS.list).nullable().optional().default([]),
    issuetype: z.looseObject({ name: Name }).nullable().optional().default(null),
    updated: z.union([Time, z.number()]).nullable().optional().default(null),
  }),
});
export type JiraIssue = z.infer<typeof JiraIssueSchema>;

const ChangelogSchema = z
  .looseObject({
    items: z
      .array(
        z.looseObject({
          field: z.string().max(BOUNDS.id),
          fromString: BoundedText.nullable().optional(),
          toString: BoundedText.nullable().optional(),
        }),
      )
      .max(BOUNDS.list)
      .default([]),
  })
  .nullable()
  .optional();

/**
 * A Jira webhook body, by `webhookEvent`. Events the bridge does not use (comments, projects, …) parse as `other`
 * and are accepted without effect.
 * https://developer.atlassian.com/cloud/jira/platform/webhooks/
 */
export const JiraWebhookSchema = z.discriminatedUnion('webhookEvent', [
  z.looseObject({
    webhookEvent: z.enum(['jira:issue_created', 'jira:issue_updated', 'jira:issue_deleted']),
    issue: JiraIssueSchema,
    changelog: ChangelogSchema,
  }),
  z.looseObject({
    webhookEvent: z.enum(['issuelink_created', 'issuelink_deleted']),
    issueLink: z.looseObject({
      id: Id,
      sourceIssueId: Id,
      destinationIssueId: Id,
      issueLinkType: z.looseObject({ name: Name }),
    }),
  }),
  z.looseObject({
    webhookEvent: z.enum([
      'jira:version_released',
      'jira:version_unreleased',
      'jira:version_updated',
      'jira:version_created',
    ]),
    version: z.looseObject({
      id: Id,
      name: Name,
      released: z.boolean().optional().default(false),
      releaseDate: Time.nullable().optional().default(null),
      userReleaseDate: Time.nullable().optional(),
    }),
  }),
]);
export type JiraWebhook = z.infer<typeof JiraWebhookSchema>;

/** The events handled; anything else is acknowledged and ignored. */
export const HANDLED_EVENTS = new Set(
  JiraWebhookSchema.options.flatMap((o) => o.shape.webhookEvent.options as readonly string[]),
);
