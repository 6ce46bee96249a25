import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

// Core runs unchanged in Node, workerd and the browser: its source must not touch Node built-ins or globals.
const root = fileURLToPath(new URL('.', import.meta.url));
const files = (readdirSync(root, { recursive: true }) as string[]).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test-support'),
);

describe('core is pure', () => {
  it.each(files)('%s imports no Node built-in and reads no env', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).not.toMatch(/from ['"](node:|fs|path|os|crypto|http|child_process)['"/]/);
    expect(text).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
  });
});

// No import cycle among core's modules (type-only imports are erased and do not count): a cycle works only in the
// order index.ts happens to import, and a module imported first can read a value of another before it has run.
describe('core has no import cycle', () => {
  it('follows every runtime import from every module and never comes back', () => {
    const runtimeImports = (file: string): string[] => {
      const text = readFileSync(join(root, file), 'utf8');
      const out: string[] = [];
      for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
        const target = join(file, '..', (m[1] ?? '').replace(/\.js$/, '.ts'));
        if (files.includes(target)) out.push(target);
      }
      return out;
    };
    const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f) ?? []) visit(g, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });
});

// Each module loads first, on its own, in a fresh module registry: a module that reads another's value before that one
// has run (the failure an import cycle causes: "Cannot access … before initialization") throws here.
describe('every core module loads on its own', () => {
  it.each(files)('%s', async (file) => {
    vi.resetModules();
    await expect(import(/* @vite-ignore */ join(root, file))).resolves.toBeTypeOf('object');
  });
});
