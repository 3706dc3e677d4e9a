import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuthProviders,
  CreateWorkspaceDomainBody,
  WorkspaceDomain,
  WorkspaceDomainList,
} from '../../contract/sso.js';
import { request } from './client.js';

// Single sign-on: whether it is on (for the sign-in page) and a workspace's sign-in domains (owners).

const enc = encodeURIComponent;
const domainsKey = (workspaceId: string) => ['workspaces', workspaceId, 'domains'] as const;

export function useAuthProviders() {
  return useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: ({ signal }) => request<AuthProviders>('GET', '/auth/providers', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** Where the browser goes to sign in with single sign-on: a full page load, not an API call. */
export function ssoStartHref(next: string | null): string {
  return `/api/auth/oidc/start${next ? `?returnTo=${enc(next)}` : ''}`;
}

export function useWorkspaceDomains(workspaceId: string) {
  return useQuery({
    queryKey: domainsKey(workspaceId),
    queryFn: ({ signal }) =>
      request<WorkspaceDomainList>('GET', `/workspaces/${enc(workspaceId)}/domains`, undefined, signal),
  });
}

export function useAddWorkspaceDomain(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWorkspaceDomainBody) =>
      request<{ domain: WorkspaceDomain }>('POST', `/workspaces/${enc(workspaceId)}/domains`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: domainsKey(workspaceId) }),
  });
}

export function useRemoveWorkspaceDomain(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (domainId: string) =>
      request<void>('DELETE', `/workspaces/${enc(workspaceId)}/domains/${enc(domainId)}`),
    onSettled: () => qc.invalidateQueries({ queryKey: domainsKey(workspaceId) }),
  });
}
