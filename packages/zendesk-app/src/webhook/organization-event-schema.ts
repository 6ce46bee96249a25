import { BOUNDS, BoundedName, BoundedTags, boundedRecord, NumericId } from '@support-metrics/platform';
import { z } from 'zod';

const Id = NumericId;
const Time = z.iso.datetime({ offset: true });
const Tags = BoundedTags;

/**
 * `detail` of a Zendesk organization event: the organisation's id, name and times (ids arrive as strings). Zendesk
 * documents no tags or fields here; when a detail carries `tags` or `organization_fields`, they are taken as whole.
 * https://developer.zendesk.com/api-reference/webhooks/event-types/organization-events/
 */
export const OrganizationEventDetailSchema = z.looseObject({
  id: Id,
  name: BoundedName.nullable().optional(),
  created_at: Time.nullable().optional(),
  updated_at: Time.nullable().optional(),
  tags: Tags.nullable().optional(),
  organization_fields: boundedRecord(z.unknown()).nullable().optional(),
});
export type OrganizationEventDetail = z.infer<typeof OrganizationEventDetailSchema>;

/**
 * `event` of `organization.tags_changed`: what was added and removed (`{"added": {"tags": […]}, "removed": {"tags":
 * […]}}`), or the whole list as `current`.
 */
export const OrganizationTagsChangedSchema = z
  .looseObject({
    added: z.looseObject({ tags: Tags }).nullable().optional(),
    removed: z.looseObject({ tags: Tags }).nullable().optional(),
    current: Tags.optional(),
  })
  .refine((e) => e.added || e.removed || e.current, {
    message: 'a tags_changed event says what changed: {"added": {"tags": […]}, "removed": {"tags": […]}}',
    path: ['added'],
  });

/**
 * `event` of `organization.custom_field_changed`: the field (`custom_field`: its id, title and type — and its `key`
 * when given, which is what `organization_fields` is keyed by) with its `current` and `previous` values.
 */
export const OrganizationCustomFieldChangedSchema = z
  .looseObject({
    custom_field: z.looseObject({
      id: Id.optional(),
      key: z.string().min(1).max(BOUNDS.id).optional(),
      title: BoundedName.nullable().optional(),
      type: z.string().max(BOUNDS.id).nullable().optional(),
    }),
    current: z.unknown(),
    previous: z.unknown().optional(),
  })
  .refine((e) => 'current' in e, { message: 'the new value is missing', path: ['current'] });
