import { describe, expect, it } from 'vitest';
import { initialOrder, move } from './ranking.js';

describe('initialOrder', () => {
  it('starts from the check’s order when nothing is saved', () => {
    expect(initialOrder(['a', 'b', 'c'], undefined)).toEqual(['a', 'b', 'c']);
  });

  it('keeps my saved order, drops items that left and appends new ones', () => {
    expect(initialOrder(['a', 'b', 'c', 'd'], ['c', 'x', 'a'])).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('move', () => {
  it('moves an item up and down', () => {
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });

  it('clamps at the ends and ignores an index outside the list', () => {
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 3, 0)).toEqual(['a', 'b']);
  });
});
