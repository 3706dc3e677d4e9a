import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationList } from '../../contract/notifications.js';
import { request } from './client.js';

// The in-app inbox. There is no per-person live channel: the count is read again every so often, when
// the window regains focus, and when an open board's live stream says something happened that may have
// told me something (app/live/useLiveInquiry.ts invalidates notificationKeys.all).

export const notificationKeys = { all: ['notifications'] as const };

const REFRESH_MS = 30_000;
const PAGE = 30;

export const notificationApi = {
  list: (cursor: string | null, signal?: AbortSignal) =>
    request<NotificationList>(
      'GET',
      `/notifications?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      undefined,
      signal,
    ),
  markRead: (ids?: string[]) =>
    request<{ marked: number; unreadCount: number }>('POST', '/notifications/read', ids ? { ids } : {}),
};

type Inbox = InfiniteData<NotificationList, string | null>;

/** The inbox, newest first, a page at a time ("Show older" loads the next); the unread count is the newest page's. */
export function useNotifications(enabled = true) {
  return useInfiniteQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ pageParam, signal }) => notificationApi.list(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    staleTime: 5_000,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** Every page of the inbox with `change` applied to each item and the unread count set. */
function updateInbox(
  inbox: Inbox,
  change: (n: NotificationList['items'][number]) => NotificationList['items'][number],
  unreadCount: number,
): Inbox {
  return {
    ...inbox,
    pages: inbox.pages.map((page) => ({ ...page, items: page.items.map(change), unreadCount })),
  };
}

/** Marks some (or, without ids, all) read: shown at once, reconciled with the server's count. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => notificationApi.markRead(ids),
    onMutate: async (ids) => {
      await qc.cancelQueries({ queryKey: notificationKeys.all });
      const previous = qc.getQueryData<Inbox>(notificationKeys.all);
      if (previous) {
        const at = new Date().toISOString();
        const marks = (id: string) => !ids || ids.includes(id);
        const items = previous.pages.flatMap((p) => p.items);
        const newlyRead = items.filter((n) => n.readAt === null && marks(n.id)).length;
        const unread = previous.pages[0]?.unreadCount ?? 0;
        qc.setQueryData<Inbox>(
          notificationKeys.all,
          updateInbox(
            previous,
            (n) => (n.readAt === null && marks(n.id) ? { ...n, readAt: at } : n),
            ids ? Math.max(0, unread - newlyRead) : 0,
          ),
        );
      }
      return { previous };
    },
    onSuccess: ({ unreadCount }) =>
      qc.setQueryData<Inbox>(notificationKeys.all, (old) =>
        old ? updateInbox(old, (n) => n, unreadCount) : old,
      ),
    onError: (_e, _ids, ctx) => {
      if (ctx?.previous) qc.setQueryData(notificationKeys.all, ctx.previous);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
