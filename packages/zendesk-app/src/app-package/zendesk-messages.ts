/**
 * The messages Zendesk's app validator prints, from `zendesk/zendesk_apps_support` `config/locales/en.yml`
 * (`txt.apps.admin.error.app_build.*` and `txt.apps.admin.warning.app_build.*`), keyed as there, so that what our
 * port reports reads exactly as an upload or `zcli apps:validate` would. `%{name}` is filled by `message()`.
 */
export const ZENDESK_MESSAGES = {
  missing_manifest: 'Could not find manifest.json',
  manifest_not_json: 'manifest is not proper JSON. %{errors}',
  'manifest_keys.missing.one': 'Missing required field in manifest: %{missing_keys}',
  'manifest_keys.missing.other': 'Missing required fields in manifest: %{missing_keys}',
  unacceptable_hash:
    'The manifest field %{field} needs to be key-value pairs with string keys, but it was %{value}',
  unacceptable_array: 'The manifest field %{field} needs to be an array, but it was %{value}',
  unacceptable_array_of_strings: 'The manifest field %{field} need to be an array containing strings',
  unacceptable_boolean: '%{field} must be a boolean value, got "%{value}".',
  unacceptable_string: '%{field} must be a string, got "%{value}".',
  invalid_url: '%{field} must be a valid URL, got "%{value}".',
  'oauth_keys.missing.one': 'Missing required oauth field in manifest: %{missing_keys}',
  'oauth_keys.missing.other': 'Missing required oauth fields in manifest: %{missing_keys}',
  oauth_parameter_required:
    "Missing parameter of type 'oauth'. Learn about oauth property in manifest: %{link}",
  oauth_parameter_cannot_be_secure: 'oauth parameter cannot be set to be secure.',
  too_many_oauth_parameters: "Too many parameters with type 'oauth': one permitted",
  invalid_default_locale: '%{default_locale} is not a valid default locale.',
  missing_translation_file:
    "Missing translation file for locale '%{default_locale}'. Learn more: https://developer.zendesk.com/apps/docs/developer-guide/deploying#app-internationalization",
  invalid_host: '%{host_name} is an invalid host for apps.',
  'invalid_location.one': '%{invalid_locations} is an invalid location in %{host_name}.',
  'invalid_location.other': '%{invalid_locations} are invalid locations in %{host_name}.',
  blank_location_uri: '%{location} location does not specify a URI.',
  invalid_location_uri:
    '%{uri} is either an invalid location URI, refers to a missing asset, or does not use HTTPS.',
  invalid_location_flexible_type: '%{flexible} is an invalid type for the flexible location parameter.',
  locations_must_be_urls: 'App locations need to be URLs for this framework version.',
  invalid_version:
    '%{target_version} is not a valid framework version. Available versions are: %{available_versions}.',
  no_template_deprecated_in_v2:
    'noTemplate is deprecated and cannot be used with framework version 2 or above. Set the autoLoad or autoHide property for each specific location instead. Learn more: %{link}.',
  no_parameters_required: "Parameters can't be defined for marketing-only apps",
  parameters_not_an_array: 'App parameters must be an array.',
  duplicate_parameters: 'Duplicate app parameters defined: %{duplicate_parameters}',
  name_as_parameter_name: "Can't call a parameter 'name'",
  'invalid_hidden_parameter.one': '%{invalid_params} is set to hidden and cannot be required.',
  'invalid_hidden_parameter.other': '%{invalid_params} are set to hidden and cannot be required.',
  'invalid_type_parameter.one': '%{invalid_types} is an invalid parameter type.',
  'invalid_type_parameter.other': '%{invalid_types} are invalid parameter types.',
  field_requires_secure_parameter: '%{field} cannot be defined in a non-secure parameter.',
  field_cannot_be_empty: '%{field} cannot be empty.',
  field_contains_invalid_values: '%{field} contains invalid values: %{values}.',
  invalid_experiment: 'Manifest specifies unknown or unavailable experiment: %{experiment}',
  'translation.invalid_locale': '%{file} is not a valid locale.',
  'translation.invalid_format': '%{field} is invalid for translation.',
  'translation.not_json': '%{file} is not valid JSON. %{errors}',
  'translation.not_json_object': '%{file} is not a JSON object.',
  'translation.missing_required_key': 'Missing required key from %{file}: %{missing_key}',
  'translation.missing_required_key_on_leaf':
    'Missing required key %{missing_key} on leaf %{leaf} from %{file}',
  'translation.insecure_token_parameter_in_manifest':
    'Make sure to set secure to true when using keys in Settings. Learn more: %{link}',
  'translation.default_secure_or_hidden_parameter_in_manifest':
    'Default values for secure or hidden parameters are not stored securely. Be sure to review them and confirm they do not contain sensitive data',
  'translation.secure_parameters_with_no_scopes_in_manifest':
    'The scopes property is not configured for parameter(s): %{params}. This may cause token exposure vulnerabilities. Learn about: %{link}',
  'unsupported_mime_type_detected.one': 'Unsupported MIME type detected in %{file_names}.',
  'unsupported_mime_type_detected.other': 'Unsupported MIME types detected in %{file_names}.',
  missing_requirements: 'Could not find requirements.json',
  requirements_not_supported: 'App requirements are not supported for marketing-only or Chat-only apps',
  requirements_not_json: 'requirements.json is not proper JSON. %{errors}',
  excessive_requirements:
    'The requirements.json file contains too many requirements. The current limit is %{max} requirements. This app has %{count} requirements.',
  excessive_custom_objects_requirements:
    'The requirements.json file contains too many custom objects requirements. The current limit is %{max} requirements. This app has %{count} requirements.',
  multiple_channel_integrations:
    'Specifying multiple channel integrations in requirements.json is not supported.',
  missing_required_fields:
    'Missing required fields in requirements.json: "%{field}" is required in "%{identifier}"',
  'invalid_requirements_types.one': 'requirements.json contains an invalid type: %{invalid_types}',
  'invalid_requirements_types.other': 'requirements.json contains invalid types: %{invalid_types}',
  'warning.generic_secrets.one':
    'Possible secrets found in %{files}. Consider reviewing the contents of this file before submitting your app.',
  'warning.generic_secrets.other':
    'Possible secrets found in %{files}. Consider reviewing the contents of these files before submitting your app.',
  'warning.application_secret':
    'Possible %{secret_type} found in %{file}. Consider reviewing the contents of this file before submitting your app.',
  'warning.insecure_http_request':
    'Possible insecure HTTP request to %{uri} in %{file}. Consider using the HTTPS protocol instead.',
} as const;

export type ZendeskMessageKey = keyof typeof ZENDESK_MESSAGES;

/** en.yml's `listing_comma`, which joins every list in a message. */
export const LISTING_COMMA = ', ';

/** One finding: the Ruby rule it ports (`file.rb method`), Zendesk's message key and the message as Zendesk words it. */
export interface Finding {
  rule: string;
  key: ZendeskMessageKey | `project.${string}`;
  message: string;
}

/**
 * Zendesk's message for `key` with its `%{…}` filled; `count` picks `.one` / `.other` as Rails' I18n does.
 * @example message('invalid_type_parameter', { invalid_types: 'password', count: 1 })
 */
export function message(key: string, values: Record<string, string | number> = {}): string {
  const k = ('count' in values ? `${key}.${values.count === 1 ? 'one' : 'other'}` : key) as ZendeskMessageKey;
  const template: string = ZENDESK_MESSAGES[k] ?? ZENDESK_MESSAGES[key as ZendeskMessageKey];
  if (template === undefined) throw new Error(`no Zendesk message ${key}`);
  return template.replace(/%\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** A finding of a ported rule. */
export function finding(rule: string, key: string, values?: Record<string, string | number>): Finding {
  return { rule, key: key as ZendeskMessageKey, message: message(key, values) };
}
