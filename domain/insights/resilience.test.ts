import { describe, expect, it } from 'vitest';
import { awayFrom, busFactor, canExplain, holdersOf, workspaceKnowledge } from './resilience.js';

describe('who can explain', () => {
  it('counts a teach-back, or contributing and endorsing together', () => {
    expect(canExplain(['taught_back'])).toBe(true);
    expect(canExplain(['contributed', 'endorsed'])).toBe(true);
    // Near misses: one of the pair alone is not enough.
    expect(canExplain(['contributed'])).toBe(false);
    expect(canExplain(['endorsed'])).toBe(false);
    expect(canExplain([])).toBe(false);
  });

  it('gathers each person once with all their reasons, explainers first', () => {
    const holders = holdersOf({
      contributed: ['ann', 'bob', 'ann'],
      endorsed: ['bob', 'cat'],
      taughtBack: ['dan'],
    });
    expect(holders).toEqual([
      { userId: 'bob', reasons: ['contributed', 'endorsed'], canExplain: true },
      { userId: 'dan', reasons: ['taught_back'], canExplain: true },
      { userId: 'ann', reasons: ['contributed'], canExplain: false },
      { userId: 'cat', reasons: ['endorsed'], canExplain: false },
    ]);
  });
});

describe('bus factor and away', () => {
  const inquiry = holdersOf({
    contributed: ['fac', 'ann', 'bob'],
    endorsed: ['fac', 'ann'],
    taughtBack: ['cat'],
  });
  const conclusion = holdersOf({ contributed: ['fac'], endorsed: ['fac', 'ann'], taughtBack: [] });
  const subjects = [
    { subject: 'inquiry', holders: inquiry },
    { subject: 'conclusion', holders: conclusion },
  ];

  it('is the number of people who can explain it', () => {
    // fac and ann contributed and endorsed, cat taught it back; bob only contributed.
    expect(busFactor(inquiry)).toBe(3);
    expect(busFactor(conclusion)).toBe(1);
    expect(busFactor(holdersOf({ contributed: ['x'], endorsed: [], taughtBack: [] }))).toBe(0);
  });

  it('drops by one for each explainer away, and not at all for anyone else', () => {
    expect(busFactor(inquiry, new Set(['fac']))).toBe(2);
    expect(busFactor(inquiry, new Set(['bob']))).toBe(3);
    expect(busFactor(inquiry, new Set(['fac', 'ann', 'cat']))).toBe(0);
  });

  it('says what nobody could explain with the facilitator away', () => {
    expect(awayFrom(subjects, 'fac')).toEqual({ userId: 'fac', busFactorAfter: 2, lost: ['conclusion'] });
    expect(awayFrom(subjects, 'ann')).toEqual({ userId: 'ann', busFactorAfter: 2, lost: [] });
    expect(awayFrom(subjects, 'bob')).toEqual({ userId: 'bob', busFactorAfter: 3, lost: [] });
  });

  it('does not call lost what nobody could explain to begin with', () => {
    const nobody = [
      { subject: 'inquiry', holders: holdersOf({ contributed: ['a'], endorsed: [], taughtBack: [] }) },
    ];
    expect(awayFrom(nobody, 'a')).toEqual({ userId: 'a', busFactorAfter: 0, lost: [] });
  });
});

describe('across the workspace', () => {
  it('finds topics resting on one person, single points of failure and away impacts', () => {
    const view = workspaceKnowledge([
      { id: 'pricing', explainers: ['ann'] },
      { id: 'nordics', explainers: ['ann', 'bob'] },
      { id: 'returns', explainers: ['bob'] },
      { id: 'hiring', explainers: ['cat', 'dan', 'bob'] },
      { id: 'draft', explainers: [] },
    ]);
    expect(view.topics.map((t) => [t.id, t.busFactor])).toEqual([
      ['draft', 0],
      ['pricing', 1],
      ['returns', 1],
      ['nordics', 2],
      ['hiring', 3],
    ]);
    expect(view.singlePointsOfFailure).toEqual([
      { userId: 'ann', topics: ['pricing'] },
      { userId: 'bob', topics: ['returns'] },
    ]);
    expect(view.away).toEqual([
      { userId: 'ann', busFactorAfter: 0, lost: ['pricing'] },
      { userId: 'bob', busFactorAfter: 0, lost: ['returns'] },
      { userId: 'cat', busFactorAfter: 2, lost: [] },
      { userId: 'dan', busFactorAfter: 2, lost: [] },
    ]);
  });

  it('has no single point of failure when every topic has two explainers (near miss)', () => {
    const view = workspaceKnowledge([
      { id: 'a', explainers: ['x', 'y'] },
      { id: 'b', explainers: ['y', 'z'] },
    ]);
    expect(view.singlePointsOfFailure).toEqual([]);
    expect(view.away.every((a) => a.lost.length === 0 && a.busFactorAfter === 1)).toBe(true);
  });
});
