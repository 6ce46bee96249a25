/**
 * How custom fields are matched by name: "App Version", "app_version" and "app-version" are the same field.
 *
 * @example normaliseFieldName('App Version') // 'app_version'
 */
export function normaliseFieldName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

const cache = new WeakMap<object, Record<string, Set<string>>>();

/**
 * The normalised names a config (a rubric's or a closure policy's `fields`) gives each item, built once per config
 * object: they are looked up for every case of a report.
 */
export function fieldNameSets<K extends string>(
  fields: Partial<Record<K, readonly string[]>>,
): Partial<Record<K, Set<string>>> {
  let sets = cache.get(fields);
  if (!sets) {
    sets = {};
    for (const [item, names] of Object.entries(fields) as [string, readonly string[]][])
      sets[item] = new Set(names.map(normaliseFieldName));
    cache.set(fields, sets);
  }
  return sets as Partial<Record<K, Set<string>>>;
}
