import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
