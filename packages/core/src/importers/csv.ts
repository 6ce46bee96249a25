/** One CSV record: its 1-based data row number (the header is row 0) and its fields. */
export interface CsvRecord {
  row: number;
  fields: string[];
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF),
 * yielding one record at a time so that a large file is never held as rows in memory.
 *
 * @example [...parseCsv('a,b\n1,"x, y"\n')] // [{ row: 0, fields: ['a','b'] }, { row: 1, fields: ['1','x, y'] }]
 */
export function* parseCsv(text: string): Generator<CsvRecord> {
  let row = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  const n = text.length;
  while (i < n) {
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            value += text.slice(i);
            i = n;
            break;
          }
          value += text.slice(i, q);
          if (text[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Anything between the closing quote and the delimiter is kept, as lenient parsers do.
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      } else {
        let j = i;
        while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      break;
    }
    if (fields.length === 1 && fields[0] === '' && i >= n) break; // trailing newline
    yield { row: row++, fields };
  }
}

/**
 * CSV records as objects keyed by the header, skipping blank lines.
 *
 * @example for (const { row, record } of csvObjects(text)) console.log(row, record['Ticket ID']);
 */
export function* csvObjects(text: string): Generator<{ row: number; record: Record<string, string> }> {
  let header: string[] | null = null;
  for (const { row, fields } of parseCsv(text)) {
    if (header === null) {
      header = fields.map((h) => h.trim());
      continue;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    const record: Record<string, string> = {};
    header.forEach((h, k) => {
      record[h] = fields[k] ?? '';
    });
    yield { row, record };
  }
}
