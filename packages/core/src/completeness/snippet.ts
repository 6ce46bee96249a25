const MAX_SNIPPET = 160;

/**
 * The sentence (or line) around a match, trimmed to at most 160 characters and centred on the match,
 * so that an agent sees why an item counts as present.
 *
 * @example snippetAround('Hi. It fails with E42 on save. Thanks', 18, 3) // 'It fails with E42 on save.'
 */
export function snippetAround(text: string, index: number, length: number): string {
  let start = index;
  while (start > 0 && index - start < MAX_SNIPPET) {
    const ch = text[start - 1];
    if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[start] ?? ''))) break;
    start--;
  }
  let end = index + length;
  while (end < text.length && end - start < MAX_SNIPPET) {
    const ch = text[end];
    end++;
    if (ch === '\n') {
      end--;
      break;
    }
    if ((ch === '.' || ch === '!' || ch === '?') && (end >= text.length || /\s/.test(text[end] ?? ''))) break;
  }
  let snippet = text.slice(start, end).trim();
  if (snippet.length > MAX_SNIPPET) {
    const from = Math.max(0, index - start - 60);
    snippet = `…${snippet.slice(from, from + MAX_SNIPPET - 2).trim()}…`;
  }
  return snippet.replace(/\s+/g, ' ');
}
