import { describe, expect, it } from 'vitest';
import { parseRelatedText, parseSearchText } from './query.js';
import { bm25Scores } from './rank.js';

describe('bm25Scores', () => {
  it('ranks more occurrences higher, and a short text above a long one', () => {
    const [once, twice, long] = bm25Scores(
      ['pricing is late', 'pricing and pricing again', `pricing ${'filler '.repeat(60)}`],
      parseSearchText('pricing'),
    );
    expect(twice).toBeGreaterThan(once as number);
    expect(once).toBeGreaterThan(long as number);
  });

  it('weighs a rare word above a common one when any word may match', () => {
    const texts = ['market alpha', 'market beta', 'market gamma', 'kayak'];
    const scores = bm25Scores(texts, parseRelatedText('market kayak'));
    expect(scores[3]).toBeGreaterThan(scores[0] as number);
  });

  it('scores nothing for texts without the words', () => {
    expect(bm25Scores(['nothing here'], parseSearchText('pricing'))).toEqual([0]);
    expect(bm25Scores([], parseSearchText('pricing'))).toEqual([]);
  });
});
