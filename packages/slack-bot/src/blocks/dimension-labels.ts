import { type DimensionKind, type DimensionNames, NO_DIMENSION_NAMES } from '@support-metrics/platform';

/**
 * How Slack names a Zendesk group or brand that the cases and rollups hold by id: its synced name, or the id said
 * to be one ("group 360001234 (name not synced)") until the backfill or a webhook has fetched its name.
 *
 * @example dimensionLabel(names, 'group', '360001234') // 'Tier 2'
 */
export function dimensionLabel(names: DimensionNames | undefined, kind: DimensionKind, id: string): string {
  if (id === '') return `no ${kind}`;
  return (names ?? NO_DIMENSION_NAMES)[kind].get(id) ?? `${kind} ${id} (name not synced)`;
}

/**
 * The id a filter means: the value itself when it is a stored id, else the id whose name it is (case-insensitive,
 * so `group:tier2` finds "Tier2"), else the value as typed.
 */
export function dimensionIdOf(names: DimensionNames | undefined, kind: DimensionKind, value: string): string {
  const known = (names ?? NO_DIMENSION_NAMES)[kind];
  if (known.has(value)) return value;
  const wanted = value.toLowerCase();
  for (const [id, name] of known) if (name.toLowerCase() === wanted) return id;
  return value;
}
