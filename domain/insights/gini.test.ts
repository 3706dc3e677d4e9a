import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gini, topShare } from './gini.js';

describe('gini', () => {
  // Known values: equal shares, one voice among n, and textbook cases worked by hand from the mean absolute
  // difference definition G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ).
  const rows: [number[], number][] = [
    [[], 0],
    [[0, 0, 0], 0],
    [[5], 0],
    [[3, 3, 3, 3], 0],
    [[0, 0, 0, 1], 0.75],
    [[0, 10], 0.5],
    [[1, 2, 3, 4, 5], 4 / 15],
    [[1, 1, 2, 4], 5 / 16],
    [[2, 4, 6, 8], 0.25],
  ];
  it.each(rows)('gini(%j) = %d', (values, expected) => {
    expect(gini(values)).toBeCloseTo(expected, 10);
  });

  it('matches the mean absolute difference definition and stays within [0, (n-1)/n]', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 1, maxLength: 12 }), (xs) => {
        const n = xs.length;
        const total = xs.reduce((a, b) => a + b, 0);
        let diff = 0;
        for (const a of xs) for (const b of xs) diff += Math.abs(a - b);
        const expected = total === 0 ? 0 : diff / (2 * n * total);
        expect(gini(xs)).toBeCloseTo(expected, 9);
        expect(gini(xs)).toBeGreaterThanOrEqual(-1e-12);
        expect(gini(xs)).toBeLessThanOrEqual((n - 1) / n + 1e-12);
      }),
    );
  });

  it('does not depend on order or scale', () => {
    expect(gini([4, 1, 2, 1])).toBeCloseTo(gini([1, 1, 2, 4]), 12);
    expect(gini([10, 10, 20, 40])).toBeCloseTo(gini([1, 1, 2, 4]), 12);
  });
});

describe('topShare', () => {
  it('is the largest value over the total', () => {
    expect(topShare([])).toBe(0);
    expect(topShare([0, 0])).toBe(0);
    expect(topShare([6, 2, 2])).toBe(0.6);
    expect(topShare([1, 1, 1, 1])).toBe(0.25);
  });
});
