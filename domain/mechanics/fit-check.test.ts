import { describe, expect, it } from 'vitest';
import {
  decideMode,
  FIT_QUESTIONS,
  FIT_REASONS,
  type FitAnswers,
  fitCheck,
  RECOMMENDATIONS,
  type Recommendation,
  STAKES,
  TIME_AVAILABLE,
  YES_NO,
} from './fit-check.js';

// A novel, ambiguous problem with time to work on it: the baseline each row changes a few answers of.
const novel: FitAnswers = {
  answerKnown: 'no',
  routine: 'no',
  newToEveryone: 'yes',
  goalUnclear: 'yes',
  needsPerspectives: 'yes',
  stakes: 'medium',
  time: 'weeks',
};
// Nobody has the answer, but there is exactly one sign of novelty: the tie-break rows start here.
const oneSignal: FitAnswers = { ...novel, newToEveryone: 'no', goalUnclear: 'no' };
const familiar: FitAnswers = { ...novel, newToEveryone: 'no', goalUnclear: 'no', needsPerspectives: 'no' };

const R = FIT_REASONS;

describe('fitCheck rules', () => {
  const rows: [string, Partial<FitAnswers>, Recommendation, string][] = [
    [
      'known and simple',
      { answerKnown: 'yes', routine: 'yes', newToEveryone: 'no', goalUnclear: 'no', needsPerspectives: 'no' },
      'individual',
      R.knownAndSimple,
    ],
    [
      'known, simple, even if it looked novel',
      { answerKnown: 'yes', routine: 'yes' },
      'individual',
      R.knownAndSimple,
    ],
    ['known but not simple', { answerKnown: 'yes', routine: 'no' }, 'cooperative', R.knownNotSimple],
    [
      'known answer, high stakes, weeks',
      { answerKnown: 'yes', stakes: 'high' },
      'cooperative',
      R.knownNotSimple,
    ],
    ['three signs of novelty', {}, 'collaborative', R.novel],
    ['two signs: new and unclear', { needsPerspectives: 'no' }, 'collaborative', R.novel],
    ['two signs: new and perspectives', { goalUnclear: 'no' }, 'collaborative', R.novel],
    ['two signs: unclear and perspectives', { newToEveryone: 'no' }, 'collaborative', R.novel],
    [
      'two signs beat routine and low stakes',
      { newToEveryone: 'no', routine: 'yes', stakes: 'low' },
      'collaborative',
      R.novel,
    ],
    ['three signs with only hours', { time: 'hours' }, 'collaborative', R.novel],
  ];
  it.each(rows)('%s', (_name, change, recommendation, decidingReason) => {
    const out = fitCheck({ ...novel, ...change });
    expect(out.recommendation).toBe(recommendation);
    expect(out.reasons[0]).toBe(decidingReason);
  });

  it('answers without any sign of novelty: routine → individual, otherwise cooperative', () => {
    expect(fitCheck({ ...familiar, routine: 'yes' })).toEqual({
      recommendation: 'individual',
      reasons: [R.familiarRoutine, R.meansIndividual],
    });
    expect(fitCheck(familiar)).toEqual({
      recommendation: 'cooperative',
      reasons: [R.familiarNotSimple, R.meansCooperative],
    });
  });

  it('quotes the article for a simple task with a known answer', () => {
    const out = fitCheck({ ...novel, answerKnown: 'yes', routine: 'yes' });
    expect(out.reasons.join(' ')).toContain(
      'If a task is simple and the answer is known then collaboration is just a waste of time',
    );
  });

  it('lists each sign of novelty that was answered yes, and only those', () => {
    expect(fitCheck(novel).reasons).toEqual([
      R.novel,
      R.newToEveryone,
      R.goalUnclear,
      R.needsPerspectives,
      R.meansCollaborative,
    ]);
    expect(fitCheck({ ...novel, goalUnclear: 'no' }).reasons).toEqual([
      R.novel,
      R.newToEveryone,
      R.needsPerspectives,
      R.meansCollaborative,
    ]);
  });

  it('warns when there are only hours but still recommends collaboration for a novel problem', () => {
    expect(fitCheck({ ...novel, time: 'hours' }).reasons).toContain(R.shortTimeCaution);
    expect(fitCheck(novel).reasons).not.toContain(R.shortTimeCaution);
  });

  it('cautions when the answer is known but the problem was also described as novel', () => {
    expect(fitCheck({ ...novel, answerKnown: 'yes' }).reasons).toEqual([
      R.knownNotSimple,
      R.knownButNovelCaution,
      R.meansCooperative,
    ]);
    expect(fitCheck({ ...familiar, answerKnown: 'yes' }).reasons).toEqual([
      R.knownNotSimple,
      R.meansCooperative,
    ]);
  });
});

