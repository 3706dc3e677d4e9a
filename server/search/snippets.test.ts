import { describe, expect, it } from 'vitest';
import { parseSearchText } from './query.js';
import { noteTitle, plain, roughStem, snippetOf } from './snippets.js';

const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');
const matched = (parts: { text: string; match: boolean }[]) =>
  parts.filter((p) => p.match).map((p) => p.text);

describe('snippetOf', () => {
  it('marks matched words as parts, stems included', () => {
    const parts = snippetOf('Pricing in Sweden is higher; prices rise.', parseSearchText('price'));
    expect(matched(parts)).toEqual(['Pricing', 'prices']);
    expect(text(parts)).toBe('Pricing in Sweden is higher; prices rise.');
  });

  it('marks the prefix being typed and every word of a phrase', () => {
    expect(matched(snippetOf('Distributors cover Norway.', parseSearchText('distrib')))).toEqual([
      'Distributors',
    ]);
    expect(matched(snippetOf('The size chart is wrong.', parseSearchText('"size chart"')))).toEqual(
      ['size chart'].flatMap((p) => p.split(' ')),
    );
  });

  it('cuts the passage with the matches out of a long text, with ellipses', () => {
    const long = `${'filler '.repeat(100)}the supplier changed ${'tail '.repeat(100)}`;
    const parts = snippetOf(long, parseSearchText('supplier'), 10);
    expect(matched(parts)).toEqual(['supplier']);
    expect(text(parts).startsWith('… ')).toBe(true);
    expect(text(parts).endsWith(' …')).toBe(true);
    expect(
      text(parts)
        .split(/\s+/)
        .filter((w) => /\w/.test(w)).length,
    ).toBeLessThanOrEqual(10);
  });

  it('shows the beginning without a query, and never markup or control characters', () => {
    expect(snippetOf('**Bold** claim with `code`\u0001 here', null)).toEqual([
      { text: 'Bold claim with code here', match: false },
    ]);
    expect(snippetOf('', parseSearchText('x'))).toEqual([]);
  });
});

describe('helpers', () => {
  it('stems roughly and titles notes by kind and first words', () => {
    expect(roughStem('pricing')).toBe('pric');
    expect(roughStem('prices')).toBe('pric');
    expect(plain('# Heading\n\nText')).toBe('Heading Text');
    expect(noteTitle('evidence', 'one two three four five six seven eight nine')).toBe(
      'Evidence: one two three four five six seven eight…',
    );
  });
});
