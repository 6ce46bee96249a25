/**
 * Everything Zendesk checks offline when the app is uploaded, in the order of `package.rb` validate (manifest;
 * then translations, requirements, secure settings and requests; then MIME types and secrets), plus two rules of
 * our own that Zendesk states in its docs but checks only at install or listing time: the Marketplace icons
 * (assets/logo.png 320×320, assets/logo-small.png 128×128) and a domainWhitelist naming the worker the admin
 * configures (ZAF sends secure settings only to whitelisted domains, so a wrong one fails every request).
 */
import { pngSize } from './png-size.js';
import { type AppFiles, textOf, validateManifest } from './validate-manifest.js';
import { validateRequirements } from './validate-requirements.js';
import { isTextFile, SECRET_KEYWORDS, validateSources } from './validate-sources.js';
import type { Finding } from './zendesk-messages.js';

/** Zendesk's app icon sizes (developer docs, "Adding app icons": logo.png 320×320, logo-small.png 128×128). */
export const ICONS = { 'assets/logo.png': 320, 'assets/logo-small.png': 128 } as const;

export interface PackageReport {
  errors: Finding[];
  warnings: Finding[];
  /**
   * Warnings Zendesk's validator gives any app using a feature this one needs, set apart with the reason (Zendesk
   * shows them on upload all the same). One: `secrets.rb`'s keyword list finds "secret" where it is only ZAF's own
   * vocabulary for signed requests (the scope `jwt_secret_key`, the `jwt` option's `secret_key`).
   */
  accepted: (Finding & { why: string })[];
}

const JWT_NAMES_ONLY =
  "the keyword is only ZAF's own names for signed requests: the scope jwt_secret_key (manifest.json) and the jwt option's secret_key (the sidebar's code)";

/**
 * Whether every text file's secret keywords are only ZAF's names for signed requests: the scope `"jwt_secret_key"`
 * in manifest.json, the `jwt` request option's `secret_key:` in the bundle. Anything else keeps the warning.
 */
function onlyJwtNames(files: AppFiles, keywords: readonly string[]): boolean {
  return Object.keys(files)
    .filter(isTextFile)
    .every((path) => {
      let text = textOf(files, path) ?? '';
      if (path === 'manifest.json') text = text.replaceAll('"jwt_secret_key"', '');
      if (path.endsWith('.js')) text = text.replaceAll(/\bsecret_key:/g, '');
      return !keywords.some((k) => text.includes(k));
    });
}

/**
 * Validates the files of the zip as Zendesk would. `workerHost`: the host of the worker the app is built for; the
 * manifest's domainWhitelist must name it.
 * @example validatePackage(files, { workerHost: 'support-metrics.acme.workers.dev' }).errors // []
 */
export function validatePackage(files: AppFiles, options: { workerHost?: string } = {}): PackageReport {
  const manifest = validateManifest(files);
  const errors = [...manifest.errors];
  const warnings = [...manifest.warnings];
  // package.rb runs the rest only over a valid manifest (has_valid_manifest?: no manifest.rb error).
  if (manifest.manifestValid) errors.push(...validateRequirements(files));
  const sources = validateSources(files, { requests: manifest.manifestValid === true });
  errors.push(...sources.errors);
  const accepted: PackageReport['accepted'] = [];
  for (const w of sources.warnings)
    if (w.rule === 'validations/secrets.rb SECRET_KEYWORDS' && onlyJwtNames(files, SECRET_KEYWORDS))
      accepted.push({ ...w, why: JWT_NAMES_ONLY });
    else warnings.push(w);
  errors.push(...projectRules(files, options));
  return { errors, warnings, accepted };
}

function projectRules(files: AppFiles, options: { workerHost?: string }): Finding[] {
  const errors: Finding[] = [];
  for (const [path, side] of Object.entries(ICONS)) {
    const bytes = files[path];
    const size = bytes ? pngSize(bytes) : null;
    if (!size || size.width !== side || size.height !== side)
      errors.push({
        rule: 'Zendesk docs: app icons',
        key: 'project.icon',
        message: `${path} must be a ${side}x${side} PNG${size ? `, it is ${size.width}x${size.height}` : bytes ? ', it is not a PNG' : ', it is missing'}.`,
      });
  }
  let manifest: Record<string, unknown> = {};
  try {
    manifest = JSON.parse(textOf(files, 'manifest.json') ?? '{}');
  } catch {
    return errors; // manifest.rb reported it
  }
  const whitelist = Array.isArray(manifest.domainWhitelist) ? (manifest.domainWhitelist as unknown[]) : [];
  for (const d of whitelist)
    if (typeof d !== 'string' || !/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(d))
      errors.push({
        rule: 'Zendesk docs: domainWhitelist',
        key: 'project.domain_whitelist',
        message: `domainWhitelist entry ${JSON.stringify(d)} must be a bare domain (no scheme, port or path).`,
      });
  const usesSecure =
    Array.isArray(manifest.parameters) && manifest.parameters.some((p) => p?.secure === true);
  if (
    usesSecure &&
    options.workerHost &&
    !whitelist.some(
      (d) =>
        d === options.workerHost ||
        (typeof d === 'string' && d.startsWith('*.') && options.workerHost?.endsWith(d.slice(1))),
    )
  )
    errors.push({
      rule: 'Zendesk docs: domainWhitelist',
      key: 'project.domain_whitelist',
      message: `domainWhitelist must name the worker ${options.workerHost}: secure settings are sent only to whitelisted domains.`,
    });
  return errors;
}