describe('fitCheck tie-breaks (exactly one sign of novelty)', () => {
  const rows: [string, Partial<FitAnswers>, Recommendation, string][] = [
    [
      'high stakes wins over everything',
      { stakes: 'high', time: 'hours', routine: 'yes' },
      'collaborative',
      R.tieHighStakes,
    ],
    ['high stakes, weeks', { stakes: 'high' }, 'collaborative', R.tieHighStakes],
    ['only hours', { time: 'hours' }, 'cooperative', R.tieShortTime],
    [
      'only hours beats routine and low stakes',
      { time: 'hours', routine: 'yes', stakes: 'low' },
      'cooperative',
      R.tieShortTime,
    ],
    ['routine', { routine: 'yes' }, 'cooperative', R.tieRoutine],
    ['routine beats low stakes', { routine: 'yes', stakes: 'low' }, 'cooperative', R.tieRoutine],
    ['low stakes', { stakes: 'low' }, 'cooperative', R.tieLowStakes],
    ['medium stakes, weeks', {}, 'collaborative', R.tieDefault],
    ['medium stakes, days', { time: 'days' }, 'collaborative', R.tieDefault],
  ];
  it.each(rows)('%s', (_name, change, recommendation, tieReason) => {
    const out = fitCheck({ ...oneSignal, ...change });
    expect(out.recommendation).toBe(recommendation);
    expect(out.reasons[0]).toBe(R.mixed);
    expect(out.reasons[1]).toBe(R.needsPerspectives);
    expect(out.reasons).toContain(tieReason);
  });

  it('breaks the tie the same way whichever single sign it is', () => {
    for (const sign of ['newToEveryone', 'goalUnclear', 'needsPerspectives'] as const) {
      const one: FitAnswers = { ...familiar, [sign]: 'yes' };
      expect(fitCheck({ ...one, stakes: 'high' }).recommendation).toBe('collaborative');
      expect(fitCheck({ ...one, stakes: 'low' }).recommendation).toBe('cooperative');
    }
  });

  it('adds the short-time caution when high stakes win a tie with only hours', () => {
    expect(fitCheck({ ...oneSignal, stakes: 'high', time: 'hours' }).reasons).toContain(R.shortTimeCaution);
  });
});

/** Every possible set of answers: 2^5 × 3 × 3 = 288. */
function allAnswers(): FitAnswers[] {
  const out: FitAnswers[] = [];
  for (const answerKnown of YES_NO)
    for (const routine of YES_NO)
      for (const newToEveryone of YES_NO)
        for (const goalUnclear of YES_NO)
          for (const needsPerspectives of YES_NO)
            for (const stakes of STAKES)
              for (const time of TIME_AVAILABLE)
                out.push({
                  answerKnown,
                  routine,
                  newToEveryone,
                  goalUnclear,
                  needsPerspectives,
                  stakes,
                  time,
                });
  return out;
}

