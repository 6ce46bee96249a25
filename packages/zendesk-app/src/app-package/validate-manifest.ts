/**
 * A port of the offline rules Zendesk runs on an uploaded app (`zendesk/zendesk_apps_support`, the gem behind app
 * uploads and `zcli apps:validate`) over manifest.json and translations/: `validations/manifest.rb`,
 * `manifest/parameter.rb`, `validations/secure_settings.rb`, `validations/translations.rb` and the experiments rule
 * of `validations/marketplace.rb`. Each check names the Ruby method it ports and reports Zendesk's own message
 * (`zendesk-messages.ts`). Rules for products or features this app does not use (Sell, Chat, custom objects, mTLS
 * parameters behind a flag, v1 templates) are ported only as far as they could fire on a v2 Support app.
 * Ported from the gem's HEAD of 2026-08-05 (f3de3c7).
 */
import { type Finding, finding, LISTING_COMMA } from './zendesk-messages.js';

/** `manifest/parameter.rb` TYPES (`password` is gone); `mtls` only with `validate_mtls_param`, off for uploads. */
export const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'] as const;
/** `validations/manifest.rb` SECURE_PARAM_SCOPES. */
export const SECURE_PARAM_SCOPES = [
  'header',
  'body',
  'url',
  'jwt_secret_key',
  'jwt_claim',
  'basic_auth_username',
  'basic_auth_password',
] as const;
/** `app_version.rb` TO_BE_SERVED. */
const FRAMEWORK_VERSIONS = ['2.0'];
/** `product.rb` (name, legacy name) and `location.rb` LOCATIONS_AVAILABLE per product. */
const PRODUCTS: Record<string, { legacy: string; locations: string[] }> = {
  support: {
    legacy: 'zendesk',
    locations: [
      'top_bar',
      'nav_bar',
      'ticket_sidebar',
      'new_ticket_sidebar',
      'user_sidebar',
      'organization_sidebar',
      'background',
      'modal',
      'ticket_editor',
      'system_top_bar',
    ],
  },
  chat: { legacy: 'zopim', locations: ['chat_sidebar', 'background'] },
  standalone_chat: { legacy: 'lotus_box', locations: ['nav_bar', 'system_top_bar'] },
  sell: {
    legacy: 'sell',
    locations: [
      'deal_card',
      'person_card',
      'company_card',
      'lead_card',
      'background',
      'modal',
      'dashboard',
      'note_editor',
      'call_log_editor',
      'email_editor',
      'top_bar',
      'visit_editor',
    ],
  },
};
/** `validations/translations.rb` VALID_LOCALE. */
const VALID_LOCALE = /^[a-z]{2,3}(-\w{2,3})?$/;
/** `validations/marketplace.rb` WHITELISTED_EXPERIMENTS. */
const WHITELISTED_EXPERIMENTS = ['hashParams', 'newCssCompiler'];
const OAUTH_REQUIRED_FIELDS = ['client_id', 'client_secret', 'authorize_uri', 'access_token_uri'];
const OAUTH_MANIFEST_LINK = 'https://developer.zendesk.com/apps/docs/developer-guide/manifest#oauth';

/** The app as Zendesk reads it: every file of the zip by its path. */
export type AppFiles = Record<string, Uint8Array>;

const decoder = new TextDecoder();
export const textOf = (files: AppFiles, path: string): string | undefined =>
  files[path] === undefined ? undefined : decoder.decode(files[path]);

/** Ruby's `value.class.to_s`, as the gem prints it in messages. */
function rubyClass(v: unknown): string {
  if (v === null || v === undefined) return 'NilClass';
  if (Array.isArray(v)) return 'Array';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return v ? 'TrueClass' : 'FalseClass';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Float';
  return 'Hash';
}
const isHash = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const rubyTruthy = (v: unknown) => v !== null && v !== undefined && v !== false;

