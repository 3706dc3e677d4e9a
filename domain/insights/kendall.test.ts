import { describe, expect, it } from 'vitest';
import { averageRanks, itemAgreement, kendallW, randomRankSpread, tieCorrection } from './kendall.js';

// Known values: ProofWiki's worked example (4 judges, 3 competitors, W = 1/16); a tied example worked by
// hand below (W = 10/11) and checked against SciPy's tie-corrected Friedman statistic, W = χ²/(n(m − 1)).

describe('averageRanks and tieCorrection', () => {
  it('gives tied scores the mean of their positions', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 2])).toEqual([3, 1, 2]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
  });
  it('sums t³ − t over each group of ties', () => {
    expect(tieCorrection([1, 2, 3])).toBe(0);
    expect(tieCorrection([1.5, 1.5, 3])).toBe(6);
    expect(tieCorrection([2, 2, 2, 4])).toBe(24);
    expect(tieCorrection([1.5, 1.5, 3.5, 3.5])).toBe(12);
  });
});

describe("Kendall's W", () => {
  it('matches the textbook example without ties (W = 1/16)', () => {
    // Judges A–D rank competitors X, Y, Z.
    const judges = [
      [1, 3, 2],
      [1, 2, 3],
      [2, 3, 1],
      [3, 1, 2],
    ];
    const result = kendallW(judges);
    expect(result.s).toBe(2);
    expect(result.w).toBeCloseTo(1 / 16, 12);
  });

  it('corrects for ties (W = 10/11)', () => {
    // Rank sums 5.5, 7, 11.5, 17.5, 18.5 around 12: S = 140; ties Σ(t³ − t) = 6 + 6 + 0 + 6 = 18;
    // W = 12·140 / (4²·(125 − 5) − 4·18) = 1680 / 1848.
    const rankings = [
      [1, 2.5, 2.5, 4, 5],
      [1.5, 1.5, 3, 4, 5],
      [2, 1, 3, 5, 4],
      [1, 2, 3, 4.5, 4.5],
    ];
    const result = kendallW(rankings);
    expect(result.s).toBe(140);
    expect(result.w).toBeCloseTo(10 / 11, 12);
    // Without the correction it would be 1680 / 1920 = 0.875.
    expect(result.w).not.toBeCloseTo(0.875, 3);
  });

  it('corrects for a three-way tie (W = 360/432, SciPy: 0.8333…)', () => {
    const result = kendallW([
      [1.5, 1.5, 3.5, 3.5],
      [2, 2, 2, 4],
      [1, 2, 3, 4],
    ]);
    expect(result.w).toBeCloseTo(360 / 432, 12);
  });

  it('re-ranks raw scores, so scores and ranks give the same W', () => {
    expect(
      kendallW([
        [10, 20, 20, 40, 50],
        [3, 3, 7, 8, 9],
        [2, 1, 3, 5, 4],
        [0, 1, 2, 6, 6],
      ]).w,
    ).toBeCloseTo(10 / 11, 12);
  });

  it('is 1 when everyone agrees and 0 when two people rank in opposite orders', () => {
    expect(
      kendallW([
        [1, 2, 3, 4],
        [1, 2, 3, 4],
        [1, 2, 3, 4],
      ]).w,
    ).toBe(1);
    expect(
      kendallW([
        [1, 2, 3, 4],
        [4, 3, 2, 1],
      ]).w,
    ).toBe(0);
  });

  it('is null with fewer than two raters, fewer than two items, or nothing but ties', () => {
    expect(kendallW([[1, 2, 3]]).w).toBeNull();
    expect(kendallW([]).w).toBeNull();
    expect(kendallW([[1], [1]]).w).toBeNull();
    expect(
      kendallW([
        [1, 1, 1],
        [2, 2, 2],
      ]).w,
    ).toBeNull();
  });

  it('refuses rows of different lengths', () => {
    expect(() =>
      kendallW([
        [1, 2],
        [1, 2, 3],
      ]),
    ).toThrow();
  });
});

describe('item agreement', () => {
  it('gives mean rank and spread per item, and flags the items the group is split on', () => {
    // Everyone puts item 0 first; item 1 and 2 are top for half the group and bottom for the other half.
    const items = itemAgreement([
      [1, 2, 3],
      [1, 3, 2],
      [1, 2, 3],
      [1, 3, 2],
    ]);
    expect(items.map((i) => i.meanRank)).toEqual([1, 2.5, 2.5]);
    expect(items[0]).toMatchObject({ spread: 0, split: false });
    expect(items[1]?.spread).toBeCloseTo(0.5, 12);
    // 0.5 is less than random ranks over 3 items would spread (0.816): a difference, not a split.
    expect(items[1]?.split).toBe(false);
  });

  it('calls an item split when its ranks spread as much as random ones would', () => {
    expect(randomRankSpread(3)).toBeCloseTo(Math.sqrt(8 / 12), 12);
    const items = itemAgreement([
      [1, 2, 3],
      [3, 2, 1],
      [1, 2, 3],
      [3, 2, 1],
    ]);
    expect(items.map((i) => i.split)).toEqual([true, false, true]);
    // Two items, the group split half and half: the near miss (3 to 1) is not a split.
    expect(
      itemAgreement([
        [1, 2],
        [2, 1],
      ]).map((i) => i.split),
    ).toEqual([true, true]);
    expect(
      itemAgreement([
        [1, 2],
        [1, 2],
        [1, 2],
        [2, 1],
      ]).map((i) => i.split),
    ).toEqual([false, false]);
  });
});
