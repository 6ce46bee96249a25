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

type Path = (string | number)[];
interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
}

/**
 * The paths a zod schema declares that a document has: every field the code reads, as it is in a real payload
 * (arrays by their first element). Walks zod 4's definitions (object shapes, unions, wrappers, pipes, arrays).
 */
export function declaredPaths(schema: unknown, doc: unknown, at: Path = []): Path[] {
  const def = (schema as ZodLike | undefined)?._zod?.def;
  if (!def) return [];
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return declaredPaths(def.innerType, doc, at);
    case 'pipe':
      return declaredPaths(def.in, doc, at);
    case 'union': {
      const seen = new Map<string, Path>();
      for (const option of def.options as unknown[])
        for (const p of declaredPaths(option, doc, at)) seen.set(JSON.stringify(p), p);
      return [...seen.values()];
    }
    case 'array':
      return Array.isArray(doc) && doc.length > 0 ? declaredPaths(def.element, doc[0], [...at, 0]) : [];
    case 'object': {
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return [];
      const out: Path[] = [];
      for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) {
        if (!(key in doc)) continue;
        out.push([...at, key], ...declaredPaths(field, (doc as Record<string, unknown>)[key], [...at, key]));
      }
      return out;
    }
    default:
      return [];
  }
}

/** The document with the value at a path replaced (or removed, for `undefined`). */
export function withValue(doc: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let parent = copy as Record<string | number, unknown> | undefined;
  for (const k of path.slice(0, -1)) parent = parent?.[k] as Record<string | number, unknown> | undefined;
  const last = path[path.length - 1];
  if (!parent || last === undefined) return copy;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** Lengths each string field is tried at: at and past each bound the schemas use, and 900 KB. */
export const STRING_LENGTHS = [255, 256, 1_000, 1_001, 10_000, 10_001, 100_001, 900_000];

/**
 * For each field a schema reads: the document with it missing, null, of each wrong JSON type, at and past each
 * bound (strings: STRING_LENGTHS; lists: 1,000 and 1,001 items), and at 900 KB.
 */
export function* fieldCases(
  schema: unknown,
  base: unknown,
): Generator<{ path: string; label: string; doc: unknown }> {
  // One document at a time (a generator): the 900 KB ones are not all held at once.
  for (const path of declaredPaths(schema, base)) {
    let value: unknown = base;
    for (const k of path) value = (value as Record<string | number, unknown>)[k];
    const name = path.join('.');
    const variants: [string, () => unknown][] = [];
    const add = (label: string, v: unknown) => variants.push([label, () => v]);
    add('missing', undefined);
    add('null', null);
    const kinds: [string, unknown][] = [
      ['string', 'x'],
      ['number', 12345],
      ['negative', -1],
      ['float', 1.5],
      ['huge number', 1e300],
      ['boolean', true],
      ['array', []],
      ['object', {}],
    ];
    for (const [label, v] of kinds) if (typeof v !== typeof value || Array.isArray(value)) add(label, v);
    if (typeof value === 'string' || typeof value === 'number')
      for (const n of STRING_LENGTHS)
        variants.push([`${n} chars`, () => String(value).padEnd(n, '7').slice(0, n)]);
    if (Array.isArray(value) && value.length > 0) {
      add(
        '1,000 items',
        Array.from({ length: 1_000 }, () => value[0]),
      );
      add(
        '1,001 items',
        Array.from({ length: 1_001 }, () => value[0]),
      );
    }
    if (value && typeof value === 'object' && !Array.isArray(value))
      variants.push(['900 KB key', () => ({ ...(value as object), ['k'.repeat(900_000)]: 1 })]);
    for (const [label, make] of variants) yield { path: name, label, doc: withValue(base, path, make()) };
  }
}
