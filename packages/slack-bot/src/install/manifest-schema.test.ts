import { readFileSync } from 'node:fs';
import { SHARED_DATA } from '@support-metrics/core/test-support';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Slack's own rules for an app manifest: the JSON Schemas Slack publishes (slackapi/manifest-schema, copied into
 * the shared data with their provenance), which is what "Create an app from a manifest" enforces.
 *
 * How they are compiled, and why it is not weaker than Slack's:
 * - Both declare `"$schema": "http://json-schema.org/draft-07/schema#"`, which is ajv 8's default draft, so the
 *   plain `Ajv` class (not `Ajv2019`/`Ajv2020`) reads them as written; `validateSchema` checks each against the
 *   draft-07 meta-schema first.
 * - Strict mode stays on. The schemas use two keywords draft-07 does not have: `_note` (a comment) and `regex`
 *   (on `display_information.background_color`, a pattern written under the wrong name). Slack's own test suite
 *   (python `jsonschema.validate`) ignores both; we declare `_note` as an annotation and enforce `regex` as a
 *   `pattern`, so we are at least as strict as Slack's tests. Nothing else is switched off.
 * - `format: uri` (the manifest's `$schema` property) is asserted with ajv-formats' full `uri` check.
 * - `allErrors` so a failing manifest lists every problem at once.
 */
function compileSlackSchema(file: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv, { mode: 'full' });
  ajv.addKeyword({ keyword: '_note', schemaType: 'string' });
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (pattern: string, data: string) => new RegExp(pattern, 'u').test(data),
    errors: false,
  });
  const schema = JSON.parse(readFileSync(`${SHARED_DATA}slack/${file}`, 'utf8'));
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  if (!ajv.validateSchema(schema)) throw new Error(`${file}: ${ajv.errorsText(ajv.errors)}`);
  return ajv.compile(schema);
}

const SCHEMAS = ['slack-manifest.schema.1.0.0.json', 'slack-manifest.schema.2.0.0.json'] as const;
const validators = Object.fromEntries(SCHEMAS.map((f) => [f, compileSlackSchema(f)])) as Record<
  (typeof SCHEMAS)[number],
  ValidateFunction
>;

const manifestText = readFileSync(new URL('../../manifest.yaml', import.meta.url), 'utf8');
const manifest = () => parse(manifestText);
/** The parsed YAML (untyped on purpose: the schema, not TypeScript, says what it may hold). */
type Manifest = ReturnType<typeof manifest>;

function problems(validate: ValidateFunction, value: unknown): string[] {
  return validate(value)
    ? []
    : (validate.errors ?? []).map(
        (e: ErrorObject) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
      );
}

describe.each(SCHEMAS)("manifest.yaml against Slack's %s", (file) => {
  const validate = validators[file];

  it('is a manifest Slack accepts', () => {
    expect(problems(validate, manifest())).toEqual([]);
  });

  it("fails with Slack's rule when a shortcut name is longer than 24 characters (the schema is really applied)", () => {
    const bad = manifest();
    bad.features.shortcuts[0].name = 'Start swarm on this ticket'; // 26 characters
    expect(problems(validate, bad)).toContainEqual(
      expect.stringContaining('/features/shortcuts/0/name must NOT have more than 24 characters'),
    );
  });

  it.each([
    [
      'an unknown top-level key',
      (m: Manifest) => Object.assign(m, { feature: {} }),
      'must NOT have additional properties',
    ],
    [
      'a command without its slash',
      (m: Manifest) => {
        m.features.slash_commands[0].command = 'support-metrics';
      },
      '/features/slash_commands/0/command must match pattern',
    ],
    [
      'a bad background colour (the `regex` keyword)',
      (m: Manifest) => {
        m.display_information.background_color = '#12345z';
      },
      '/display_information/background_color must pass "regex" keyword validation',
    ],
    [
      'a relative $schema (format uri)',
      (m: Manifest) => Object.assign(m, { $schema: 'manifest.json' }),
      '/$schema must match format "uri"',
    ],
    [
      'a repeated bot event',
      (m: Manifest) => {
        m.settings.event_subscriptions.bot_events.push(m.settings.event_subscriptions.bot_events[0]);
      },
      '/settings/event_subscriptions/bot_events must NOT have duplicate items',
    ],
    [
      'a home tab flag that is not a boolean',
      (m: Manifest) => {
        m.features.app_home = { home_tab_enabled: 'yes' };
      },
      '/features/app_home/home_tab_enabled must be boolean',
    ],
  ])('rejects %s', (_what, mutate, message) => {
    const bad = manifest();
    mutate(bad);
    expect(problems(validate, bad)).toContainEqual(expect.stringContaining(message));
  });
});
