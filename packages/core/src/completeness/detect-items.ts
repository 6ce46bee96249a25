import type { FieldValue } from '../case/case-schema.js';
import { fieldNameSets, normaliseFieldName } from '../case/field-names.js';
import { DEFAULT_RUBRIC } from './default-rubric.js';
import { itemIndex, type ModelOutput, runModel } from './model.js';
import { ITEM_IDS, type ItemId, type Rubric } from './rubric-schema.js';
import { isWhiteSpace, snippetAround } from './snippet.js';
import { type TextFeatures, textFeatures } from './text-features.js';

/** What the scorer reads: a case, or the few fields of one that a sidebar has at hand. */
export interface CompletenessInput {
  subject?: string | null;
  description?: string | null;
  customFields?: Record<string, FieldValue>;
  tags?: readonly string[];
  attachments?: readonly { name: string }[];
  issueType?: 'how_to' | 'bug' | 'install_config' | 'other' | null;
  formId?: string | null;
  /** The helpdesk's brand of the case: a name of the team's own that counts as the product when the text names it. */
  brand?: string | null;
  /** The helpdesk's coarse ticket type (Zendesk: question, incident, problem, task): a weak prior for the issue type. */
  ticketType?: string | null;
  requester?: { name?: string | null } | null;
}

/** Why an item counts as present: where it was found, and the snippet that proves it. */
export interface Evidence {
  source: 'field' | 'attachment' | 'text';
  snippet: string;
}

function fieldText(value: FieldValue | undefined): string | null {
  if (value === null || value === undefined || value === false || value === '') return null;
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : null;
  return String(value);
}

/** The first custom field among the rubric's names for an item that has a value. */
function fromFields(input: CompletenessInput, wanted: Set<string> | undefined): Evidence | null {
  if (!wanted || !input.customFields) return null;
  for (const [key, value] of Object.entries(input.customFields)) {
    if (!wanted.has(normaliseFieldName(key))) continue;
    const text = fieldText(value);
    if (text !== null) return { source: 'field', snippet: `${key}: ${text}` };
  }
  return null;
}

/** The features of the last case read: detectItem is called once per item on the same case. */
let cached: { subject: string; description: string; features: TextFeatures; output: ModelOutput } | null =
  null;

/** The model's features of a case and what the model says of them (computed once for the same subject and description). */
export function featuresOf(input: CompletenessInput): { features: TextFeatures; output: ModelOutput } {
  const subject = input.subject ?? '';
  const description = input.description ?? '';
  if (cached?.subject !== subject || cached.description !== description) {
    const features = textFeatures(subject, description);
    cached = { subject, description, features, output: runModel(features) };
  }
  return cached;
}

/** A name of the team's own vocabulary (the rubric's products and areas, the case's brand) that the text names. */
function fromVocabulary(input: CompletenessInput, rubric: Rubric, text: string): Evidence | null {
  // A brand counts by its name, not by a numeric id (Zendesk's brand_id).
  const names =
    input.brand && /\p{L}/u.test(input.brand) ? [...rubric.products, input.brand] : rubric.products;
  if (names.length === 0) return null; // the default rubric names none: no lower-cased copy of the text
  const lower = text.toLowerCase();
  for (const name of names) {
    const n = name.trim().toLowerCase();
    if (n.length < 2) continue;
    let at = lower.indexOf(n);
    while (at >= 0) {
      const before = lower[at - 1] ?? ' ';
      const after = lower[at + n.length] ?? ' ';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after))
        return { source: 'text', snippet: snippetAround(text, at, n.length) };
      at = lower.indexOf(n, at + 1);
    }
  }
  return null;
}

/**
 * The model's decision for an item, with the sentence that weighed most as its evidence. Items decided by the same
 * sentence share its snippet (`snippets`, by sentence, for one case).
 */
function fromModel(id: ItemId, f: TextFeatures, out: ModelOutput, snippets: string[]): Evidence | null {
  const k = itemIndex(id);
  if (!out.present[k]) return null;
  const at = out.deciding[k] ?? -1;
  const s = f.sentences[at];
  if (!s) return null;
  let snippet = snippets[at];
  if (snippet === undefined) {
    // The sentence's first character that String.prototype.trim keeps (trim strips what isWhiteSpace reads).
    let lead = s.start;
    while (lead < s.end && isWhiteSpace(f.text.charCodeAt(lead))) lead++;
    snippet = snippetAround(f.text, lead, lead < s.end ? 1 : 0);
    snippets[at] = snippet;
  }
  return { source: 'text', snippet };
}

/**
 * Detects every completeness item of a case, whatever its issue type (the rubric only weighs them): structured fields
 * first (a custom field named in the rubric, the ticket's attachments, the team's own product names), then the learned
 * model over the text, with the sentence that decided it as the evidence.
 *
 * @example detectItems({ subject: 'Export crashes', description: 'Since 4.2.1 the export fails on Windows 11' }).version
 */
export function detectItems(
  input: CompletenessInput,
  rubric: Rubric = DEFAULT_RUBRIC,
): Record<ItemId, Evidence | null> {
  const { features: f, output: out } = featuresOf(input);
  const fields = fieldNameSets(rubric.fields);
  const result = {} as Record<ItemId, Evidence | null>;
  const snippets: string[] = [];
  for (const id of ITEM_IDS) {
    const first = id === 'attachment' ? input.attachments?.[0] : undefined;
    result[id] =
      fromFields(input, fields[id]) ??
      (first ? { source: 'attachment', snippet: `${first.name} (attached)` } : null) ??
      (id === 'product' ? fromVocabulary(input, rubric, f.text) : null) ??
      fromModel(id, f, out, snippets);
  }
  return result;
}

/**
 * Detects one completeness item (see detectItems; the features are computed once for a case).
 *
 * @example detectItem('version', { description: 'Since 4.2.1 the export fails' }, DEFAULT_RUBRIC)
 * // { source: 'text', snippet: 'Since 4.2.1 the export fails' }
 */
export function detectItem(
  id: ItemId,
  input: CompletenessInput,
  rubric: Rubric = DEFAULT_RUBRIC,
): Evidence | null {
  return detectItems(input, rubric)[id];
}
