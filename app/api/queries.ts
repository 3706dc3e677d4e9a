import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from './client.js';
import { api } from './endpoints.js';

export const keys = {
  me: ['me'] as const,
  workspace: (id: string) => ['workspace', id] as const,
  invitations: (id: string) => ['workspace', id, 'invitations'] as const,
  inquiries: (id: string) => ['workspace', id, 'inquiries'] as const,
  invitation: (token: string) => ['invitation', token] as const,
  inquiry: (id: string) => ['inquiry', id] as const,
  contributions: (id: string) => ['inquiry', id, 'contributions'] as const,
  /** Refreshed by the live events commitments.changed / subtasks.changed (app/live/useLiveInquiry.ts). */
  commitments: (id: string) => ['commitments', id] as const,
  subtasks: (id: string) => ['subtasks', id] as const,
  people: (id: string) => ['people', id] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A 4xx will not get better by asking again.
        retry: (count, e) => !(isApiError(e) && e.status >= 400 && e.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
}

export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: ({ signal }) => api.me(signal), staleTime: 60_000 });
}

export function useWorkspace(id: string) {
  return useQuery({ queryKey: keys.workspace(id), queryFn: ({ signal }) => api.workspace(id, signal) });
}

export function useInquiries(workspaceId: string) {
  return useQuery({
    queryKey: keys.inquiries(workspaceId),
    queryFn: ({ signal }) => api.inquiries(workspaceId, signal),
    refetchInterval: 30_000,
  });
}

export function useInvitations(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.invitations(workspaceId),
    queryFn: ({ signal }) => api.invitations(workspaceId, signal),
    enabled,
  });
}

/** The role the signed-in person has in a workspace, from /me; undefined while loading or when not a member. */
export function useMyRole(workspaceId: string | undefined) {
  const me = useMe();
  return me.data?.workspaces.find((w) => w.id === workspaceId)?.role;
}

/** Opens the caller's own copy of the demo workspace, then goes there. */
export function useOpenDemo(go: (workspaceId: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.openDemo(),
    onSuccess: async ({ workspace }) => {
      await qc.invalidateQueries({ queryKey: keys.me });
      go(workspace.id);
    },
  });
}
