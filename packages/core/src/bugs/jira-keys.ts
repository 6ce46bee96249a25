import { z } from 'zod';
import type { Case } from '../case/case-schema.js';

/**
 * A Jira issue key: PROJECT-123 (project keys start with a letter; letters, digits, underscores; issue numbers start
 * at 1). The one definition: found in texts (JIRA_KEY), accepted whole (JIRA_KEY_EXACT, JiraKeySchema) by the API,
 * the Jira webhook schema and the sidebar.
 */
export const JIRA_KEY = /\b([A-Z][A-Z0-9_]{0,19}-[1-9]\d{0,8})\b/g;
export const JIRA_KEY_EXACT = /^[A-Z][A-Z0-9_]{0,19}-[1-9]\d{0,8}$/;
export const JiraKeySchema = z.string().regex(JIRA_KEY_EXACT, 'a Jira issue key such as PROJ-123');

/** The Jira keys in a text or a field value, upper-cased, in order, without repeats. */
export function jiraKeysIn(value: unknown): string[] {
  const texts = Array.isArray(value) ? value : [value];
  const keys: string[] = [];
  for (const t of texts)
    if (typeof t === 'string')
      for (const m of t.toUpperCase().matchAll(JIRA_KEY)) if (m[1] && !keys.includes(m[1])) keys.push(m[1]);
  return keys;
}

/** Where a case's helpdesk record names Jira issues. */
export interface JiraKeySources {
  /** Custom fields holding Jira keys (by name or id). Default: any field whose name mentions "jira". */
  fields?: readonly string[];
  /** Tags carrying a key, e.g. `jira_proj-123` or `jira:PROJ-123` (Zendesk lower-cases tags). Default prefix `jira`. */
  tagPrefix?: string;
}

/**
 * The Jira keys a case's helpdesk record holds: in its Jira custom field(s) and in tags such as `jira_proj-123`.
 * Each with where it came from, so a link can say who made it.
 *
 * @example jiraKeysOfCase(c) // [{ key: 'PROJ-123', source: 'zendesk-field' }]
 */
export function jiraKeysOfCase(
  c: Pick<Case, 'customFields' | 'tags' | 'jiraLinks'>,
  sources: JiraKeySources = {},
): { key: string; source: 'zendesk-field' | 'zendesk-tag' | 'case' }[] {
  const out: { key: string; source: 'zendesk-field' | 'zendesk-tag' | 'case' }[] = [];
  const add = (key: string, source: (typeof out)[number]['source']) => {
    if (!out.some((o) => o.key === key)) out.push({ key, source });
  };
  for (const k of c.jiraLinks) for (const key of jiraKeysIn(k)) add(key, 'case');
  const fields = sources.fields;
  for (const [name, value] of Object.entries(c.customFields))
    if (fields ? fields.includes(name) : /jira/i.test(name))
      for (const key of jiraKeysIn(value)) add(key, 'zendesk-field');
  const prefix = (sources.tagPrefix ?? 'jira').toLowerCase();
  for (const tag of c.tags) {
    const m = new RegExp(`^${prefix}[_:-](.+)$`, 'i').exec(tag);
    if (m?.[1]) for (const key of jiraKeysIn(m[1].replace(/_/g, '-'))) add(key, 'zendesk-tag');
  }
  return out;
}
