import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPreferences } from '../../contract/notifications.js';
import { request } from './client.js';

const key = ['me', 'notification-preferences'] as const;
type Response = { preferences: NotificationPreferences };

export function useNotificationPreferences() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => request<Response>('GET', '/me/notification-preferences', undefined, signal),
  });
}

export function useSaveNotificationPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferences) =>
      request<Response>('PUT', '/me/notification-preferences', body),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
}
