import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiTokenList, CreateApiTokenBody, CreatedApiToken } from '../../contract/tokens.js';
import { request } from './client.js';

const key = ['me', 'tokens'] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => request<ApiTokenList>('GET', '/me/tokens', undefined, signal),
  });
}

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => request<CreatedApiToken>('POST', '/me/tokens', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => request<void>('DELETE', `/me/tokens/${encodeURIComponent(tokenId)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
