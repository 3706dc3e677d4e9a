import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  LibraryCard,
  LibraryList,
  RelatedResponse,
  SearchQuery,
  SearchResponse,
} from '../../contract/library.js';
import { request } from './client.js';

// The team's library (#6): concluded inquiries as cards, full-text search over everything the viewer may
// see, and suggestions of past inquiries while a new one is framed.

const enc = encodeURIComponent;

/** A query string from the set values only (an empty string or undefined is left out). */
function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export type SearchFilters = Omit<SearchQuery, 'limit' | 'cursor'>;

export const libraryApi = {
  library: (workspaceId: string, cursor?: string, limit?: number, signal?: AbortSignal) =>
    request<LibraryList>(
      'GET',
      `/workspaces/${enc(workspaceId)}/library${queryString({ cursor, limit })}`,
      undefined,
      signal,
    ),
  card: (inquiryId: string, signal?: AbortSignal) =>
    request<{ card: LibraryCard }>('GET', `/inquiries/${enc(inquiryId)}/card`, undefined, signal),
  search: (workspaceId: string, filters: SearchFilters, cursor?: string, signal?: AbortSignal) =>
    request<SearchResponse>(
      'GET',
      `/workspaces/${enc(workspaceId)}/search${queryString({ ...filters, cursor })}`,
      undefined,
      signal,
    ),
  related: (workspaceId: string, text: string, signal?: AbortSignal) =>
    request<RelatedResponse>(
      'GET',
      `/workspaces/${enc(workspaceId)}/related${queryString({ text, limit: 5 })}`,
      undefined,
      signal,
    ),
};

export const libraryKeys = {
  library: (workspaceId: string, limit?: number) =>
    ['workspace', workspaceId, 'library', limit ?? 20] as const,
  card: (inquiryId: string) => ['inquiry', inquiryId, 'card'] as const,
  search: (workspaceId: string, filters: SearchFilters) =>
    ['workspace', workspaceId, 'search', filters] as const,
  related: (workspaceId: string, text: string) => ['workspace', workspaceId, 'related', text] as const,
};

/** The workspace's concluded inquiries as cards, a page at a time. */
export function useLibrary(
  workspaceId: string,
  { limit, enabled = true }: { limit?: number; enabled?: boolean } = {},
) {
  return useInfiniteQuery({
    queryKey: libraryKeys.library(workspaceId, limit),
    queryFn: ({ pageParam, signal }) => libraryApi.library(workspaceId, pageParam, limit, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: enabled && !!workspaceId,
  });
}

export function useLibraryCard(inquiryId: string | undefined) {
  return useQuery({
    queryKey: libraryKeys.card(inquiryId ?? ''),
    queryFn: ({ signal }) => libraryApi.card(inquiryId ?? '', signal),
    enabled: !!inquiryId,
  });
}

/** Search results, a page at a time; the previous results stay on screen while the next query runs. */
export function useSearch(workspaceId: string, filters: SearchFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: libraryKeys.search(workspaceId, filters),
    queryFn: ({ pageParam, signal }) => libraryApi.search(workspaceId, filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: enabled && !!workspaceId,
  });
}

/** Past inquiries and open questions on the theme of `text` (already debounced by the caller). */
export function useRelated(workspaceId: string, text: string) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: libraryKeys.related(workspaceId, trimmed),
    queryFn: ({ signal }) => libraryApi.related(workspaceId, trimmed.slice(0, 2_000), signal),
    enabled: !!workspaceId && trimmed.length >= 3,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
