import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the monorepo, checked on its sources: packages depend on each other in one direction only
 * (core ← platform ← plugins ← worker), and each table is written only by the package that owns it and read only
 * by it and the layers above (a plugin reads the platform's cases; the platform asks a plugin's port for its data).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES = join(ROOT, 'packages');

/** Each package's layer: a package may import only packages of a lower layer (plugins do not import each other). */
const LAYER: Record<string, number> = {
  core: 0,
  platform: 1,
  'zendesk-app': 2,
  'slack-bot': 2,
  'jira-bridge': 2,
  'jira-app': 2,
  cli: 3,
  worker: 3,
};

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const packageOf = (file: string) => relative(PACKAGES, file).split('/')[0] ?? '';
/** Test code: tests, mocks and a package's test support (its harness and wiring, exported as `./test-support`). */
const isTest = (file: string) =>
  /\.test\.tsx?$/.test(file) ||
  /\/test\//.test(file) ||
  /\/test-support\//.test(file) ||
  /mocks?\.ts$/.test(file);

describe('the package graph', () => {
  const packages = readdirSync(PACKAGES).filter((p) => statSync(join(PACKAGES, p)).isDirectory());

  it('knows every package', () => {
    expect(packages.filter((p) => LAYER[p] === undefined)).toEqual([]);
  });

  it('has no arrow back and none sideways: each package imports only lower layers, in code and in package.json', () => {
    const wrong: string[] = [];
    for (const pkg of packages) {
      const manifest = JSON.parse(readFileSync(join(PACKAGES, pkg, 'package.json'), 'utf8'));
      for (const dep of Object.keys({ ...manifest.dependencies }))
        if (dep.startsWith('@support-metrics/')) {
          const to = dep.slice('@support-metrics/'.length);
          if ((LAYER[to] ?? 99) >= (LAYER[pkg] ?? 0)) wrong.push(`${pkg}/package.json → ${to}`);
        }
      for (const file of sources(join(PACKAGES, pkg))) {
        // Tests and mocks wire plugins together on purpose (the worker's; a plugin's tests with the bug tracker the
        // worker wires beside it, as test-only devDependencies); production code may not.
        if (isTest(file)) continue;
        for (const m of readFileSync(file, 'utf8').matchAll(/from '@support-metrics\/([\w-]+)/g)) {
          const to = m[1] ?? '';
          if (to !== pkg && (LAYER[to] ?? 99) >= (LAYER[pkg] ?? 0))
            wrong.push(`${relative(ROOT, file)} → ${to}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** Who owns each table: its migration, and every statement that writes it. */
const OWNER: Record<string, string> = {
  tenants: 'platform',
  api_tokens: 'platform',
  rubric_versions: 'platform',
  cases: 'platform',
  case_events: 'platform',
  daily_rollups: 'platform',
  processed_events: 'platform',
  sync_state: 'platform',
  dimension_names: 'platform',
  organizations: 'platform',
  maturity_assessments: 'platform',
  demand_forecasts: 'platform',
  jira_issues: 'jira-bridge',
  jira_links: 'jira-bridge',
  jira_versions: 'jira-bridge',
  jira_issue_links: 'jira-bridge',
  outbox: 'jira-bridge',
  slack_installations: 'slack-bot',
  slack_subscriptions: 'slack-bot',
  slack_posts: 'slack-bot',
  swarms: 'slack-bot',
  swarm_participants: 'slack-bot',
  aging_alerts: 'slack-bot',
};

describe('the tables', () => {
  it('has an owner for every table the migrations create', () => {
    const created = new Set<string>();
    for (const f of readdirSync(join(PACKAGES, 'worker/migrations')))
      for (const m of readFileSync(join(PACKAGES, 'worker/migrations', f), 'utf8').matchAll(
        /CREATE TABLE (\w+)/g,
      ))
        created.add(m[1] ?? '');
    created.delete('closure_checks'); // dropped by 0006
    expect([...created].filter((t) => !OWNER[t])).toEqual([]);
  });

  it('is written only by the package that owns it (no INSERT, UPDATE or DELETE of it elsewhere), and core holds no SQL', () => {
    const wrong: string[] = [];
    for (const file of sources(PACKAGES)) {
      if (isTest(file) || file.includes('/migrations/')) continue;
      const pkg = packageOf(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:INSERT INTO|UPDATE|DELETE FROM|REPLACE INTO)\s+(\w+)/g)) {
        const table = m[1] ?? '';
        const owner = OWNER[table];
        if (!owner) continue; // a word after "update" in prose, not a table
        // The worker's seed script writes the demo tenant with the owners' own statements (imported, not written).
        if (owner !== pkg) wrong.push(`${relative(ROOT, file)} writes ${table} (owner: ${owner})`);
      }
      if (pkg === 'core' && /\b(SELECT\s+[\w*]|INSERT INTO|CREATE TABLE)\b/.test(text))
        wrong.push(`${relative(ROOT, file)} holds SQL`);
    }
    expect(wrong).toEqual([]);
  });

  it("is read only by its owner and the layers above it: the platform reads no plugin's table, no plugin another's", () => {
    const wrong: string[] = [];
    for (const file of sources(PACKAGES)) {
      if (isTest(file) || file.includes('/migrations/')) continue;
      const pkg = packageOf(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:FROM|JOIN)\s+(\w+)/g)) {
        const owner = OWNER[m[1] ?? ''];
        if (!owner || owner === pkg) continue;
        if ((LAYER[owner] ?? 0) >= (LAYER[pkg] ?? 0))
          wrong.push(`${relative(ROOT, file)} reads ${m[1]} (owner: ${owner})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** Every workspace package by name: its directory and the subpaths its package.json `exports` declares. */
function workspacePackages(): Map<string, { dir: string; exports: Set<string> }> {
  const dirs = [
    ...readdirSync(PACKAGES).map((p) => join(PACKAGES, p)),
    join(ROOT, 'test'),
    join(ROOT, 'bench'),
  ];
  const out = new Map<string, { dir: string; exports: Set<string> }>();
  for (const dir of dirs) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    out.set(manifest.name, { dir, exports: new Set(Object.keys(manifest.exports ?? {})) });
  }
  return out;
}

/** What a file imports: static and dynamic imports and re-exports, by specifier. */
const specifiers = (text: string) =>
  [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');

/**
 * Reach-ins kept on purpose, each with its reason. The bench times the Slack chart's encoder against the bare PNG
 * encoder (its baseline), two internals of slack-bot that no package uses, so no export is made for them.
 */
const REACH_INS_ALLOWED = new Set(['bench/chart.ts']);

describe('the packages’ surfaces', () => {
  const pkgs = workspacePackages();
  const owner = (file: string) => [...pkgs.values()].find((p) => file.startsWith(`${p.dir}/`))?.dir;
  const files = [
    ...sources(PACKAGES),
    ...sources(join(ROOT, 'test')),
    ...sources(join(ROOT, 'bench')),
  ].filter((f) => !/\.config\.ts$/.test(f)); // vitest configs read core's shared-data path, not its code

  it('are their package.json `exports`: no import names a subpath its package does not export', () => {
    const wrong: string[] = [];
    for (const file of files)
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        const m = /^(@support-metrics\/[\w-]+)(\/.+)?$/.exec(spec);
        if (!m) continue;
        const pkg = pkgs.get(m[1] ?? '');
        const sub = m[2] ? `.${m[2]}` : '.';
        if (!pkg?.exports.has(sub)) wrong.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    expect(wrong).toEqual([]);
  });

  it('are not reached around: no relative import into another package’s code', () => {
    const wrong: string[] = [];
    for (const file of files) {
      if (REACH_INS_ALLOWED.has(relative(ROOT, file))) continue;
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.') || /\.json(\?.*)?$/.test(spec)) continue; // data (samples, manifests) may be shared
        const target = join(file, '..', spec);
        const to = owner(target);
        // test/ and bench/ share their own helpers (test/support); a package's code is reached through its exports.
        if (to?.startsWith(`${PACKAGES}/`) && to !== owner(file))
          wrong.push(`${relative(ROOT, file)} imports ${relative(ROOT, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('are for other packages: no package imports its own barrel (its files import each other directly)', () => {
    const wrong: string[] = [];
    for (const [name, pkg] of pkgs) {
      // The worker's src/index.ts is its entry point (the app its tests drive), not a barrel.
      if (name === '@support-metrics/worker') continue;
      const barrel = join(pkg.dir, 'src/index.ts');
      for (const file of files.filter((f) => owner(f) === pkg.dir && f !== barrel))
        for (const spec of specifiers(readFileSync(file, 'utf8')))
          if (
            spec === name ||
            (spec.startsWith('.') && join(file, '..', spec).replace(/\.js$/, '.ts') === barrel)
          )
            wrong.push(`${relative(ROOT, file)} imports ${spec}`);
    }
    expect(wrong).toEqual([]);
  });
});
