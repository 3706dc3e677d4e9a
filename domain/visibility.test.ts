import { describe, expect, it } from 'vitest';
import { initialState, isValidState, statesFor } from './model.js';
import { isMine, visibleAuthorId } from './visibility.js';

describe('visibility', () => {
  it('hides an anonymous author from everyone but the author', () => {
    const note = { authorId: 'a', anonymous: true };
    expect(visibleAuthorId(note, 'a')).toBe('a');
    expect(visibleAuthorId(note, 'b')).toBeNull();
    expect(isMine(note, 'a')).toBe(true);
    expect(isMine(note, 'b')).toBe(false);
  });
  it('shows a named author to everyone', () => {
    expect(visibleAuthorId({ authorId: 'a', anonymous: false }, 'b')).toBe('a');
  });
});

describe('states', () => {
  it('gives assumptions and hypotheses a tested state and questions an answered state', () => {
    expect(initialState('assumption')).toBe('untested');
    expect(initialState('hypothesis')).toBe('untested');
    expect(initialState('question')).toBe('open');
    expect(initialState('idea')).toBeNull();
    expect(statesFor('evidence')).toEqual([]);
  });
  it('rejects a state that does not belong to the kind', () => {
    expect(isValidState('question', 'answered')).toBe(true);
    expect(isValidState('question', 'refuted')).toBe(false);
    expect(isValidState('idea', null)).toBe(true);
    expect(isValidState('assumption', null)).toBe(false);
  });
});
