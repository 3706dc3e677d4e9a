import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationList } from '../../contract/notifications.js';
import { request } from './client.js';

// The in-app inbox. There is no per-person live channel: the count is read again every so often, when
// the window regains focus, and when an open board's live stream says something happened that may have
// told me something (app/live/useLiveInquiry.ts invalidates notificationKeys.all).

export const notificationKeys = { all: ['notifications'] as const };

const REFRESH_MS = 30_000;
const PAGE = 30;

export const notificationApi = {
  list: (signal?: AbortSignal) =>
    request<NotificationList>('GET', `/notifications?limit=${PAGE}`, undefined, signal),
  markRead: (ids?: string[]) =>
    request<{ marked: number; unreadCount: number }>('POST', '/notifications/read', ids ? { ids } : {}),
};

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => notificationApi.list(signal),
    enabled,
    staleTime: 5_000,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** Marks some (or, without ids, all) read: shown at once, reconciled with the server's count. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => notificationApi.markRead(ids),
    onMutate: async (ids) => {
      await qc.cancelQueries({ queryKey: notificationKeys.all });
      const previous = qc.getQueryData<NotificationList>(notificationKeys.all);
      if (previous) {
        const at = new Date().toISOString();
        const marks = (id: string) => !ids || ids.includes(id);
        const newlyRead = previous.items.filter((n) => n.readAt === null && marks(n.id)).length;
        qc.setQueryData<NotificationList>(notificationKeys.all, {
          ...previous,
          items: previous.items.map((n) => (n.readAt === null && marks(n.id) ? { ...n, readAt: at } : n)),
          unreadCount: ids ? Math.max(0, previous.unreadCount - newlyRead) : 0,
        });
      }
      return { previous };
    },
    onSuccess: ({ unreadCount }) =>
      qc.setQueryData<NotificationList>(notificationKeys.all, (old) => (old ? { ...old, unreadCount } : old)),
    onError: (_e, _ids, ctx) => {
      if (ctx?.previous) qc.setQueryData(notificationKeys.all, ctx.previous);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
