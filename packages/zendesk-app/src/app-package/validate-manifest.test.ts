import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectAppFiles } from './app-files.js';
import { type AppFiles, validateManifest } from './validate-manifest.js';

const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v, null, 2));
const dec = (b: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(b));

/** The app's own sources (the built sidebar stood in by its HTML page): what the rules run over. */
function appFiles(): AppFiles {
  const files = collectAppFiles({ builtAssets: mkdtempSync(join(tmpdir(), 'sm-no-build-')) });
  files['assets/iframe.html'] = enc('<!doctype html><div id="root"></div>');
  return files;
}
const withManifest = (change: (m: Record<string, unknown>) => void, files = appFiles()) => {
  const m = dec(files['manifest.json']);
  change(m);
  files['manifest.json'] = enc(m);
  return files;
};
const param = (m: Record<string, unknown>, name: string) =>
  (m.parameters as Record<string, unknown>[]).find((p) => p.name === name) as Record<string, unknown>;
const messages = (files: AppFiles) => {
  const r = validateManifest(files);
  return { errors: r.errors.map((f) => f.message), warnings: r.warnings.map((f) => f.message) };
};

describe('the app manifest under Zendesk’s validator (manifest.rb, secure_settings.rb, translations.rb)', () => {
  it('passes with no error and no warning; secure settings carry the scopes they are used in', () => {
    const files = appFiles();
    expect(messages(files)).toEqual({ errors: [], warnings: [] });
    const m = dec(files['manifest.json']);
    expect(
      m.parameters.filter((p: { secure?: boolean }) => p.secure).map((p: { scopes: string[] }) => p.scopes),
    ).toEqual([['url'], ['jwt_secret_key']]);
  });

  // One bad package per ported rule: each rule can fail, with Zendesk's own message.
  const cases: [string, () => AppFiles, 'errors' | 'warnings', string][] = [
    [
      'manifest.rb call: no manifest',
      () => {
        const f = appFiles();
        delete f['manifest.json'];
        return f;
      },
      'errors',
      'Could not find manifest.json',
    ],
    [
      'manifest.rb call: not JSON',
      () => ({ ...appFiles(), 'manifest.json': enc('{"name": ') }),
      'errors',
      'manifest is not proper JSON.',
    ],
    [
      'manifest.rb missing_keys_error',
      () =>
        withManifest((m) => {
          delete m.author;
          delete m.defaultLocale;
        }),
      'errors',
      'Missing required fields in manifest: author, defaultLocale',
    ],
    [
      'manifest.rb boolean_error',
      () =>
        withManifest((m) => {
          m.singleInstall = 'yes';
        }),
      'errors',
      'singleInstall must be a boolean value, got "yes".',
    ],
    [
      'manifest.rb string_error',
      () =>
        withManifest((m) => {
          m.version = 1;
        }),
      'errors',
      'version must be a string, got "1".',
    ],
    [
      'manifest.rb string_error (author)',
      () =>
        withManifest((m) => {
          (m.author as Record<string, unknown>).email = 7;
        }),
      'errors',
      'author email must be a string, got "7".',
    ],
    [
      'manifest.rb type_checks: experiments',
      () =>
        withManifest((m) => {
          m.experiments = ['x'];
        }),
      'errors',
      'The manifest field experiments needs to be key-value pairs with string keys, but it was Array',
    ],
    [
      'manifest.rb type_checks: domainWhitelist',
      () =>
        withManifest((m) => {
          m.domainWhitelist = 'a.example';
        }),
      'errors',
      'The manifest field domainWhitelist need to be an array containing strings',
    ],
    [
      'manifest.rb type_checks: parameters',
      () =>
        withManifest((m) => {
          m.parameters = { worker_url: {} };
        }),
      'errors',
      'The manifest field parameters needs to be an array, but it was Hash',
    ],
    [
      'manifest.rb oauth_error',
      () =>
        withManifest((m) => {
          m.oauth = { client_id: 'x' };
        }),
      'errors',
      'Missing required oauth fields in manifest: client_secret, authorize_uri, access_token_uri',
    ],
    [
      'manifest.rb oauth_error: parameter',
      () =>
        withManifest((m) => {
          m.oauth = { client_id: 'a', client_secret: 'b', authorize_uri: 'c', access_token_uri: 'd' };
        }),
      'errors',
      "Missing parameter of type 'oauth'.",
    ],
    [
      'manifest.rb default_locale_error: invalid',
      () =>
        withManifest((m) => {
          m.defaultLocale = 'English';
        }),
      'errors',
      'English is not a valid default locale.',
    ],
    [
      'manifest.rb default_locale_error: no file',
      () =>
        withManifest((m) => {
          m.defaultLocale = 'fr';
        }),
      'errors',
      "Missing translation file for locale 'fr'.",
    ],
    [
      'manifest.rb validate_urls',
      () =>
        withManifest((m) => {
          (m.author as Record<string, unknown>).url = 'support-metrics';
        }),
      'errors',
      'author url must be a valid URL, got "support-metrics".',
    ],
    [
      'manifest.rb parameters_error: duplicates',
      () =>
        withManifest((m) => {
          (m.parameters as unknown[]).push({ name: 'signing_key', secure: true, scopes: ['header'] });
        }),
      'errors',
      'Duplicate app parameters defined: ["signing_key"]',
    ],
    [
      'manifest.rb parameters_error: required',
      () =>
        withManifest((m) => {
          param(m, 'worker_url').required = 'yes';
        }),
      'errors',
      'parameters[name="worker_url"].required must be a boolean value, got "yes".',
    ],
    [
      'manifest.rb parameters_error: secure',
      () =>
        withManifest((m) => {
          param(m, 'signing_key').secure = 1;
        }),
      'errors',
      'parameters[name="signing_key"].secure must be a boolean value, got "1".',
    ],
    [
      'manifest.rb invalid_hidden_parameter_error',
      () =>
        withManifest((m) => {
          (m.parameters as unknown[]).push({ name: 'h', type: 'hidden', required: true });
        }),
      'errors',
      'h is set to hidden and cannot be required.',
    ],
    [
      'manifest.rb invalid_type_error: password was removed',
      () =>
        withManifest((m) => {
          param(m, 'signing_key').type = 'password';
        }),
      'errors',
      'password is an invalid parameter type.',
    ],
    [
      'manifest.rb invalid_type_error: mtls needs the flag',
      () =>
        withManifest((m) => {
          (m.parameters as unknown[]).push({ name: 'cert', type: 'mtls' });
        }),
      'errors',
      'mtls is an invalid parameter type.',
    ],
    [
      'manifest.rb too_many_oauth_parameters',
      () =>
        withManifest((m) => {
          (m.parameters as unknown[]).push({ name: 'o1', type: 'oauth' }, { name: 'o2', type: 'oauth' });
        }),
      'errors',
      "Too many parameters with type 'oauth': one permitted",
    ],
    [
      'manifest.rb oauth_cannot_be_secure',
      () =>
        withManifest((m) => {
          (m.parameters as unknown[]).push({ name: 'o1', type: 'oauth', secure: true });
        }),
      'errors',
      'oauth parameter cannot be set to be secure.',
    ],
    [
      'manifest.rb name_as_parameter_name_error',
      () =>
        withManifest((m) => {
          (m.parameters as unknown[]).push({ name: 'name' });
        }),
      'errors',
      "Can't call a parameter 'name'",
    ],
    [
      'manifest.rb invalid_secure_param_scopes_errors: not secure',
      () =>
        withManifest((m) => {
          param(m, 'closure_blocks_save').scopes = ['header'];
        }),
      'errors',
      'parameters[name="closure_blocks_save"].scopes cannot be defined in a non-secure parameter.',
    ],
    [
      'manifest.rb invalid_secure_param_scopes_errors: not an array',
      () =>
        withManifest((m) => {
          param(m, 'signing_key').scopes = 'header';
        }),
      'errors',
      'The manifest field parameters[name="signing_key"].scopes needs to be an array, but it was String',
    ],
    [
      'manifest.rb invalid_secure_param_scopes_errors: empty',
      () =>
        withManifest((m) => {
          param(m, 'signing_key').scopes = [];
        }),
      'errors',
      'parameters[name="signing_key"].scopes cannot be empty.',
    ],
    [
      'manifest.rb invalid_secure_param_scopes_errors: unknown',
      () =>
        withManifest((m) => {
          param(m, 'signing_key').scopes = ['header', 'cookie', 'query'];
        }),
      'errors',
      'parameters[name="signing_key"].scopes contains invalid values: cookie, query.',
    ],
    [
      'manifest.rb missing_location_error',
      () =>
        withManifest((m) => {
          m.location = {};
        }),
      'errors',
      'Missing required field in manifest: location',
    ],
    [
      'manifest.rb invalid_location_uri_error: missing asset',
      () =>
        withManifest((m) => {
          (m.location as { support: { ticket_sidebar: { url: string } } }).support.ticket_sidebar.url =
            'assets/missing.html';
        }),
      'errors',
      'assets/missing.html is either an invalid location URI, refers to a missing asset, or does not use HTTPS.',
    ],
    [
      'manifest.rb invalid_location_uri_error: http',
      () =>
        withManifest((m) => {
          (m.location as { support: { ticket_sidebar: { url: string } } }).support.ticket_sidebar.url =
            'http://sm.example/app';
        }),
      'errors',
      'http://sm.example/app is either an invalid location URI',
    ],
    [
      'manifest.rb invalid_location_error: blank URI',
      () =>
        withManifest((m) => {
          (m.location as { support: Record<string, unknown> }).support.ticket_sidebar = { flexible: true };
        }),
      'errors',
      'ticket_sidebar location does not specify a URI.',
    ],
    [
      'manifest.rb invalid_location_flexible_error',
      () =>
        withManifest((m) => {
          (
            m.location as { support: { ticket_sidebar: { flexible: unknown } } }
          ).support.ticket_sidebar.flexible = 'yes';
        }),
      'errors',
      'yes is an invalid type for the flexible location parameter.',
    ],
    [
      'manifest.rb invalid_location_error: unknown location',
      () =>
        withManifest((m) => {
          (m.location as { support: Record<string, unknown> }).support.ticket_footer = 'assets/iframe.html';
        }),
      'errors',
      'ticket_footer is an invalid location in Support.',
    ],
    [
      'manifest.rb invalid_location_error: unknown host',
      () =>
        withManifest((m) => {
          (m.location as Record<string, unknown>).guide = { top_bar: 'assets/iframe.html' };
        }),
      'errors',
      'guide is an invalid host for apps.',
    ],
    [
      'manifest.rb location_framework_mismatch',
      () =>
        withManifest((m) => {
          m.location = ['ticket_sidebar'];
        }),
      'errors',
      'App locations need to be URLs for this framework version.',
    ],
    [
      'manifest.rb missing_framework_version',
      () =>
        withManifest((m) => {
          delete m.frameworkVersion;
        }),
      'errors',
      'Missing required field in manifest: frameworkVersion',
    ],
    [
      'manifest.rb invalid_version_error',
      () =>
        withManifest((m) => {
          m.frameworkVersion = '3.0';
        }),
      'errors',
      '3.0 is not a valid framework version. Available versions are: 2.0.',
    ],
    [
      'manifest.rb ban_no_template',
      () =>
        withManifest((m) => {
          m.noTemplate = true;
        }),
      'errors',
      'noTemplate is deprecated and cannot be used with framework version 2 or above.',
    ],
    [
      'marketplace.rb no_experiments',
      () =>
        withManifest((m) => {
          m.experiments = { hashParams: true, turbo: true };
        }),
      'errors',
      'Manifest specifies unknown or unavailable experiment: turbo',
    ],
    [
      'translations.rb locale_error',
      () => ({ ...appFiles(), 'translations/english.json': enc({ app: { name: 'x' } }) }),
      'errors',
      'translations/english.json is not a valid locale.',
    ],
    [
      'translations.rb with_valid_json: not JSON',
      () => ({ ...appFiles(), 'translations/fr.json': enc('{') }),
      'errors',
      'translations/fr.json is not valid JSON.',
    ],
    [
      'translations.rb with_valid_json: not an object',
      () => ({ ...appFiles(), 'translations/fr.json': enc('[]') }),
      'errors',
      'translations/fr.json is not a JSON object.',
    ],
    [
      'translations.rb format_error: a parameter without a label',
      () => {
        const f = appFiles();
        const de = dec(f['translations/de.json']);
        delete de.app.parameters.signing_key.label;
        return { ...f, 'translations/de.json': enc(de) };
      },
      'errors',
      'Missing required key label on leaf signing_key from translations/de.json',
    ],
    [
      'translations.rb validate_top_level_required_keys: private app',
      () => {
        const f = appFiles();
        const en = dec(f['translations/en.json']);
        delete en.app.name;
        return { ...f, 'translations/en.json': enc(en) };
      },
      'errors',
      'Missing required key from translations/en.json: name',
    ],
    [
      'translations.rb validate_top_level_required_keys: public app',
      () => {
        const f = withManifest((m) => {
          m.private = false;
        });
        const en = dec(f['translations/en.json']);
        delete en.app.long_description;
        delete en.app.installation_instructions;
        return { ...f, 'translations/en.json': enc(en) };
      },
      'errors',
      'Missing required key from translations/en.json: installation_instructions, long_description',
    ],
    [
      'secure_settings.rb insecure_param?',
      () =>
        withManifest((m) => {
          (m.parameters as unknown[]).push({ name: 'partner_key', type: 'text' });
        }),
      'warnings',
      'Make sure to set secure to true when using keys in Settings.',
    ],
    [
      'secure_settings.rb secure_or_hidden_default_param?',
      () =>
        withManifest((m) => {
          param(m, 'signing_key').default = 'x';
        }),
      'warnings',
      'Default values for secure or hidden parameters are not stored securely.',
    ],
    [
      'secure_settings.rb name_if_secure_unscoped',
      () =>
        withManifest((m) => {
          delete param(m, 'worker_url').scopes;
          delete param(m, 'signing_key').scopes;
        }),
      'warnings',
      'The scopes property is not configured for parameter(s): worker_url, signing_key. This may cause token exposure vulnerabilities.',
    ],
  ];
  it.each(cases)('%s', (_rule, files, kind, expected) => {
    const found = messages(files())[kind];
    expect(
      found.some((m) => m.startsWith(expected)),
      `${expected}\n  in ${JSON.stringify(found, null, 2)}`,
    ).toBe(true);
  });

  it('translations: every parameter of the manifest has a label in every locale', () => {
    const f = appFiles();
    const names = dec(f['manifest.json']).parameters.map((p: { name: string }) => p.name);
    for (const file of ['translations/en.json', 'translations/de.json'])
      expect(Object.keys(dec(f[file]).app.parameters).sort()).toEqual([...names].sort());
  });
});
