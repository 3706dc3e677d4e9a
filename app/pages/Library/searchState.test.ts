import { describe, expect, it } from 'vitest';
import {
  clearFilters,
  filtersFromParams,
  isSearching,
  paramsFromFilters,
  QUICK_FILTERS,
  quickIsOn,
  toggleQuick,
  withFacet,
} from './searchState.js';

const [openAssumptions, openQuestions] = QUICK_FILTERS;

describe('library search state', () => {
  it('reads a shared URL and writes the same one back', () => {
    const url = 'q=supplier+late&kind=assumption&state=untested&from=2026-11-01&sort=newest';
    const filters = filtersFromParams(new URLSearchParams(url));
    expect(filters).toEqual({
      q: 'supplier late',
      kind: 'assumption',
      state: 'untested',
      from: '2026-11-01',
      sort: 'newest',
    });
    expect(paramsFromFilters(filters).toString()).toBe(
      'q=supplier+late&kind=assumption&state=untested&from=2026-11-01&sort=newest',
    );
  });

  it('drops what the API would refuse, and the default sort', () => {
    const filters = filtersFromParams(
      new URLSearchParams('kind=rumour&phase=concluded&from=yesterday&personId=nope&sort=relevance&x=1'),
    );
    expect(filters).toEqual({ phase: 'concluded', sort: 'relevance' });
    expect(paramsFromFilters(filters).toString()).toBe('phase=concluded');
  });

  it('browses the library until words or a filter narrow it', () => {
    expect(isSearching({})).toBe(false);
    expect(isSearching({ q: '  ' })).toBe(false);
    expect(isSearching({ q: 'print' })).toBe(true);
    expect(isSearching({ kind: 'idea' })).toBe(true);
  });

  it('toggles one-click filters, one replacing the other', () => {
    if (!openAssumptions || !openQuestions) throw new Error('no quick filters');
    const on = toggleQuick({ q: 'price' }, openAssumptions);
    expect(on).toEqual({ q: 'price', kind: 'assumption', state: 'untested' });
    expect(quickIsOn(on, openAssumptions)).toBe(true);
    const other = toggleQuick(on, openQuestions);
    expect(other).toEqual({ q: 'price', kind: 'question', state: 'open' });
    expect(quickIsOn(other, openAssumptions)).toBe(false);
    expect(toggleQuick(other, openQuestions)).toEqual({ q: 'price' });
  });

  it('applies a facet value, and clears it on a second click', () => {
    const person = { value: '01a22400-e0a4-70ab-aad4-bc2186f929b1', label: 'Mia', count: 3 };
    const applied = withFacet({ q: 'x' }, 'person', person);
    expect(applied).toEqual({ q: 'x', personId: person.value });
    expect(withFacet(applied, 'person', person)).toEqual({ q: 'x' });
    expect(clearFilters({ ...applied, kind: 'idea', sort: 'newest' })).toEqual({ q: 'x', sort: 'newest' });
  });
});
