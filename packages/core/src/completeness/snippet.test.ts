import { describe, expect, it } from 'vitest';
import { isWhiteSpace, snippetAround } from './snippet.js';

describe('snippetAround', () => {
  it('gives the sentence around a match, its white space collapsed', () => {
    expect(snippetAround('Hi. It fails with E42 on save. Thanks', 18, 3)).toBe('It fails with E42 on save.');
    expect(snippetAround('Hi.\u00a0It\tfails  with\u2003E42.\nBye', 18, 3)).toBe('It fails with E42.');
  });

  it('reads white space as /\\s/ does, for every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++)
      if (isWhiteSpace(c) !== /\s/.test(String.fromCharCode(c)))
        expect(c.toString(16)).toBe('read as /\\s/ reads it');
  });
});
