import { describe, expect, it } from 'vitest';
import {
  commentsVisible,
  DEFAULT_PULSE_THRESHOLD,
  effectiveThreshold,
  PULSE_STATEMENTS,
  pulseResults,
  resultsVisible,
  scoredAnswers,
  scorePulse,
  shuffled,
  sumAnswers,
} from './pulse.js';

const closed = (responses: number, threshold = 3) => ({ responses, threshold, closed: true });

describe('the scale', () => {
  it('has the seven Edmondson statements with 1, 3 and 5 reversed', () => {
    expect(PULSE_STATEMENTS).toHaveLength(7);
    expect(PULSE_STATEMENTS.filter((s) => s.reversed).map((s) => s.item)).toEqual([1, 3, 5]);
    expect(PULSE_STATEMENTS[3]?.statement).toBe('It is safe to take a risk on this team.');
  });

  it('turns reversed items around so 7 always means safer', () => {
    expect(scoredAnswers([7, 7, 7, 7, 7, 7, 7])).toEqual([1, 7, 1, 7, 1, 7, 7]);
    expect(scoredAnswers([1, 2, 3, 4, 5, 6, 7])).toEqual([7, 2, 5, 4, 3, 6, 7]);
  });

  it('refuses answers that are not seven integers from 1 to 7', () => {
    expect(() => scoredAnswers([1, 2, 3])).toThrow();
    expect(() => scoredAnswers([0, 2, 3, 4, 5, 6, 7])).toThrow();
    expect(() => scoredAnswers([1.5, 2, 3, 4, 5, 6, 7])).toThrow();
  });
});

describe('scoring', () => {
  it('averages each reverse-scored item and the seven item means', () => {
    // The safest possible answer and the least safe one.
    const safest = [1, 7, 1, 7, 1, 7, 7];
    const unsafe = [7, 1, 7, 1, 7, 1, 1];
    const result = scorePulse(sumAnswers([safest, unsafe, safest]));
    expect(result?.items.map((i) => i.mean)).toEqual(new Array(7).fill(5));
    expect(result?.score).toBe(5);
    const mixed = scorePulse(sumAnswers([[4, 6, 2, 5, 3, 6, 5]]));
    // Scored 4, 6, 6, 5, 5, 6, 5 → 37 / 7.
    expect(mixed?.score).toBeCloseTo(37 / 7, 12);
  });

  it('is null without answers', () => {
    expect(scorePulse(sumAnswers([]))).toBeNull();
  });
});

describe('threshold', () => {
  it('defaults to 5 and never goes below 3', () => {
    expect(DEFAULT_PULSE_THRESHOLD).toBe(5);
    expect(effectiveThreshold(undefined)).toBe(5);
    expect(effectiveThreshold(null)).toBe(5);
    expect(effectiveThreshold(1)).toBe(3);
    expect(effectiveThreshold(3)).toBe(3);
    expect(effectiveThreshold(8)).toBe(8);
  });

  it('shows figures only for a closed pulse with at least k answers', () => {
    expect(resultsVisible(closed(3, 3))).toBe(true);
    expect(resultsVisible(closed(2, 3))).toBe(false);
    expect(resultsVisible({ responses: 10, threshold: 3, closed: false })).toBe(false);
    // A stored threshold under the floor still needs three people.
    expect(resultsVisible(closed(2, 1))).toBe(false);
  });

  it('gives nulls below the threshold and figures from it on', () => {
    const answer = [2, 6, 2, 6, 2, 6, 6];
    const below = pulseResults(closed(2, 3), sumAnswers([answer, answer]), ['a', 'b']);
    expect(below).toEqual({ responses: 2, threshold: 3, score: null, items: null, comments: null });
    const open = pulseResults(
      { responses: 3, threshold: 3, closed: false },
      sumAnswers([answer, answer, answer]),
      [],
    );
    expect(open.score).toBeNull();
    const at = pulseResults(closed(3, 3), sumAnswers([answer, answer, answer]), ['a', 'b']);
    expect(at.score).toBe(6);
    expect(at.items).toHaveLength(7);
    // Two comments under a threshold of three stay hidden even though the figures show.
    expect(at.comments).toBeNull();
  });

  it('shows comments only with at least k of them, shuffled', () => {
    expect(commentsVisible(closed(4, 3), 2)).toBe(false);
    expect(commentsVisible(closed(4, 3), 3)).toBe(true);
    const answer = [4, 4, 4, 4, 4, 4, 4];
    const comments = ['one', 'two', 'three', 'four'];
    const result = pulseResults(
      closed(4, 3),
      sumAnswers([answer, answer, answer, answer]),
      comments,
      () => 0,
    );
    expect(result.comments).not.toBeNull();
    expect([...(result.comments ?? [])].sort()).toEqual([...comments].sort());
    expect(result.comments).not.toEqual(comments);
  });

  it('shuffles every element into the result once', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const items = Array.from({ length: 50 }, (_, i) => i);
    const out = shuffled(items, random);
    expect([...out].sort((a, b) => a - b)).toEqual(items);
    expect(out).not.toEqual(items);
  });
});
