import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CLOSURE_POLICY, normaliseFieldName } from '@support-metrics/core';
import { describe, expect, it } from 'vitest';
import { TriggerWebhookSchema } from '../webhook/webhook-payload-schema.js';
import { APP_ROOT } from './app-files.js';
import type { AppFiles } from './validate-manifest.js';
import { validateRequirements } from './validate-requirements.js';

const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const source = () => JSON.parse(readFileSync(join(APP_ROOT, 'app/requirements.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(APP_ROOT, 'app/manifest.json'), 'utf8'));
const files = (requirements: unknown, m: Record<string, unknown> = manifest): AppFiles => ({
  'manifest.json': enc(m),
  ...(requirements === undefined ? {} : { 'requirements.json': enc(requirements) }),
});
const messages = (f: AppFiles) => validateRequirements(f).map((e) => e.message);

describe('requirements.json under Zendesk’s validator (requirements.rb)', () => {
  it('passes', () => {
    expect(messages(files(source()))).toEqual([]);
  });

  const cases: [string, () => AppFiles, string][] = [
    [
      'call: requirementsOnly without requirements.json',
      () => files(undefined, { ...manifest, requirementsOnly: true }),
      'Could not find requirements.json',
    ],
    [
      'call: marketing-only apps take none',
      () => files(source(), { ...manifest, marketingOnly: true }),
      'App requirements are not supported for marketing-only or Chat-only apps',
    ],
    [
      'call: Chat-only apps take none',
      () => files(source(), { ...manifest, location: { chat: { chat_sidebar: 'assets/iframe.html' } } }),
      'App requirements are not supported for marketing-only or Chat-only apps',
    ],
    [
      'call: not JSON',
      () => ({ 'manifest.json': enc(manifest), 'requirements.json': enc('{"ticket_fields": ') }),
      'requirements.json is not proper JSON.',
    ],
    [
      'invalid_requirements_types',
      () => files({ ...source(), groups: {}, brands: {} }),
      'requirements.json contains invalid types: groups, brands',
    ],
    [
      'excessive_requirements',
      () =>
        files({
          ticket_fields: Object.fromEntries(
            Array.from({ length: 5001 }, (_, i) => [`f${i}`, { title: `F${i}`, type: 'text' }]),
          ),
        }),
      'The requirements.json file contains too many requirements. The current limit is 5000 requirements. This app has 5001 requirements.',
    ],
    [
      'excessive_custom_objects_requirements',
      () =>
        files({
          custom_objects: {
            custom_object_types: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, schema: {} })),
          },
        }),
      'The requirements.json file contains too many custom objects requirements. The current limit is 50 requirements. This app has 51 requirements.',
    ],
    [
      'invalid_channel_integrations: more than one',
      () =>
        files({
          channel_integrations: { a: { manifest_url: 'https://a' }, b: { manifest_url: 'https://b' } },
        }),
      'Specifying multiple channel integrations in requirements.json is not supported.',
    ],
    [
      'invalid_channel_integrations: manifest_url',
      () => files({ channel_integrations: { a: {} } }),
      'Missing required fields in requirements.json: "manifest_url" is required in "a"',
    ],
    [
      'invalid_custom_fields: key',
      () => files({ organization_fields: { arr: { title: 'ARR', type: 'decimal' } } }),
      'Missing required fields in requirements.json: "key" is required in "arr"',
    ],
    [
      'invalid_custom_objects: types',
      () => files({ custom_objects: { custom_object_relationship_types: [] } }),
      'Missing required fields in requirements.json: "custom_object_types" is required in "custom_objects"',
    ],
    [
      'invalid_custom_objects: schema',
      () => files({ custom_objects: { custom_object_types: [{ key: 'k' }] } }),
      'Missing required fields in requirements.json: "schema" is required in "custom_object_types"',
    ],
    [
      'validate_webhook_keys',
      () => {
        const r = source();
        delete r.webhooks.sm_events.request_format;
        delete r.webhooks.sm_events.status;
        return files(r);
      },
      'Missing required fields in requirements.json: "status" is required in "sm_events"',
    ],
    [
      'invalid_target_types',
      () => files({ targets: { old: { title: 'Old', type: 'http_target' } } }),
      'requirements.json contains an invalid type: targets -> http_target',
    ],
    [
      'missing_required_fields: title',
      () => {
        const r = source();
        delete r.ticket_fields.sm_resolution.title;
        delete r.triggers.sm_closed_record_on_solve.title;
        return files(r);
      },
      'Missing required fields in requirements.json: "title" is required in "sm_resolution"',
    ],
  ];
  it.each(cases)('%s', (_rule, f, expected) => {
    const found = messages(f());
    expect(
      found.some((m) => m.startsWith(expected)),
      `${expected}\n  in ${JSON.stringify(found, null, 2)}`,
    ).toBe(true);
  });
});

describe('what requirements.json creates is what the app and the worker read', () => {
  const r = source();
  const byTitle = (title: string) =>
    Object.values(
      r.ticket_fields as Record<string, { title: string; custom_field_options: { value: string }[] }>,
    ).find((f) => f.title === title);

  it('the five closed-record fields, each found by the default closed-record policy (by title and by tag)', () => {
    const items = {
      reason: 'Contact reason',
      issue_type: 'Issue type',
      solution: 'Resolution',
      new_vs_known: 'New vs known',
      knowledge_action: 'Knowledge action',
    } as const;
    for (const [item, title] of Object.entries(items) as [keyof typeof items, string][]) {
      const field = byTitle(title);
      expect(field, title).toBeDefined();
      expect(DEFAULT_CLOSURE_POLICY.fields[item]).toContain(normaliseFieldName(title));
      // A drop-down sets its option's tag: every option is known to the policy, so events and the trigger carry it.
      for (const o of field?.custom_field_options ?? [])
        expect(Object.keys(DEFAULT_CLOSURE_POLICY.tags[item] ?? {}), `${title}: ${o.value}`).toContain(
          o.value,
        );
    }
  });

  it('a webhook subscribed to the ticket and organization events the worker applies', () => {
    const events = r.webhooks.sm_events.subscriptions as string[];
    expect(events).toContain('zen:event-type:ticket.created');
    expect(events.every((e) => /^zen:event-type:(ticket|organization)\./.test(e))).toBe(true);
  });

  it('a trigger on solve that notifies the trigger-connected webhook with a body the worker parses', () => {
    const [action] = r.triggers.sm_closed_record_on_solve.actions;
    expect(action.field).toBe('notification_webhook');
    const [webhook, body] = action.value as [string, string];
    // A webhook connected to triggers cannot subscribe to events, and one subscribed to events cannot serve a trigger.
    expect(r.webhooks[webhook].subscriptions).toEqual(['conditional_ticket_events']);
    // The body as Zendesk renders it: every placeholder replaced by a value.
    // A ticket without an organisation: Zendesk renders {{ticket.organization.id}} as "".
    const rendered = body.replace(/\{\{ticket\.([a-z_.]+)\}\}/g, (_, p: string) =>
      p === 'organization.id'
        ? ''
        : p.endsWith('id')
          ? '4242'
          : p === 'tags'
            ? 'sm_reason_defect known_issue kb_linked'
            : `value of ${p}`,
    );
    const parsed = TriggerWebhookSchema.safeParse(JSON.parse(rendered));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
});
