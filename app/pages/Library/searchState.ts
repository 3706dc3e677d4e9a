import { type FacetValue, SearchQuery, type SearchResponse } from '../../../contract/library.js';
import type { SearchFilters } from '../../api/library.js';

// The library search as a person sets it up — words, filters, sort — and its round trip through the URL,
// so a search can be shared and the back button steps through it. Anything in the URL that the contract
// would refuse is dropped, never sent.

/** The filters that narrow the results (everything but the words and the order). */
export const FILTER_KEYS = [
  'source',
  'kind',
  'phase',
  'personId',
  'lens',
  'state',
  'inquiryId',
  'from',
  'to',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export type FacetName = keyof SearchResponse['facets'];
export const FACET_FILTER: Record<FacetName, FilterKey> = {
  source: 'source',
  kind: 'kind',
  phase: 'phase',
  person: 'personId',
  lens: 'lens',
  state: 'state',
};

const FIELDS = SearchQuery.shape;
const KEYS = ['q', ...FILTER_KEYS, 'sort'] as const;

/** The search a URL describes; unknown or invalid parameters are left out. */
export function filtersFromParams(params: URLSearchParams): SearchFilters {
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') continue;
    const parsed = FIELDS[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined && parsed.data !== '') out[key] = parsed.data;
  }
  return out as SearchFilters;
}

/** The URL parameters of a search: only what is set, in a stable order; the default sort is left out. */
export function paramsFromFilters(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value === undefined || value === '' || (key === 'sort' && value === 'relevance')) continue;
    params.set(key, String(value));
  }
  return params;
}

/** Whether anything narrows the search (words or a filter); without it the page shows the library. */
export function isSearching(filters: SearchFilters): boolean {
  return (filters.q ?? '').trim() !== '' || FILTER_KEYS.some((k) => filters[k] !== undefined);
}

export function activeFilterCount(filters: SearchFilters): number {
  return FILTER_KEYS.filter((k) => filters[k] !== undefined).length;
}

/** One-click searches for what is still open across the workspace. */
export const QUICK_FILTERS = [
  { id: 'open-assumptions', label: 'Open assumptions', set: { kind: 'assumption', state: 'untested' } },
  { id: 'open-questions', label: 'Open questions', set: { kind: 'question', state: 'open' } },
] as const satisfies readonly { id: string; label: string; set: Partial<SearchFilters> }[];

export function quickIsOn(filters: SearchFilters, quick: (typeof QUICK_FILTERS)[number]): boolean {
  return Object.entries(quick.set).every(([k, v]) => filters[k as FilterKey] === v);
}

/** Turns a one-click filter on (replacing kind and state) or off. */
export function toggleQuick(filters: SearchFilters, quick: (typeof QUICK_FILTERS)[number]): SearchFilters {
  const next = { ...filters };
  if (quickIsOn(filters, quick)) {
    for (const key of Object.keys(quick.set)) delete next[key as FilterKey];
    return next;
  }
  return { ...next, ...quick.set } as SearchFilters;
}

/** Sets one filter (undefined clears it). */
export function withFilter(filters: SearchFilters, key: FilterKey, value: string | undefined): SearchFilters {
  const next = { ...filters } as Record<string, unknown>;
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next as SearchFilters;
}

/** Clicking a facet value applies it; clicking the one already applied clears it. */
export function withFacet(filters: SearchFilters, facet: FacetName, value: FacetValue): SearchFilters {
  const key = FACET_FILTER[facet];
  return withFilter(filters, key, filters[key] === value.value ? undefined : value.value);
}

export function clearFilters(filters: SearchFilters): SearchFilters {
  return filters.q ? { q: filters.q, ...(filters.sort ? { sort: filters.sort } : {}) } : {};
}
