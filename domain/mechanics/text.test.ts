import { describe, expect, it } from 'vitest';
import { countWords, normalizeText, recordedReason } from './text.js';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['agree', 1],
    ['I agree — fully!', 3],
    ["we don't know yet", 4],
    ['Umsatz fällt, Kunden gehen', 4],
    ['- — … 👍', 0],
    ['3 stores, 12 weeks', 4],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('normalizeText', () => {
  it('ignores case, punctuation and layout', () => {
    expect(normalizeText('  The Aurora line\nis failing, because… PRICE!')).toBe(
      'the aurora line is failing because price',
    );
  });
});

describe('recordedReason', () => {
  it('accepts a reason of at least two words, trimmed', () => {
    expect(recordedReason('  Out of time ')).toBe('Out of time');
  });
  it.each([undefined, null, '', '   ', 'because', '— !'])('refuses %j', (reason) => {
    expect(recordedReason(reason)).toBeNull();
  });
});
