import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, LIVE_BACKOFF } from './backoff.js';

describe('live backoff', () => {
  it('doubles from one second and stops at thirty', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 12, 100].map((n) => backoffCeiling(n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('spreads each delay between half the ceiling and the ceiling', () => {
    expect(backoffDelay(0, () => 0)).toBe(1_000);
    expect(backoffDelay(0, () => 1)).toBe(500);
    expect(backoffDelay(3, () => 0.5)).toBe(6_000);
    for (let attempt = 0; attempt < 12; attempt++) {
      for (let i = 0; i < 50; i++) {
        const d = backoffDelay(attempt);
        const ceiling = backoffCeiling(attempt);
        expect(d).toBeGreaterThanOrEqual(ceiling * (1 - LIVE_BACKOFF.jitter));
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('never waits less for a later attempt than the earliest of the one before (monotone floor)', () => {
    for (let attempt = 1; attempt < 10; attempt++) {
      expect(backoffDelay(attempt, () => 1)).toBeGreaterThanOrEqual(backoffDelay(attempt - 1, () => 1));
    }
  });

  it('tolerates a random source outside [0, 1]', () => {
    expect(backoffDelay(0, () => -3)).toBe(1_000);
    expect(backoffDelay(0, () => 7)).toBe(500);
  });
});
