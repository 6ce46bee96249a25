import { describe, expect, it } from 'vitest';
import { csvObjects, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const text = '\ufeffa,b,c\r\n1,"x, ""y""","multi\nline"\r\n2,,\n';
    expect([...parseCsv(text)].map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', 'multi\nline'],
      ['2', '', ''],
    ]);
  });
  it('numbers data rows after the header and skips blank lines as objects', () => {
    expect([...csvObjects('h1,h2\nA,B\n\nC,D')]).toEqual([
      { row: 1, record: { h1: 'A', h2: 'B' } },
      { row: 3, record: { h1: 'C', h2: 'D' } },
    ]);
  });
  it('survives an unterminated quote', () => {
    expect([...parseCsv('a\n"open')].map((r) => r.fields)).toEqual([['a'], ['open']]);
  });
});