/** `manifest/parameter.rb` Parameter: type defaults to text, required/secure to false. */
interface Parameter {
  name: unknown;
  type: unknown;
  required: unknown;
  secure: unknown;
  hasDefault: boolean;
  scopes: unknown;
}
function parametersOf(manifest: Record<string, unknown>): Parameter[] {
  const list = Array.isArray(manifest.parameters) ? manifest.parameters : [];
  return list.map((p: Record<string, unknown>) => ({
    name: p?.name,
    type: rubyTruthy(p?.type) ? p.type : 'text',
    required: rubyTruthy(p?.required) ? p.required : false,
    secure: rubyTruthy(p?.secure) ? p.secure : false,
    hasDefault: isHash(p) && 'default' in p,
    scopes: p?.scopes,
  }));
}

interface LocationOption {
  product: string | null;
  name: string;
  url: unknown;
  flexible: unknown;
  autoLoad: unknown;
  legacy: boolean;
  known: boolean;
}
/** `manifest.rb` set_locations_and_hosts / replace_legacy_locations / location_options. */
function locationsOf(manifest: Record<string, unknown>): { options: LocationOption[]; hosts: string[] } {
  const original = manifest.location;
  let hosts: string[];
  let byProduct: Record<string, Record<string, Record<string, unknown>>> = {};
  if (isHash(original)) {
    hosts = Object.keys(original);
    for (const [product, { legacy }] of Object.entries(PRODUCTS)) {
      const value = original[product] ?? original[legacy];
      if (!isHash(value)) continue;
      byProduct[product] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, isHash(v) ? v : { url: v }]),
      );
    }
  } else if (Array.isArray(original)) {
    hosts = ['support'];
    byProduct = { support: Object.fromEntries(original.map((l) => [String(l), { url: '_legacy' }])) };
  } else if (typeof original === 'string') {
    hosts = ['support'];
    byProduct = { support: { [original]: { url: '_legacy' } } };
  } else {
    hosts = ['support'];
    byProduct = { support: {} };
  }
  const options = Object.entries(byProduct).flatMap(([product, places]) =>
    Object.entries(places).map(([name, o]) => ({
      product,
      name,
      url: o.url,
      flexible: o.flexible,
      autoLoad: 'autoLoad' in o ? o.autoLoad : true,
      legacy: rubyTruthy(o.legacy) || o.url === '_legacy',
      known: PRODUCTS[product]?.locations.includes(name) ?? false,
    })),
  );
  return { options, hosts };
}

/** Ruby's `Gem::Version.new(v) >= Gem::Version.new('2')` for the version strings manifests carry. */
const atLeast2 = (v: unknown) => typeof v === 'string' && Number.parseFloat(v) >= 2;

