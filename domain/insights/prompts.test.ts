import { describe, expect, it } from 'vitest';
import { DEFAULT_PROMPTS, fillPrompt, RULE_PLACEHOLDERS, unknownPlaceholders } from './prompts.js';
import { INSIGHT_RULES } from './rules.js';
import { excerpt } from './text.js';

describe('the prompt library', () => {
  it('has a question for every rule, using only placeholders the rule can fill', () => {
    for (const rule of INSIGHT_RULES) {
      const prompt = DEFAULT_PROMPTS[rule];
      expect(prompt.text).toMatch(/\?/);
      expect(unknownPlaceholders(rule, prompt.text)).toEqual([]);
      // A prompt for one person needs someone to address.
      if (prompt.addressedTo === 'person') expect(RULE_PLACEHOLDERS[rule]).toContain('person');
    }
  });

  it('refuses placeholders a rule cannot fill', () => {
    expect(unknownPlaceholders('no_challenges', 'What about {note} and {person}?')).toEqual([
      '{note}',
      '{person}',
    ]);
    expect(unknownPlaceholders('unheard_lens', '{person}, the {lens} side? {nope}')).toEqual(['{nope}']);
  });

  it('fills what it has and says something plain for what it has not', () => {
    expect(fillPrompt('{person}, how does {lens} see {note}?', { person: '@[Ann Lee]', note: '“X”' })).toBe(
      '@[Ann Lee], how does your see “X”?',
    );
    expect(fillPrompt('Keep {other}', {})).toBe('Keep {other}');
  });

  it('quotes a note by its first line without Markdown', () => {
    expect(excerpt('# Title with `code`\nrest')).toBe('Title with code');
    expect(excerpt('See [the report](https://x.example) **now**')).toBe('See the report now');
    expect(excerpt('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