describe('fitCheck over every possible set of answers', () => {
  const everything = allAnswers();
  const rank = (r: Recommendation) => RECOMMENDATIONS.indexOf(r);
  const known = new Set<string>(Object.values(FIT_REASONS));

  it('always explains itself with known sentences, ending with what the recommendation means', () => {
    expect(everything).toHaveLength(288);
    for (const answers of everything) {
      const { recommendation, reasons } = fitCheck(answers);
      expect(reasons.length).toBeGreaterThanOrEqual(2);
      for (const reason of reasons) expect(known.has(reason)).toBe(true);
      const meaning = {
        individual: R.meansIndividual,
        cooperative: R.meansCooperative,
        collaborative: R.meansCollaborative,
      };
      expect(reasons.at(-1)).toBe(meaning[recommendation]);
    }
  });

  it('never recommends collaboration when the answer is known', () => {
    for (const a of everything.filter((a) => a.answerKnown === 'yes')) {
      expect(fitCheck(a).recommendation).not.toBe('collaborative');
    }
  });

  it('never moves away from collaboration when an answer makes the problem more novel or weightier', () => {
    const moreNovel: ((a: FitAnswers) => FitAnswers | null)[] = [
      (a) => (a.answerKnown === 'yes' ? { ...a, answerKnown: 'no' } : null),
      (a) => (a.routine === 'yes' ? { ...a, routine: 'no' } : null),
      (a) => (a.newToEveryone === 'no' ? { ...a, newToEveryone: 'yes' } : null),
      (a) => (a.goalUnclear === 'no' ? { ...a, goalUnclear: 'yes' } : null),
      (a) => (a.needsPerspectives === 'no' ? { ...a, needsPerspectives: 'yes' } : null),
      (a) =>
        a.stakes !== 'high'
          ? { ...a, stakes: STAKES[STAKES.indexOf(a.stakes) + 1] as FitAnswers['stakes'] }
          : null,
      (a) =>
        a.time !== 'weeks'
          ? { ...a, time: TIME_AVAILABLE[TIME_AVAILABLE.indexOf(a.time) + 1] as FitAnswers['time'] }
          : null,
    ];
    for (const a of everything) {
      for (const change of moreNovel) {
        const b = change(a);
        if (b)
          expect(rank(fitCheck(b).recommendation)).toBeGreaterThanOrEqual(rank(fitCheck(a).recommendation));
      }
    }
  });

  it('reaches every recommendation', () => {
    const seen = new Set(everything.map((a) => fitCheck(a).recommendation));
    expect([...seen].sort()).toEqual([...RECOMMENDATIONS].sort());
  });
});

describe('FIT_QUESTIONS', () => {
  it('asks about every answer once, in a fixed order, with non-empty texts', () => {
    expect(FIT_QUESTIONS.map((q) => q.id)).toEqual(Object.keys(novel));
    for (const q of FIT_QUESTIONS) {
      expect(q.text.trim()).not.toBe('');
      expect(q.help.trim()).not.toBe('');
    }
  });
  it('offers exactly the values the answers accept', () => {
    const values = (id: keyof FitAnswers) =>
      FIT_QUESTIONS.find((q) => q.id === id)?.options.map((o) => o.value);
    expect(values('answerKnown')).toEqual([...YES_NO]);
    expect(values('stakes')).toEqual([...STAKES]);
    expect(values('time')).toEqual([...TIME_AVAILABLE]);
  });
});

describe('decideMode', () => {
  it('needs no reason when the facilitator follows the recommendation', () => {
    expect(decideMode('collaborative', 'collaborative')).toEqual({
      ok: true,
      decision: {
        recommendation: 'collaborative',
        chosenMode: 'collaborative',
        overridden: false,
        overrideReason: null,
      },
    });
  });
  it('records an override with its reason, trimmed', () => {
    expect(decideMode('cooperative', 'collaborative', '  The board wants the whole team on it ')).toEqual({
      ok: true,
      decision: {
        recommendation: 'cooperative',
        chosenMode: 'collaborative',
        overridden: true,
        overrideReason: 'The board wants the whole team on it',
      },
    });
  });
  it('refuses an override without a real reason, also against an "individual" recommendation', () => {
    for (const reason of [undefined, null, '', '   ', 'because']) {
      const out = decideMode('individual', 'cooperative', reason);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.message).toMatch(/recommends individual.*cooperative.*reason/);
    }
  });
});
