/**
 * Checks an app's manifest.json (and its translations) against the rules ZAF documents for v2 apps — what
 * `zcli apps:validate` would refuse — since zcli needs a Zendesk account. Returns the problems found (none: valid).
 */
const LOCATIONS: Record<string, string[]> = {
  support: [
    'ticket_sidebar',
    'new_ticket_sidebar',
    'organization_sidebar',
    'user_sidebar',
    'top_bar',
    'nav_bar',
    'background',
    'modal',
    'ticket_editor',
  ],
};
const PARAMETER_TYPES = ['text', 'password', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];

export function validateManifest(
  manifest: Record<string, unknown>,
  translations: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  const need = (key: string, ok: boolean, why: string) => ok || problems.push(`${key}: ${why}`);
  need('name', typeof manifest.name === 'string' && manifest.name.length > 0, 'required string');
  const author = manifest.author as Record<string, unknown> | undefined;
  need('author.name', typeof author?.name === 'string', 'required');
  need(
    'author.email',
    typeof author?.email === 'string' && /^[^@\s]+@[^@\s]+$/.test(String(author?.email)),
    'required e-mail',
  );
  need('frameworkVersion', manifest.frameworkVersion === '2.0', 'must be "2.0"');
  need(
    'version',
    typeof manifest.version === 'string' && /^\d+\.\d+(\.\d+)?$/.test(String(manifest.version)),
    'a version such as 1.0.0',
  );
  const locale = manifest.defaultLocale;
  need('defaultLocale', typeof locale === 'string', 'required');
  need(
    `translations/${String(locale)}.json`,
    `${String(locale)}.json` in translations,
    'the default locale needs a translation file',
  );
  for (const [file, json] of Object.entries(translations)) {
    const app = (json as { app?: Record<string, unknown> }).app;
    need(`${file} app`, typeof app === 'object' && app !== null, 'a translation file has an "app" block');
    need(`${file} app.short_description`, typeof app?.short_description === 'string', 'required');
  }
  const location = manifest.location as Record<string, Record<string, { url?: string }>> | undefined;
  need('location', typeof location === 'object' && location !== null, 'required');
  for (const [product, places] of Object.entries(location ?? {})) {
    need(`location.${product}`, product in LOCATIONS, 'unknown product');
    for (const [place, spec] of Object.entries(places ?? {})) {
      need(`location.${product}.${place}`, LOCATIONS[product]?.includes(place) ?? false, 'unknown location');
      const url = spec?.url ?? '';
      need(
        `location.${product}.${place}.url`,
        /^assets\/[\w./-]+\.html$/.test(url) || /^https:\/\//.test(url),
        'assets/….html or an https URL',
      );
    }
  }
  const params = (manifest.parameters ?? []) as Record<string, unknown>[];
  const names = new Set<string>();
  for (const [i, p] of params.entries()) {
    const name = String(p.name ?? '');
    need(`parameters[${i}].name`, /^[a-z][a-z0-9_]*$/.test(name), 'lower-case letters, digits, underscores');
    need(`parameters[${i}].name`, !names.has(name), 'duplicate name');
    names.add(name);
    need(
      `parameters[${i}].type`,
      PARAMETER_TYPES.includes(String(p.type ?? 'text')),
      `one of ${PARAMETER_TYPES.join(', ')}`,
    );
    if (p.secure === true)
      need(`parameters[${i}]`, p.type !== 'hidden', 'a secure parameter cannot be hidden');
    for (const [file, json] of Object.entries(translations)) {
      const label = (json as { app?: { parameters?: Record<string, { label?: string }> } }).app?.parameters?.[
        name
      ]?.label;
      need(`${file} app.parameters.${name}.label`, typeof label === 'string', 'every parameter has a label');
    }
  }
  const secure = params.some((p) => p.secure === true);
  const whitelist = manifest.domainWhitelist as unknown;
  if (secure)
    need(
      'domainWhitelist',
      Array.isArray(whitelist) &&
        whitelist.length > 0 &&
        whitelist.every((d) => typeof d === 'string' && /^[a-z0-9.-]+$/i.test(d)),
      'secure settings are only sent to whitelisted domains',
    );
  return problems;
}
