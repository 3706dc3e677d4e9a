import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions.js';

const people = [
  { id: 'maya', name: 'Maya Lindqvist' },
  { id: 'sam', name: 'Sam Okafor' },
  { id: 'sam2', name: 'Sam Berg' },
  { id: 'lena', name: 'Lena Fischer' },
];

describe('findMentions', () => {
  it('finds unique first names and bracketed full names, once each, in order', () => {
    expect(findMentions('@lena can you check? cc @Maya and @[Sam Okafor], @maya again', people)).toEqual([
      'lena',
      'maya',
      'sam',
    ]);
  });
  it('mentions nobody for an ambiguous first name or an unknown name', () => {
    expect(findMentions('@Sam what do you think? @Nobody', people)).toEqual([]);
  });
  it('ignores e-mail addresses and code', () => {
    expect(findMentions('mail lena@example.com or run `npm i @lena` and ```\n@maya\n```', people)).toEqual(
      [],
    );
  });
  it('accepts punctuation after a name', () => {
    expect(findMentions('Thanks, @Lena! And (@maya).', people)).toEqual(['lena', 'maya']);
  });
});
