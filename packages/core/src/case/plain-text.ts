const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/**
 * Turns an HTML message body into plain text: block elements become line breaks, quoted blocks
 * (`<blockquote>`, Gmail's `gmail_quote`) and scripts/styles are dropped, entities are decoded.
 *
 * @example htmlToText('<p>Hello&nbsp;<b>world</b></p>') // 'Hello world'
 */
export function htmlToText(html: string): string {
  // Tag patterns never cross a "<": linear on hostile input such as "<a <a <a …" without a closing ">".
  if (!/<[a-z!/][^<>]*>/i.test(html)) return decodeEntities(html);
  const text = html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<blockquote\b[\s\S]*?<\/blockquote>/gi, '')
    .replace(/<div[^<>]*class="[^"<>]*gmail_quote[^"<>]*"[\s\S]*$/i, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|pre|table)>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<[^<>]+>/g, '');
  return decodeEntities(text);
}

// A line that opens a quoted earlier message: everything from it on is the thread, not the new message.
const REPLY_HEADER = [
  /^On .{4,200}wrote:\s*$/, // Gmail, Apple Mail
  /^Am .{4,200}schrieb.{0,80}:\s*$/, // German Gmail/Outlook
  /^Le .{4,200}a écrit\s*:\s*$/,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Forwarded message|Weitergeleitete Nachricht)\s*-{2,}/i,
  /^_{10,}\s*$/, // Outlook separator line
  /^(From|Von|De):\s.+$/, // Outlook header block; only counts when a Sent/Gesendet line follows (checked below)
];

// A line that opens the sender's signature.
const SIGNATURE_START = [
  /^--\s?$/, // RFC 3676 delimiter "-- "
  /^Sent from my \w+/i,
  /^Von meinem \w+ gesendet/i,
  /^Get Outlook for /i,
];

const CLOSING =
  /^(best|kind|warm)?\s*(regards|wishes),?$|^(thanks|thank you|many thanks|cheers|sincerely|best),?$|^(mit )?(freundlichen|besten|vielen|liebe) (grüßen|grüssen|dank|grüße)\s*,?$|^(viele grüße|vg|lg|danke),?$/i;

function isReplyHeader(lines: string[], i: number): boolean {
  const line = (lines[i] ?? '').trim();
  for (const re of REPLY_HEADER) {
    if (!re.test(line)) continue;
    if (/^(From|Von|De):/.test(line)) {
      const next = lines.slice(i + 1, i + 4).join('\n');
      return /^(Sent|Gesendet|Date|Datum|Envoyé):/m.test(next);
    }
    return true;
  }
  return false;
}

/**
 * The new part of a customer's e-mail: drops quoted replies (`>` lines, "On … wrote:" and everything after),
 * forwarded headers, and the signature (after "-- ", "Sent from my…", or a closing such as "Best regards"
 * followed by no more than a few short lines).
 *
 * @example stripQuotedAndSignature('It fails.\n\nThanks,\nAnna\nACME Corp') // 'It fails.'
 */
export function stripQuotedAndSignature(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (isReplyHeader(lines, i) || SIGNATURE_START.some((re) => re.test(line))) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end).filter((line) => !/^\s*>/.test(line));
  // A closing phrase near the end: what follows is a name, a title, a phone number.
  for (let i = kept.length - 1; i >= 0 && i >= kept.length - 8; i--) {
    const line = (kept[i] ?? '').trim();
    if (CLOSING.test(line)) {
      const tail = kept.slice(i + 1).filter((l) => l.trim() !== '');
      if (tail.length <= 6 && tail.every((l) => l.trim().length <= 60)) kept.length = i;
      break;
    }
  }
  return kept.join('\n');
}

/**
 * The plain text of a customer's first message, as the scorer and the store want it:
 * HTML stripped, quoted replies and signature removed, whitespace tidied.
 *
 * @example firstMessageText('<p>Export fails with E42</p><blockquote>old</blockquote>') // 'Export fails with E42'
 */
export function firstMessageText(body: string): string {
  return stripQuotedAndSignature(htmlToText(body))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
