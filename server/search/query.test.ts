import { describe, expect, it } from 'vitest';
import { MAX_TERMS, parseRelatedText, parseSearchText, toFts5, toTsquery } from './query.js';

describe('parseSearchText', () => {
  it('makes words, "phrases" and a prefix of the last word being typed', () => {
    const parsed = parseSearchText('Supplier "size chart" retur');
    expect(parsed.terms).toEqual([
      { words: ['supplier'], phrase: false, prefix: false },
      { words: ['size', 'chart'], phrase: true, prefix: false },
      { words: ['retur'], phrase: false, prefix: true },
    ]);
    expect(toFts5(parsed)).toBe('"supplier" AND "size chart" AND "retur" *');
    expect(toTsquery(parsed)).toBe("'supplier' & ('size' <-> 'chart') & 'retur':*");
  });

  it('has no prefix after a closing quote or on a one-letter word', () => {
    expect(parseSearchText('"size chart"').terms.map((t) => t.prefix)).toEqual([false]);
    expect(parseSearchText('returns a').terms.map((t) => t.prefix)).toEqual([false, false]);
  });

  it('reads an unclosed quote as words', () => {
    expect(parseSearchText('"size chart').terms).toEqual([
      { words: ['size'], phrase: false, prefix: false },
      { words: ['chart'], phrase: false, prefix: true },
    ]);
  });

  it('turns any syntax into plain words', () => {
    for (const input of [
      'AND OR NOT',
      'pric* NEAR(a b)',
      "o'brien : -x ^y",
      '(( ))',
      '\u0001\u0002',
      "'; drop table x; --",
    ]) {
      const parsed = parseSearchText(input);
      for (const term of parsed.terms)
        for (const word of term.words) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
      // Every word is quoted: outside the quotes there are only the operators we put there.
      expect(toFts5(parsed).replace(/"[^"]*"/g, '')).toMatch(/^(\s|AND|\*)*$/);
    }
    expect(parseSearchText('AND or').terms.map((t) => t.words[0])).toEqual(['and', 'or']);
    expect(toFts5(parseSearchText('AND or'))).toBe('"and" AND "or" *');
  });

  it('keeps letters of every script and digits, and drops repeats and excess terms', () => {
    expect(parseSearchText('Größe 42 größe').terms.map((t) => t.words[0])).toEqual(['größe', '42']);
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(parseSearchText(many).terms).toHaveLength(MAX_TERMS);
  });

  it('is empty for text without words', () => {
    expect(parseSearchText('').terms).toEqual([]);
    expect(parseSearchText('!!! -- ""').terms).toEqual([]);
  });
});

describe('parseRelatedText', () => {
  it('uses any significant word, without stop words or repeats', () => {
    const parsed = parseRelatedText('Why are the customers of the Aurora line leaving? Customers say price.');
    expect(parsed.mode).toBe('any');
    expect(parsed.terms.map((t) => t.words[0])).toEqual([
      'customers',
      'aurora',
      'line',
      'leaving',
      'say',
      'price',
    ]);
    expect(toFts5(parsed)).toBe('"customers" OR "aurora" OR "line" OR "leaving" OR "say" OR "price"');
    expect(toTsquery(parsed)).toBe("'customers' | 'aurora' | 'line' | 'leaving' | 'say' | 'price'");
  });
});
