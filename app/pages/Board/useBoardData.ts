import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MutableRefObject, useEffect, useRef } from 'react';
import type { User } from '../../../contract/accounts.js';
import type {
  Contribution,
  CreateContributionBody,
  Link,
  UpdateContributionBody,
} from '../../../contract/contributions.js';
import { initialState } from '../../../domain/model.js';
import { api, type Board } from '../../api/endpoints.js';
import { keys } from '../../api/queries.js';

const POLL_MS = 4000;
const LIVE_POLL_MS = 15_000;
export const TEMP_PREFIX = 'temp-';
export const isTemp = (id: string) => id.startsWith(TEMP_PREFIX);

/**
 * The board's data. "Live enough": the inquiry is polled every 4 s, and when its lastActivityAt moves, the
 * contributions are fetched again (all pages, merged).
 */
export function useBoardQueries(inquiryId: string, liveUp: MutableRefObject<boolean>) {
  const qc = useQueryClient();
  const detail = useQuery({
    queryKey: keys.inquiry(inquiryId),
    queryFn: ({ signal }) => api.inquiry(inquiryId, signal),
    // While the live stream is open it triggers refetches itself; the poll is only a safety net then.
    refetchInterval: () => (liveUp.current ? LIVE_POLL_MS : POLL_MS),
    staleTime: 0,
  });
  const board = useQuery({
    queryKey: keys.contributions(inquiryId),
    queryFn: ({ signal }) => api.contributions(inquiryId, signal),
    staleTime: 0,
  });

  const last = detail.data?.inquiry.lastActivityAt;
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!last) return;
    // While one of my posts is in flight its own settle refetches; skipping avoids a flicker.
    const posting = qc.isMutating({ mutationKey: ['post', inquiryId] }) > 0;
    // While the live stream is up it applies every note and link change itself (app/live/board.ts).
    if (seen.current !== undefined && seen.current !== last && !posting && !liveUp.current) {
      void qc.invalidateQueries({ queryKey: keys.contributions(inquiryId), exact: true });
    }
    seen.current = last;
  }, [last, inquiryId, qc, liveUp]);

  return { detail, board };
}

let tempCounter = 0;

export interface PostInput {
  body: CreateContributionBody;
}

/** Posting, editing and deleting, each shown at once and reconciled with the server's answer. */
export function useBoardMutations(inquiryId: string, me: User | undefined) {
  const qc = useQueryClient();
  const key = keys.contributions(inquiryId);

  const patchBoard = (fn: (b: Board) => Board) => {
    qc.setQueryData<Board>(key, (old) => (old ? fn(old) : old));
  };
  const settle = () => qc.invalidateQueries({ queryKey: key, exact: true });

  const post = useMutation({
    mutationKey: ['post', inquiryId],
    mutationFn: ({ body }: PostInput & { tempId: string }) => api.createContribution(inquiryId, body),
    onMutate: async ({ body, tempId }) => {
      await qc.cancelQueries({ queryKey: key, exact: true });
      const now = new Date().toISOString();
      const temp: Contribution = {
        id: tempId,
        inquiryId,
        kind: body.kind,
        body: body.body,
        confidence: body.confidence ?? 'leaning',
        state: initialState(body.kind),
        anonymous: body.anonymous ?? false,
        author: me ? { id: me.id, name: me.name } : null,
        isMine: true,
        createdAt: now,
        updatedAt: now,
        perspective: null,
        acknowledgements: 0,
        acknowledgedByMe: false,
      };
      const tempLinks: Link[] = (body.links ?? []).map((l, i) => ({
        id: `${tempId}-link-${i}`,
        fromId: tempId,
        toId: l.toId,
        kind: l.kind,
        createdBy: me?.id ?? null,
        createdAt: now,
      }));
      patchBoard((b) => ({ items: [...b.items, temp], links: [...b.links, ...tempLinks] }));
    },
    onSuccess: ({ contribution }, { tempId }) => {
      patchBoard((b) => ({
        items: b.items.some((c) => c.id === contribution.id)
          ? b.items.filter((c) => c.id !== tempId)
          : b.items.map((c) => (c.id === tempId ? contribution : c)),
        links: b.links.map((l) => (l.fromId === tempId ? { ...l, fromId: contribution.id } : l)),
      }));
    },
    onError: (_e, { tempId }) => {
      patchBoard((b) => ({
        items: b.items.filter((c) => c.id !== tempId),
        links: b.links.filter((l) => l.fromId !== tempId),
      }));
    },
    onSettled: settle,
  });

  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateContributionBody }) =>
      api.updateContribution(id, body),
    onMutate: async ({ id, body }) => {
      await qc.cancelQueries({ queryKey: key, exact: true });
      const previous = qc.getQueryData<Board>(key);
      patchBoard((b) => ({
        ...b,
        items: b.items.map((c) =>
          c.id === id
            ? {
                ...c,
                body: body.body ?? c.body,
                confidence: body.confidence ?? c.confidence,
                state: body.state ?? c.state,
              }
            : c,
        ),
      }));
      return { previous };
    },
    onSuccess: ({ contribution }) => {
      patchBoard((b) => ({ ...b, items: b.items.map((c) => (c.id === contribution.id ? contribution : c)) }));
    },
    onError: (_e, _v, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
    },
    onSettled: settle,
  });

  const remove = useMutation({
    mutationFn: (id: string) => api.deleteContribution(id),
    onMutate: async (id) => {
      await qc.cancelQueries({ queryKey: key, exact: true });
      const previous = qc.getQueryData<Board>(key);
      patchBoard((b) => ({
        items: b.items.filter((c) => c.id !== id),
        links: b.links.filter((l) => l.fromId !== id && l.toId !== id),
      }));
      return { previous };
    },
    onError: (_e, _id, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
    },
    onSettled: settle,
  });

  const newTempId = () => {
    tempCounter += 1;
    return `${TEMP_PREFIX}${Date.now()}-${tempCounter}`;
  };

  return { post, update, remove, newTempId };
}
