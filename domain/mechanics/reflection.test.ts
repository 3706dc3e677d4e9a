import { describe, expect, it } from 'vitest';
import {
  concludeRule,
  isMostlyCopied,
  isReflectionComplete,
  MIN_TEACH_BACK_WORDS,
  NEEDS_REFLECTION,
  REFLECTION_FIELDS,
  type Reflection,
  reflectionProblems,
  reflectionReadiness,
} from './reflection.js';

const conclusion =
  'Aurora is failing because the price rise pushed small shops to the cheaper rival, not because of quality; we will test a smaller pack size in three regions.';
const ownWords =
  'Small shops stopped ordering Aurora after we raised the price, and they moved to the cheaper competitor. Quality was never the problem, so we are trying a smaller pack in three regions first.';

/** A complete reflection by `userId`, with any fields replaced. */
function reflection(userId: string, change: Partial<Reflection> = {}): Reflection {
  return {
    userId,
    learned: 'Our small-shop customers are far more price sensitive than we assumed.',
    stillUnclear: 'Whether the big chains will follow.',
    keep: 'Posting evidence before opinions.',
    change: 'Challenge each other earlier.',
    teachBack: ownWords,
    ...change,
  };
}

describe('reflectionProblems', () => {
  it('accepts a complete reflection in the writer’s own words', () => {
    expect(reflectionProblems(reflection('a'), conclusion)).toEqual([]);
    expect(isReflectionComplete(reflection('a'), conclusion)).toBe(true);
  });

  it.each(['learned', 'stillUnclear', 'keep', 'change'] as const)('requires %s to say something', (field) => {
    for (const empty of ['', '   ', '—', '\n\n']) {
      const problems = reflectionProblems(reflection('a', { [field]: empty }));
      expect(problems.map((p) => p.field)).toEqual([field]);
    }
  });

  it('accepts "Nothing" as what I still don’t understand', () => {
    expect(reflectionProblems(reflection('a', { stillUnclear: 'Nothing.' }))).toEqual([]);
  });

  it(`needs a teach-back of at least ${MIN_TEACH_BACK_WORDS} words, so "agree" is not an explanation`, () => {
    const [agree] = reflectionProblems(reflection('a', { teachBack: 'Agree' }));
    expect(agree?.field).toBe('teachBack');
    expect(agree?.message).toBe(
      'Your teach-back has 1 word; explain the conclusion in at least 20, as you would to a colleague who was not here.',
    );
    const nineteen = Array.from({ length: 19 }, (_, i) => `word${i}`).join(' ');
    expect(reflectionProblems(reflection('a', { teachBack: nineteen }))).toHaveLength(1);
    expect(reflectionProblems(reflection('a', { teachBack: `${nineteen} twenty` }))).toEqual([]);
    expect(reflectionProblems(reflection('a', { teachBack: '' }))[0]?.message).toMatch(
      /^Explain the conclusion/,
    );
  });

  it('refuses a teach-back that copies the conclusion, even behind "I agree"', () => {
    const copied = reflectionProblems(reflection('a', { teachBack: conclusion }), conclusion);
    expect(copied.map((p) => p.message)).toEqual([
      'Explain the conclusion in your own words rather than copying it.',
    ]);
    expect(
      reflectionProblems(reflection('a', { teachBack: `I agree: ${conclusion}` }), conclusion),
    ).toHaveLength(1);
    // Without the conclusion to compare with, only the length is checked.
    expect(reflectionProblems(reflection('a', { teachBack: conclusion }))).toEqual([]);
  });

  it('reports every missing field at once, in the order of the form', () => {
    const empty = { learned: '', stillUnclear: '', keep: '', change: '', teachBack: '' };
    expect(reflectionProblems(empty).map((p) => p.field)).toEqual(REFLECTION_FIELDS.map((f) => f.id));
  });
});

describe('isMostlyCopied', () => {
  it('tells pasting from paraphrase', () => {
    expect(isMostlyCopied(conclusion, conclusion)).toBe(true);
    expect(isMostlyCopied(conclusion.toUpperCase().replaceAll(',', ''), conclusion)).toBe(true);
    expect(isMostlyCopied(ownWords, conclusion)).toBe(false);
    expect(isMostlyCopied('', conclusion)).toBe(false);
    expect(isMostlyCopied('too short', 'too short')).toBe(false);
  });
});

describe('reflectionReadiness', () => {
  it('is ready when every participant has a complete reflection', () => {
    expect(reflectionReadiness(['a', 'b'], [reflection('b'), reflection('a')], conclusion)).toEqual({
      ready: true,
      missing: [],
    });
  });

  it('lists who is missing, in the participants’ order, with what each still needs', () => {
    const out = reflectionReadiness(
      ['a', 'b', 'c'],
      [reflection('c', { keep: '', teachBack: 'ok' }), reflection('a')],
    );
    expect(out.ready).toBe(false);
    expect(out.missing).toEqual([
      { userId: 'b', needs: [NEEDS_REFLECTION] },
      {
        userId: 'c',
        needs: [
          'name one thing to keep about how the group worked',
          'explain the conclusion in your own words (at least 20 words)',
        ],
      },
    ]);
  });

  it('ignores reflections of people who are not expected, and counts each person once', () => {
    const out = reflectionReadiness(['a', 'a'], [reflection('a'), reflection('outsider')]);
    expect(out).toEqual({ ready: true, missing: [] });
  });

  it('takes a person’s latest reflection', () => {
    expect(reflectionReadiness(['a'], [reflection('a'), reflection('a', { learned: '' })]).ready).toBe(false);
    expect(reflectionReadiness(['a'], [reflection('a', { learned: '' }), reflection('a')]).ready).toBe(true);
  });

  it('is trivially ready with nobody to wait for', () => {
    expect(reflectionReadiness([], [])).toEqual({ ready: true, missing: [] });
  });
});

describe('concludeRule', () => {
  const waiting = reflectionReadiness(['a', 'b'], [reflection('a')]);

  it('concludes when all reflections are in', () => {
    expect(concludeRule({ ready: true, missing: [] })).toEqual({ allowed: true, overridden: false });
  });
  it('refuses without a reason, saying how many it waits for', () => {
    expect(concludeRule(waiting)).toEqual({
      allowed: false,
      message: 'Waiting for 1 reflection; conclude anyway only with a recorded reason.',
      missing: [{ userId: 'b', needs: [NEEDS_REFLECTION] }],
    });
    expect(concludeRule(waiting, '  ').allowed).toBe(false);
  });
  it('concludes with a recorded reason, keeping who had not reflected', () => {
    expect(concludeRule(waiting, 'Bea left the company')).toEqual({
      allowed: true,
      overridden: true,
      reason: 'Bea left the company',
      missing: [{ userId: 'b', needs: [NEEDS_REFLECTION] }],
    });
  });
});
