import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../contract/insights.js';
import {
  agreementWords,
  borderPoint,
  circleLayout,
  circleRadius,
  groupBySeverity,
  plainMentions,
  timelineRows,
} from './consoleModel.js';

function finding(id: string, severity: Finding['severity']): Finding {
  return {
    id,
    rule: 'untested_assumption',
    severity,
    explanation: '',
    subjects: [],
    question: '',
    addressedTo: null,
    promptId: null,
    asked: null,
  };
}

describe('groupBySeverity', () => {
  it('puts alerts first, then warnings, then information, keeping the order within each', () => {
    const groups = groupBySeverity([
      finding('a', 'info'),
      finding('b', 'alert'),
      finding('c', 'warning'),
      finding('d', 'alert'),
    ]);
    expect(groups.map((g) => [g.severity, g.findings.map((f) => f.id)])).toEqual([
      ['alert', ['b', 'd']],
      ['warning', ['c']],
      ['info', ['a']],
    ]);
  });

  it('has no group for a severity without findings', () => {
    expect(groupBySeverity([finding('a', 'warning')]).map((g) => g.severity)).toEqual(['warning']);
    expect(groupBySeverity([])).toEqual([]);
  });
});

describe('timelineRows', () => {
  it('makes one row per bucket, oldest first, with a column per person and zeros where they were quiet', () => {
    const rows = timelineRows(
      {
        timeline: [
          {
            start: '2026-01-02T00:00:00.000Z',
            userId: 'u1',
            contributions: 2,
            buildOns: 1,
            acknowledgements: 0,
          },
          {
            start: '2026-01-01T00:00:00.000Z',
            userId: 'u2',
            contributions: 1,
            buildOns: 0,
            acknowledgements: 3,
          },
          {
            start: '2026-01-02T00:00:00.000Z',
            userId: 'u2',
            contributions: 4,
            buildOns: 2,
            acknowledgements: 1,
          },
        ],
      },
      'contributions',
      ['u1', 'u2'],
    );
    expect(rows).toEqual([
      { start: '2026-01-01T00:00:00.000Z', u1: 0, u2: 1 },
      { start: '2026-01-02T00:00:00.000Z', u1: 2, u2: 4 },
    ]);
  });

  it('reads the chosen metric', () => {
    const rows = timelineRows(
      {
        timeline: [
          {
            start: '2026-01-01T00:00:00.000Z',
            userId: 'u1',
            contributions: 2,
            buildOns: 1,
            acknowledgements: 5,
          },
        ],
      },
      'acknowledgements',
      ['u1'],
    );
    expect(rows[0]?.u1).toBe(5);
  });
});

describe('circleLayout', () => {
  it('starts at the top and spaces the points evenly on the radius', () => {
    const points = circleLayout(4, 100);
    expect(points).toEqual([
      { x: 0, y: -100 },
      { x: 100, y: 0 },
      { x: 0, y: 100 },
      { x: -100, y: 0 },
    ]);
  });

  it('puts a single person in the middle', () => {
    expect(circleLayout(1, 100)).toEqual([{ x: 0, y: 0 }]);
  });

  it('grows the circle with the number of people so nodes do not overlap', () => {
    const width = 140;
    for (const n of [2, 5, 12, 30]) {
      const r = circleRadius(n, width);
      const [a, b] = circleLayout(n, r);
      if (!a || !b) throw new Error('two points expected');
      expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(width);
    }
  });
});

describe('agreementWords', () => {
  it('says when there is nothing to compare yet, and grades agreement from none to full', () => {
    expect(agreementWords(null)).toMatch(/Not enough rankings/);
    expect(agreementWords(0.05)).toMatch(/Hardly any agreement/);
    expect(agreementWords(0.5)).toMatch(/Moderate/);
    expect(agreementWords(0.95)).toMatch(/Very strong/);
  });
});

describe('borderPoint', () => {
  it('leaves a box through the side facing the other point', () => {
    expect(borderPoint({ x: 0, y: 0 }, { x: 100, y: 0 }, 40, 20)).toEqual({ x: 20, y: 0 });
    expect(borderPoint({ x: 0, y: 0 }, { x: 0, y: -100 }, 40, 20)).toEqual({ x: 0, y: -10 });
    // Diagonal: the short side is hit first.
    expect(borderPoint({ x: 0, y: 0 }, { x: 100, y: 100 }, 40, 20)).toEqual({ x: 10, y: 10 });
  });

  it('moves to the right of the line, so A→B and B→A are drawn apart', () => {
    const ab = borderPoint({ x: 0, y: 0 }, { x: 100, y: 0 }, 40, 20, 5);
    const ba = borderPoint({ x: 100, y: 0 }, { x: 0, y: 0 }, 40, 20, 5);
    expect(ab.y).toBe(5);
    expect(ba.y).toBe(-5);
  });

  it('stays put when both points are the same', () => {
    expect(borderPoint({ x: 3, y: 4 }, { x: 3, y: 4 }, 40, 20)).toEqual({ x: 3, y: 4 });
  });
});

describe('plainMentions', () => {
  it('shows a full-name mention as the name, and leaves other brackets alone', () => {
    expect(plainMentions('@[Sam Okafor], how does this look? See [the note](x).')).toBe(
      '@Sam Okafor, how does this look? See [the note](x).',
    );
  });
});
