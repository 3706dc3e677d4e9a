import { useMutation, useQuery } from '@tanstack/react-query';
import type { User } from '../../contract/accounts.js';
import { request } from './client.js';

// Passwords: "forgot your password?" links and changing one's own.

const enc = encodeURIComponent;

export const passwordApi = {
  requestReset: (email: string) => request<{ valid: boolean }>('POST', '/auth/password-reset', { email }),
  checkReset: (token: string, signal?: AbortSignal) =>
    request<{ valid: boolean }>('GET', `/auth/password-reset/${enc(token)}`, undefined, signal),
  reset: (token: string, password: string) =>
    request<{ user: User }>('POST', `/auth/password-reset/${enc(token)}`, { password }),
  change: (body: { currentPassword?: string; newPassword: string }) =>
    request<void>('PUT', '/me/password', body),
};

export function useResetLink(token: string) {
  return useQuery({
    queryKey: ['password-reset', token],
    queryFn: ({ signal }) => passwordApi.checkReset(token, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: passwordApi.change });
}
