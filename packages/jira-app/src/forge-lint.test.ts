import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getClientSideLintersOnly, type LintResult, lint } from '@forge/lint';
import { type ManifestSchema, ProcessorBuilder, ValidationTypes } from '@forge/manifest';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

// `forge lint` itself needs an Atlassian login before it lints anything (its environment precondition), so the
// linters it runs are run here from @forge/lint 6.3.1 directly, as its LintService runs them: every client-side
// linter but the PermissionLinter, which downloads Jira's OpenAPI document from developer.atlassian.com to map
// API calls to scopes (no network here; the app makes no product API call from Forge code, the worker does).
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const OFFLINE = (name: string) => name !== 'PermissionLinter';

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesIn(p) : [p];
  });
}

async function forgeLint(dir: string) {
  const cwd = process.cwd();
  process.chdir(dir); // @forge/lint reads tsconfig.json and the manifest's resources from the app's directory
  try {
    const { manifestObject } = await ProcessorBuilder.instance()
      .withValidation(ValidationTypes.BASIC)
      .build()
      .process('manifest.yml');
    const manifest = manifestObject?.typedContent as ManifestSchema;
    const logger = { info: () => undefined };
    // @forge/cli-shared's StatsigService: the linters ask it one thing (the runtimes deprecated for this app).
    const statsig = { getDeprecatedRuntimes: async () => [] as string[] } as unknown as Parameters<
      typeof lint
    >[4];
    const linters = (await getClientSideLintersOnly(manifest, 'development', logger, statsig)).filter((l) =>
      OFFLINE(l.constructor.name),
    );
    const results: LintResult[] = await lint(filesIn('src'), manifest, 'development', logger, statsig, {
      linter: { mode: 'client-side' },
      linters,
    });
    return {
      linters: linters.map((l) => l.constructor.name),
      problems: results.flatMap((r) => [...r.errors, ...r.warnings].map((e) => `${r.file}: ${e.message}`)),
    };
  } finally {
    process.chdir(cwd);
  }
}

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The package copied (without node_modules), with its manifest changed. */
function copyWith(change: (m: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'forge-lint-'));
  for (const f of ['manifest.yml', 'tsconfig.json', 'package.json', 'src'])
    cpSync(join(PACKAGE, f), join(dir, f), { recursive: true });
  const m = parse(readFileSync(join(dir, 'manifest.yml'), 'utf8')) as Record<string, unknown>;
  change(m);
  writeFileSync(join(dir, 'manifest.yml'), stringify(m));
  copies.push(dir);
  return dir;
}

describe("forge lint's linters (@forge/lint, client side, offline)", () => {
  it('find nothing in the app', async () => {
    const { linters, problems } = await forgeLint(PACKAGE);
    expect(linters).toEqual(
      expect.arrayContaining([
        'FullManifestLinter',
        'HandlerLinter',
        'InvokeEndpointLinter',
        'PermissionsManifestLinter',
      ]),
    );
    expect(problems).toEqual([]);
  });

  it('find an endpoint on a remote the manifest does not declare', async () => {
    const dir = copyWith((m) => {
      ((m.modules as Record<string, { remote?: string }[]>).endpoint?.[0] ?? {}).remote = 'elsewhere';
    });
    const { problems } = await forgeLint(dir);
    expect(problems.join('\n')).toMatch(/elsewhere/);
  });
});
