import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProcessorBuilder, ValidationTypes } from '@forge/manifest';
import { FORGE_IMPACT_INDEX } from '@support-metrics/jira-bridge/impact-index';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

// biome-ignore lint/suspicious/noExplicitAny: a parsed YAML document, each case changes it by path
type Doc = Record<string, any>;

const MANIFEST = fileURLToPath(new URL('../manifest.yml', import.meta.url));

/** What `forge lint` and `forge deploy` run on the manifest, from @forge/manifest itself (no login, no network). */
const validate = (type: ValidationTypes, path = MANIFEST) =>
  ProcessorBuilder.instance().withValidation(type).build().process(path);

/** A copy of the manifest, changed, beside the real resources (the resources validator reads the entry files). */
function variant(change: (m: Doc) => void): string {
  const m = parse(readFileSync(MANIFEST, 'utf8')) as Doc;
  change(m);
  const dir = mkdtempSync(join(tmpdir(), 'forge-manifest-'));
  for (const r of m.resources ?? []) r.path = join(fileURLToPath(new URL('..', import.meta.url)), r.path);
  const path = join(dir, 'manifest.yml');
  writeFileSync(path, stringify(m));
  return path;
}

describe('manifest.yml under @forge/manifest 13.7.0', () => {
  it.each([
    ['full (schema, modules, resources, remotes, permissions, entity properties …)', ValidationTypes.FULL],
    ['product trigger scopes (each event has the scopes it needs)', ValidationTypes.PRODUCT_TRIGGER],
    ['remote compute (remote regions and auth scopes)', ValidationTypes.FORGE_REMOTE_COMPUTE],
  ])('passes the %s validation', async (_, type) => {
    const result = await validate(type);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it.each([
    [
      'a trigger without the scope its events need',
      (m: Doc) => {
        m.permissions.scopes = ['write:jira-work'];
      },
      ValidationTypes.PRODUCT_TRIGGER,
      /read:jira-work/,
    ],
    [
      'a search alias JQL cannot name',
      (m: Doc) => {
        m.modules['jira:entityProperty'][0].values[0].searchAlias = 'support cases';
      },
      ValidationTypes.FULL,
      /searchAlias|pattern/,
    ],
    [
      'a panel resolved by an endpoint that is not declared',
      (m: Doc) => {
        m.modules['jira:issuePanel'][0].resolver.endpoint = 'nowhere';
      },
      ValidationTypes.FULL,
      /nowhere/,
    ],
    [
      'an endpoint on a remote that is not declared',
      (m: Doc) => {
        m.modules.endpoint[1].remote = 'elsewhere';
      },
      ValidationTypes.FULL,
      /elsewhere/,
    ],
    [
      'a resource whose entry file is missing',
      (m: Doc) => {
        m.resources[0].path = 'src/frontend/missing.tsx';
      },
      ValidationTypes.FULL,
      /missing\.tsx/,
    ],
  ])('fails %s', async (_, change, type, message) => {
    const result = await validate(type, variant(change));
    expect(result.success).toBe(false);
    expect(result.errors?.map((e) => e.message).join('\n')).toMatch(message);
  });
});

describe('the JQL index of the impact property', () => {
  const manifest = parse(readFileSync(MANIFEST, 'utf8')) as Doc;

  it('declares exactly the paths, types and aliases the worker writes (jira-bridge FORGE_IMPACT_INDEX)', () => {
    const [index] = manifest.modules['jira:entityProperty'];
    expect(index).toMatchObject({ entityType: 'issue', propertyKey: 'supportImpact' });
    expect(index.values).toEqual(FORGE_IMPACT_INDEX.map((v) => ({ ...v })));
  });

  it('names every alias the issue asks for: supportCases > 10 ORDER BY supportRevenueAtRisk DESC', () => {
    const aliases = manifest.modules['jira:entityProperty'][0].values.map((v: Doc) => v.searchAlias);
    expect(aliases).toEqual(
      expect.arrayContaining([
        'supportCases',
        'supportOpenCases',
        'supportCustomers',
        'supportRevenueAtRisk',
        'supportLastSeen',
      ]),
    );
  });
});
