import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateManifest } from './validate-manifest.js';

const read = (p: string) => JSON.parse(readFileSync(new URL(`../../app/${p}`, import.meta.url), 'utf8'));
const manifest = read('manifest.json');
const translations = { 'en.json': read('translations/en.json'), 'de.json': read('translations/de.json') };

describe('the app manifest', () => {
  it('passes ZAF v2 rules: ticket sidebars, frameworkVersion 2.0, secure parameters with a domain whitelist, labelled parameters', () => {
    expect(validateManifest(manifest, translations)).toEqual([]);
    expect(manifest.location.support).toHaveProperty('ticket_sidebar');
    expect(manifest.location.support).toHaveProperty('new_ticket_sidebar');
    expect(
      manifest.parameters.filter((p: { secure?: boolean }) => p.secure).map((p: { name: string }) => p.name),
    ).toEqual(['worker_url', 'api_token']);
  });

  it('finds what zcli would refuse', () => {
    const bad = {
      ...manifest,
      frameworkVersion: '1.0',
      domainWhitelist: [],
      parameters: [...manifest.parameters, { name: 'Bad Name', type: 'colour' }],
    };
    expect(validateManifest(bad, { 'de.json': translations['de.json'] })).toEqual(
      expect.arrayContaining([
        'frameworkVersion: must be "2.0"',
        'translations/en.json: the default locale needs a translation file',
        'parameters[3].name: lower-case letters, digits, underscores',
        'parameters[3].type: one of text, password, checkbox, url, number, multiline, hidden, oauth',
        'domainWhitelist: secure settings are only sent to whitelisted domains',
      ]),
    );
  });
});
