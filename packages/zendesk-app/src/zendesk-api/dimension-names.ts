import { z } from 'zod';

// The platform's DimensionKind and DimensionName, structurally: the backfill (run by the CLI under Node) imports this
// file, and the platform's types need the Workers runtime's.
type DimensionKind = 'group' | 'brand';
type DimensionName = { kind: DimensionKind; id: string; name: string };

/** The part of a Zendesk group or brand object the names need (GET /api/v2/groups.json, /api/v2/brands.json). */
const ZendeskNamedSchema = z.object({
  id: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]),
  name: z.string().trim().min(1).max(255),
});

/**
 * Zendesk's groups or brands as stored names (id as a string, as the cases hold it); an object without an id or a
 * name is left out (reported through `onSkip`).
 *
 * @example dimensionNamesOf('group', [{ id: 360001234, name: 'Tier 2' }]) // [{ kind: 'group', id: '360001234', name: 'Tier 2' }]
 */
export function dimensionNamesOf(
  kind: DimensionKind,
  items: readonly unknown[],
  onSkip?: (reason: string) => void,
): DimensionName[] {
  const out: DimensionName[] = [];
  for (const item of items) {
    const parsed = ZendeskNamedSchema.safeParse(item);
    if (parsed.success) out.push({ kind, id: String(parsed.data.id), name: parsed.data.name });
    else onSkip?.(`${kind} without an id or a name`);
  }
  return out;
}
