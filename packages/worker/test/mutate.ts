import fc from 'fast-check';

/**
 * A real payload with one to four leaves replaced by random JSON or removed — and, unless `keepRoot` is set, sometimes
 * the whole document replaced. For property tests on every inbound payload.
 */
export function mutated(base: unknown, opts: { keepRoot?: boolean } = {}): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    if (path.length > 0 || !opts.keepRoot) paths.push(path);
  };
  walk(base, []);
  const edit = fc.record({
    path: fc.constantFrom(...paths),
    op: fc.constantFrom('set', 'delete'),
    value: fc.jsonValue({ maxDepth: 2 }),
  });
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let doc = structuredClone(base) as Record<string, unknown>;
    for (const { path, op, value } of edits) {
      if (path.length === 0) {
        doc = (op === 'set' ? value : {}) as Record<string, unknown>;
        continue;
      }
      let parent = doc as Record<string, unknown> | undefined;
      for (const k of path.slice(0, -1)) parent = parent?.[k] as Record<string, unknown> | undefined;
      if (!parent || typeof parent !== 'object') continue;
      const last = path[path.length - 1] as string;
      if (op === 'delete') delete parent[last];
      else parent[last] = value;
    }
    return doc;
  });
}
