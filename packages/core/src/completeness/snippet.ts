const MAX_SNIPPET = 160;

/**
 * Whether a UTF-16 code unit is white space as /\s/ reads it (ECMAScript's WhiteSpace and LineTerminator: tab to
 * carriage return, the space separators, U+FEFF), without a regex or a one-character string.
 */
export function isWhiteSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 160 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x3000 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x1680
  );
}

/** s.replace(/\s+/g, ' '), without the regex when there is nothing to replace (the common case). */
function collapseSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWhiteSpace(c) && (c !== 32 || isWhiteSpace(s.charCodeAt(i + 1)))) return s.replace(/\s+/g, ' ');
  }
  return s;
}

function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63; // . ! ?
}

/**
 * The sentence (or line) around a match, trimmed to at most 160 characters and centred on the match,
 * so that an agent sees why an item counts as present.
 *
 * @example snippetAround('Hi. It fails with E42 on save. Thanks', 18, 3) // 'It fails with E42 on save.'
 */
export function snippetAround(text: string, index: number, length: number): string {
  let start = index;
  while (start > 0 && index - start < MAX_SNIPPET) {
    const ch = text.charCodeAt(start - 1);
    if (ch === 10 || (endsSentence(ch) && isWhiteSpace(text.charCodeAt(start)))) break;
    start--;
  }
  let end = index + length;
  while (end < text.length && end - start < MAX_SNIPPET) {
    const ch = text.charCodeAt(end);
    end++;
    if (ch === 10) {
      end--;
      break;
    }
    if (endsSentence(ch) && (end >= text.length || isWhiteSpace(text.charCodeAt(end)))) break;
  }
  let snippet = text.slice(start, end).trim();
  if (snippet.length > MAX_SNIPPET) {
    const from = Math.max(0, index - start - 60);
    snippet = `…${snippet.slice(from, from + MAX_SNIPPET - 2).trim()}…`;
  }
  return collapseSpaces(snippet);
}
