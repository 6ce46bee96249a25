/**
 * A port of `validations/requirements.rb` (`zendesk/zendesk_apps_support`, HEAD f3de3c7): the offline rules
 * Zendesk applies to requirements.json when an app is uploaded. Custom objects (v1 and v2) and channel integrations
 * are ported only as far as their required keys; this app declares neither. Duplicate keys (the gem's
 * NoOverrideHash) are not detected: JSON.parse keeps the last.
 */
import { type AppFiles, textOf } from './validate-manifest.js';
import { type Finding, finding } from './zendesk-messages.js';

/** app_requirement.rb TYPES. */
export const REQUIREMENT_TYPES = [
  'automations',
  'channel_integrations',
  'custom_objects',
  'macros',
  'targets',
  'views',
  'ticket_fields',
  'triggers',
  'user_fields',
  'organization_fields',
  'webhooks',
  'custom_objects_v2',
];
const MAX_REQUIREMENTS = 5000;
const MAX_CUSTOM_OBJECTS_REQUIREMENTS = 50;
const R = 'validations/requirements.rb';

const isHash = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The errors Zendesk reports for the app's requirements.json (none when there is none and none is needed). */
export function validateRequirements(files: AppFiles): Finding[] {
  const manifest = (() => {
    try {
      return JSON.parse(textOf(files, 'manifest.json') ?? '{}') as Record<string, unknown>;
    } catch {
      return {};
    }
  })();
  const text = textOf(files, 'requirements.json');
  const products = Object.keys(isHash(manifest.location) ? manifest.location : { support: {} });
  const supports = manifest.marketingOnly !== true && !(products.length === 1 && products[0] === 'chat');
  if (manifest.requirementsOnly === true && text === undefined)
    return [finding(`${R} call`, 'missing_requirements')];
  if (!supports && text !== undefined) return [finding(`${R} call`, 'requirements_not_supported')];
  if (text === undefined) return [];
  let requirements: Record<string, unknown>;
  try {
    const parsed = JSON.parse(text);
    requirements = isHash(parsed) ? parsed : {};
  } catch (e) {
    return [finding(`${R} call`, 'requirements_not_json', { errors: (e as Error).message })];
  }
  const errors: Finding[] = [];
  const groups = Object.entries(requirements);

  // invalid_requirements_types.
  const invalidTypes = Object.keys(requirements).filter((k) => !REQUIREMENT_TYPES.includes(k));
  if (invalidTypes.length > 0)
    errors.push(
      finding(`${R} invalid_requirements_types`, 'invalid_requirements_types', {
        invalid_types: invalidTypes.join(', '),
        count: invalidTypes.length,
      }),
    );
  // excessive_requirements: every requirement of every type counted.
  const count = groups
    .flatMap(([, req]) => (isHash(req) ? Object.values(req) : [req]))
    .flat(Number.POSITIVE_INFINITY).length;
  if (count > MAX_REQUIREMENTS)
    errors.push(
      finding(`${R} excessive_requirements`, 'excessive_requirements', { max: MAX_REQUIREMENTS, count }),
    );
  // excessive_custom_objects_requirements.
  const customObjects = requirements.custom_objects;
  if (isHash(customObjects)) {
    const n = Object.values(customObjects).flat(Number.POSITIVE_INFINITY).length;
    if (n > MAX_CUSTOM_OBJECTS_REQUIREMENTS)
      errors.push(
        finding(`${R} excessive_custom_objects_requirements`, 'excessive_custom_objects_requirements', {
          max: MAX_CUSTOM_OBJECTS_REQUIREMENTS,
          count: n,
        }),
      );
  }
  const missingField = (rule: string, field: string, identifier: string) =>
    finding(`${R} ${rule}`, 'missing_required_fields', { field, identifier });
  // invalid_channel_integrations: at most one, each with a manifest_url.
  if (isHash(requirements.channel_integrations)) {
    const ci = requirements.channel_integrations;
    if (Object.keys(ci).length > 1)
      errors.push(finding(`${R} invalid_channel_integrations`, 'multiple_channel_integrations'));
    for (const [id, fields] of Object.entries(ci))
      if (!(isHash(fields) && 'manifest_url' in fields))
        errors.push(missingField('invalid_channel_integrations', 'manifest_url', id));
  }
  // invalid_custom_fields: user and organization fields need a key.
  for (const group of ['user_fields', 'organization_fields'])
    if (isHash(requirements[group]))
      for (const [id, fields] of Object.entries(requirements[group] as Record<string, unknown>))
        if (!(isHash(fields) && 'key' in fields))
          errors.push(missingField('invalid_custom_fields', 'key', id));
  // invalid_custom_objects: custom_object_types required; types need key+schema, relationships key+source+target.
  if (isHash(customObjects)) {
    if (!('custom_object_types' in customObjects))
      errors.push(missingField('invalid_custom_objects', 'custom_object_types', 'custom_objects'));
    const schema: Record<string, string[]> = {
      custom_object_types: ['key', 'schema'],
      custom_object_relationship_types: ['key', 'source', 'target'],
    };
    for (const [type, keys] of Object.entries(schema))
      for (const req of (Array.isArray(customObjects[type]) ? customObjects[type] : []) as unknown[])
        for (const k of keys)
          if (!(isHash(req) && k in req)) errors.push(missingField('invalid_custom_objects', k, type));
  }
  // invalid_webhooks: name, status, endpoint, http_method and request_format on each webhook.
  if (isHash(requirements.webhooks))
    for (const [id, req] of Object.entries(requirements.webhooks))
      for (const k of ['name', 'status', 'endpoint', 'http_method', 'request_format'])
        if (!(isHash(req) && k in req)) errors.push(missingField('validate_webhook_keys', k, id));
  // invalid_target_types: http_target and url_target_v2 are gone (webhooks replace them).
  if (isHash(requirements.targets))
    for (const req of Object.values(requirements.targets))
      if (isHash(req) && (req.type === 'http_target' || req.type === 'url_target_v2'))
        errors.push(
          finding(`${R} invalid_target_types`, 'invalid_requirements_types', {
            invalid_types: `targets -> ${req.type}`,
            count: 1,
          }),
        );
  // missing_required_fields: every other requirement (ticket fields, triggers, targets, …) has a title.
  for (const [type, group] of groups) {
    if (['channel_integrations', 'custom_objects', 'webhooks', 'custom_objects_v2'].includes(type)) continue;
    if (!isHash(group)) continue;
    for (const [id, fields] of Object.entries(group))
      if (fields !== null && !(isHash(fields) && 'title' in fields))
        errors.push(missingField('missing_required_fields', 'title', id));
  }
  return errors;
}