/** `validations/manifest.rb` valid_url?: an http(s) URL with a host. */
function validUrl(value: unknown): boolean {
  try {
    const u = new URL(String(value));
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The errors and warnings Zendesk's validator gives manifest.json and translations/ (the requirements and the
 * packaged sources are checked by `validate-requirements.ts` and `validate-sources.ts`).
 */
export function validateManifest(files: AppFiles): {
  errors: Finding[];
  warnings: Finding[];
  /** No manifest.rb error: what package.rb requires before it runs the other validations. */
  manifestValid?: true;
} {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const M = 'validations/manifest.rb';
  // manifest.rb call: no manifest, or one that is not JSON, ends the validation.
  const text = textOf(files, 'manifest.json');
  if (text === undefined) return { errors: [finding(`${M} call`, 'missing_manifest')], warnings };
  let manifest: Record<string, unknown>;
  try {
    const parsed = JSON.parse(text);
    manifest = isHash(parsed) ? parsed : {};
  } catch (e) {
    return {
      errors: [finding(`${M} call`, 'manifest_not_json', { errors: (e as Error).message })],
      warnings,
    };
  }
  const params = parametersOf(manifest);
  const { options: locations, hosts } = locationsOf(manifest);
  const requirementsOnly = rubyTruthy(manifest.requirementsOnly);
  const marketingOnly = rubyTruthy(manifest.marketingOnly);
  const author = isHash(manifest.author) ? manifest.author : undefined;

  // missing_keys_error: author and defaultLocale are required.
  const missing = ['author', 'defaultLocale'].filter(
    (k) => manifest[k] === undefined || manifest[k] === null,
  );
  if (missing.length > 0)
    errors.push(
      finding(`${M} missing_keys_error`, 'manifest_keys.missing', {
        missing_keys: missing.join(', '),
        count: missing.length,
      }),
    );

  // type_checks: boolean_error, string_error, experiments a hash, domainWhitelist strings, parameters an array.
  for (const key of ['requirementsOnly', 'marketingOnly', 'singleInstall', 'signedUrls', 'private'])
    if (key in manifest && typeof manifest[key] !== 'boolean' && manifest[key] !== null)
      errors.push(
        finding(`${M} boolean_error`, 'unacceptable_boolean', { field: key, value: String(manifest[key]) }),
      );
  for (const key of [
    'defaultLocale',
    'version',
    'frameworkVersion',
    'remoteInstallationURL',
    'termsConditionsURL',
    'gaID',
  ])
    if (manifest[key] !== undefined && manifest[key] !== null && typeof manifest[key] !== 'string')
      errors.push(
        finding(`${M} string_error`, 'unacceptable_string', { field: key, value: String(manifest[key]) }),
      );
  if (author)
    for (const key of ['name', 'email', 'url'])
      if (author[key] !== undefined && author[key] !== null && typeof author[key] !== 'string')
        errors.push(
          finding(`${M} string_error`, 'unacceptable_string', {
            field: `author ${key}`,
            value: String(author[key]),
          }),
        );
  if (manifest.experiments !== undefined && !isHash(manifest.experiments))
    errors.push(
      finding(`${M} type_checks`, 'unacceptable_hash', {
        field: 'experiments',
        value: rubyClass(manifest.experiments),
      }),
    );
  const whitelist = manifest.domainWhitelist;
  if (
    whitelist !== undefined &&
    whitelist !== null &&
    !(Array.isArray(whitelist) && whitelist.every((d) => typeof d === 'string'))
  )
    errors.push(finding(`${M} type_checks`, 'unacceptable_array_of_strings', { field: 'domainWhitelist' }));
  if (
    manifest.parameters !== undefined &&
    manifest.parameters !== null &&
    !Array.isArray(manifest.parameters)
  )
    errors.push(
      finding(`${M} type_checks`, 'unacceptable_array', {
        field: 'parameters',
        value: rubyClass(manifest.parameters),
      }),
    );

  // oauth_error: an oauth block needs its four fields and a parameter of type oauth.
  if (rubyTruthy(manifest.oauth)) {
    const oauth = isHash(manifest.oauth) ? manifest.oauth : {};
    const absent = OAUTH_REQUIRED_FIELDS.filter((k) => !oauth[k]);
    if (absent.length > 0)
      errors.push(
        finding(`${M} oauth_error`, 'oauth_keys.missing', {
          missing_keys: absent.join(', '),
          count: absent.length,
        }),
      );
    if (!params.some((p) => p.type === 'oauth'))
      errors.push(finding(`${M} oauth_error`, 'oauth_parameter_required', { link: OAUTH_MANIFEST_LINK }));
  }

  // default_locale_error: a valid locale with its translation file.
  const locale = manifest.defaultLocale;
  if (locale !== undefined && locale !== null) {
    if (!VALID_LOCALE.test(String(locale)))
      errors.push(
        finding(`${M} default_locale_error`, 'invalid_default_locale', { default_locale: String(locale) }),
      );
    else if (files[`translations/${locale}.json`] === undefined)
      errors.push(
        finding(`${M} default_locale_error`, 'missing_translation_file', { default_locale: String(locale) }),
      );
  }

  // validate_urls: termsConditionsURL and author url are http(s) URLs with a host.
  if (rubyTruthy(manifest.termsConditionsURL) && !validUrl(manifest.termsConditionsURL))
    errors.push(
      finding(`${M} validate_urls`, 'invalid_url', {
        field: 'terms_conditions_url',
        value: String(manifest.termsConditionsURL),
      }),
    );
  if (author && rubyTruthy(author.url) && !validUrl(author.url))
    errors.push(
      finding(`${M} validate_urls`, 'invalid_url', { field: 'author url', value: String(author.url) }),
    );

  // validate_parameters (not marketing-only).
  if (!marketingOnly) {
    // parameters_error: duplicates first, then non-boolean required, then non-boolean secure.
    const names = params.map((p) => String(p.name));
    const duplicates = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
    const nonBoolean = (field: 'required' | 'secure') =>
      params
        .filter((p) => typeof p[field] !== 'boolean')
        .map((p) =>
          finding(`${M} parameters_error`, 'unacceptable_boolean', {
            field: `parameters[name="${String(p.name)}"].${field}`,
            value: String(p[field]),
          }),
        );
    if (duplicates.length > 0)
      errors.push(
        finding(`${M} parameters_error`, 'duplicate_parameters', {
          duplicate_parameters: `[${duplicates.map((d) => JSON.stringify(d)).join(', ')}]`,
        }),
      );
    else if (nonBoolean('required').length > 0) errors.push(...nonBoolean('required'));
    else errors.push(...nonBoolean('secure'));
    // invalid_hidden_parameter_error: a hidden parameter cannot be required.
    const hiddenRequired = params
      .filter((p) => p.type === 'hidden' && rubyTruthy(p.required))
      .map((p) => p.name);
    if (hiddenRequired.length > 0)
      errors.push(
        finding(`${M} invalid_hidden_parameter_error`, 'invalid_hidden_parameter', {
          invalid_params: hiddenRequired.join(', '),
          count: hiddenRequired.length,
        }),
      );
    // invalid_type_error: only the types of manifest/parameter.rb (mtls off for uploads; password removed).
    const badTypes = params
      .map((p) => p.type)
      .filter((t) => !(PARAMETER_TYPES as readonly unknown[]).includes(t))
      .map(String);
    if (badTypes.length > 0)
      errors.push(
        finding(`${M} invalid_type_error`, 'invalid_type_parameter', {
          invalid_types: badTypes.join(', '),
          count: badTypes.length,
        }),
      );
    // too_many_oauth_parameters, oauth_cannot_be_secure.
    if (params.filter((p) => p.type === 'oauth').length > 1)
      errors.push(finding(`${M} too_many_oauth_parameters`, 'too_many_oauth_parameters'));
    if (params.some((p) => p.type === 'oauth' && rubyTruthy(p.secure)))
      errors.push(finding(`${M} oauth_cannot_be_secure`, 'oauth_parameter_cannot_be_secure'));
    // name_as_parameter_name_error.
    if (params.some((p) => p.name === 'name'))
      errors.push(finding(`${M} name_as_parameter_name_error`, 'name_as_parameter_name'));
    // invalid_secure_param_scopes_errors: scopes only on secure parameters, a non-empty array of known scopes.
    for (const p of params) {
      if (p.scopes === undefined || p.scopes === null) continue;
      const field = `parameters[name="${String(p.name)}"].scopes`;
      const rule = `${M} invalid_secure_param_scopes_errors`;
      if (!rubyTruthy(p.secure)) errors.push(finding(rule, 'field_requires_secure_parameter', { field }));
      if (!Array.isArray(p.scopes)) {
        errors.push(finding(rule, 'unacceptable_array', { field, value: rubyClass(p.scopes) }));
        continue;
      }
      if (p.scopes.length === 0) errors.push(finding(rule, 'field_cannot_be_empty', { field }));
      const invalid = p.scopes.filter((s) => !(SECURE_PARAM_SCOPES as readonly unknown[]).includes(s));
      if (invalid.length > 0)
        errors.push(
          finding(rule, 'field_contains_invalid_values', { field, values: invalid.join(LISTING_COMMA) }),
        );
    }
  } else if (params.length > 0) {
    errors.push(finding(`${M} ban_parameters`, 'no_parameters_required'));
  }

  const iframeOnly = atLeast2(manifest.frameworkVersion);
  if (!requirementsOnly && !marketingOnly) {
    // missing_location_error.
    if (locations.length === 0)
      errors.push(
        finding(`${M} missing_location_error`, 'manifest_keys.missing', {
          missing_keys: 'location',
          count: 1,
        }),
      );
    // invalid_location_error: each URL valid (an existing assets/ file, or https), flexible a boolean, known
    // locations per product, known hosts.
    for (const l of locations) {
      if (typeof l.url === 'string' && l.url !== '') {
        const uriError = invalidLocationUri(files, l.url);
        if (uriError)
          errors.push(finding(`${M} invalid_location_uri_error`, 'invalid_location_uri', { uri: l.url }));
      } else if (rubyTruthy(l.autoLoad)) {
        errors.push(finding(`${M} invalid_location_error`, 'blank_location_uri', { location: l.name }));
      }
      if (l.flexible !== undefined && l.flexible !== null && typeof l.flexible !== 'boolean')
        errors.push(
          finding(`${M} invalid_location_flexible_error`, 'invalid_location_flexible_type', {
            flexible: String(l.flexible),
          }),
        );
    }
    for (const product of Object.keys(PRODUCTS)) {
      const unknown = [
        ...new Set(locations.filter((l) => l.product === product && !l.known).map((l) => l.name)),
      ];
      if (unknown.length > 0)
        errors.push(
          finding(`${M} invalid_location_error`, 'invalid_location', {
            invalid_locations: unknown.join(', '),
            host_name: product.charAt(0).toUpperCase() + product.slice(1),
            count: unknown.length,
          }),
        );
    }
    const knownHosts = Object.entries(PRODUCTS).flatMap(([name, { legacy }]) => [name, legacy]);
    for (const host of hosts)
      if (!knownHosts.includes(host))
        errors.push(finding(`${M} invalid_location_error`, 'invalid_host', { host_name: host }));
    // location_framework_mismatch: v2 locations are URLs.
    if (iframeOnly && locations.some((l) => l.legacy))
      errors.push(finding(`${M} location_framework_mismatch`, 'locations_must_be_urls'));
    // missing_framework_version, invalid_version_error.
    if (manifest.frameworkVersion === undefined || manifest.frameworkVersion === null)
      errors.push(
        finding(`${M} missing_framework_version`, 'manifest_keys.missing', {
          missing_keys: 'frameworkVersion',
          count: 1,
        }),
      );
    if (!FRAMEWORK_VERSIONS.includes(manifest.frameworkVersion as string))
      errors.push(
        finding(`${M} invalid_version_error`, 'invalid_version', {
          target_version: String(manifest.frameworkVersion ?? ''),
          available_versions: FRAMEWORK_VERSIONS.join(', '),
        }),
      );
  }
  // ban_no_template: noTemplate is v1 only.
  const noTemplate = manifest.noTemplate;
  if (iframeOnly && (noTemplate === true || (Array.isArray(noTemplate) && noTemplate.length > 0)))
    errors.push(
      finding(`${M} ban_no_template`, 'no_template_deprecated_in_v2', {
        link: 'https://developer.zendesk.com/apps/docs/apps-v2/manifest#location',
      }),
    );

  // package.rb validate runs the rest (marketplace, translations, requirements, secure settings, requests) only over a
  // valid manifest (has_valid_manifest?: no manifest.rb error).
  if (errors.length > 0) return { errors, warnings };
  // marketplace.rb no_experiments.
  if (isHash(manifest.experiments))
    for (const [experiment, on] of Object.entries(manifest.experiments))
      if (rubyTruthy(on) && !WHITELISTED_EXPERIMENTS.includes(experiment))
        errors.push(
          finding('validations/marketplace.rb no_experiments', 'invalid_experiment', { experiment }),
        );
  errors.push(...validateTranslations(files, manifest));
  warnings.push(...secureSettingsWarnings(params));
  return { errors, warnings, manifestValid: true };
}

/** manifest.rb invalid_location_uri_error: `{{setting.…}}` passes; else https/localhost, or an assets/ file present. */
function invalidLocationUri(files: AppFiles, path: string): boolean {
  if (path === '_legacy' || path.includes('{{setting.')) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    try {
      const u = new URL(path);
      return !(u.protocol === 'https:' || u.hostname === 'localhost');
    } catch {
      return true;
    }
  }
  const p = path.split(/[?#]/)[0] ?? '';
  return !(p.startsWith('assets/') && files[p] !== undefined);
}

/** `validations/translations.rb`: locale names, JSON objects, labels on parameter leaves, the app's required keys. */
function validateTranslations(files: AppFiles, manifest: Record<string, unknown>): Finding[] {
  const T = 'validations/translations.rb';
  const errors: Finding[] = [];
  for (const path of Object.keys(files)) {
    const m = /^translations\/(.*)\.json$/.exec(path);
    if (!m) continue;
    const before = errors.length;
    if (!VALID_LOCALE.test(m[1] ?? ''))
      errors.push(finding(`${T} locale_error`, 'translation.invalid_locale', { file: path }));
    let json: unknown;
    try {
      json = JSON.parse(textOf(files, path) ?? '');
    } catch (e) {
      // json_error and format_error each report it (with_valid_json).
      const f = finding(`${T} with_valid_json`, 'translation.not_json', {
        file: path,
        errors: (e as Error).message,
      });
      errors.push(f, f);
      continue;
    }
    if (!isHash(json)) {
      const f = finding(`${T} with_valid_json`, 'translation.not_json_object', { file: path });
      errors.push(f, f);
      continue;
    }
    const app = json.app;
    // format_error: every app.parameters leaf has a label.
    if (isHash(app) && isHash(app.parameters))
      for (const [param, leaf] of Object.entries(app.parameters))
        if (!(isHash(leaf) && 'label' in leaf)) {
          errors.push(
            finding(`${T} format_error`, 'translation.missing_required_key_on_leaf', {
              file: path,
              missing_key: 'label',
              leaf: param,
            }),
          );
          break;
        }
    if (errors.length > before || path !== 'translations/en.json') continue;
    // validate_marketplace_content (no product keys in app): name, and for a public app the Marketplace strings.
    const isPrivate = manifest.private === undefined ? true : rubyTruthy(manifest.private);
    const keys = (isHash(app) ? Object.keys(app) : []).map((k) =>
      k === 'description' ? 'short_description' : k,
    );
    const mandatory = isPrivate
      ? ['name']
      : ['name', 'short_description', 'installation_instructions', 'long_description'];
    const absent = mandatory.filter((k) => !keys.includes(k));
    if (absent.length > 0)
      errors.push(
        finding(`${T} validate_top_level_required_keys`, 'translation.missing_required_key', {
          file: path,
          missing_key: absent.join(', '),
        }),
      );
  }
  return errors;
}

/** `validations/secure_settings.rb`: warnings about keys in plain settings, defaults on secure ones, missing scopes. */
function secureSettingsWarnings(params: Parameter[]): Finding[] {
  const S = 'validations/secure_settings.rb';
  const warnings: Finding[] = [];
  if (
    params.some(
      (p) => /token|key|pwd|password/i.test(String(p.name)) && p.type === 'text' && !rubyTruthy(p.secure),
    )
  )
    warnings.push(
      finding(`${S} insecure_param?`, 'translation.insecure_token_parameter_in_manifest', {
        link: 'https://developer.zendesk.com/apps/docs/developer-guide/using_sdk#using-secure-settings',
      }),
    );
  if (params.some((p) => p.hasDefault && (rubyTruthy(p.secure) || p.type === 'hidden')))
    warnings.push(
      finding(
        `${S} secure_or_hidden_default_param?`,
        'translation.default_secure_or_hidden_parameter_in_manifest',
      ),
    );
  const unscoped = params
    .filter((p) => rubyTruthy(p.secure) && !(Array.isArray(p.scopes) && p.scopes.length > 0))
    .map((p) => String(p.name));
  if (unscoped.length > 0)
    warnings.push(
      finding(`${S} name_if_secure_unscoped`, 'translation.secure_parameters_with_no_scopes_in_manifest', {
        params: unscoped.join(LISTING_COMMA),
        link: 'https://developer.zendesk.com/documentation/apps/getting-started/setting-up-new-apps/#scopes',
      }),
    );
  return warnings;
}
