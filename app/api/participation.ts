import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Contribution } from '../../contract/contributions.js';
import type { InquiryDetail } from '../../contract/inquiries.js';
import type { Commitment, Subtask } from '../../contract/participation.js';
import { api, type Board } from './endpoints.js';
import { keys } from './queries.js';

// Participation and accountability: each person's panel, lenses, "this helped me", commitments and the
// subtasks of a cooperative inquiry. The live stream invalidates ['commitments', id] and ['subtasks', id]
// (useLiveInquiry.ts); when it is down, a change of the inquiry's lastSeq (polled) does the same.

/** Data older than this when the inquiry's lastSeq moves is read again (fresher data came from the stream). */
const FRESH_MS = 1_500;

/** Reads `key` again whenever the inquiry's newest event changes, unless it was read just now. */
export function useRefreshOnSeq(key: QueryKey, lastSeq: number | undefined) {
  const qc = useQueryClient();
  const seen = useRef<number | undefined>(undefined);
  // The key is rebuilt each render; its content is what matters.
  const keyText = JSON.stringify(key);
  useEffect(() => {
    if (lastSeq === undefined) return;
    const before = seen.current;
    seen.current = lastSeq;
    if (before === undefined || before === lastSeq) return;
    const parsed = JSON.parse(keyText) as QueryKey;
    const updated = qc.getQueryState(parsed)?.dataUpdatedAt ?? 0;
    if (Date.now() - updated > FRESH_MS) void qc.invalidateQueries({ queryKey: parsed, exact: true });
  }, [lastSeq, keyText, qc]);
}

export function usePeople(inquiryId: string, lastSeq: number | undefined) {
  useRefreshOnSeq(keys.people(inquiryId), lastSeq);
  return useQuery({
    queryKey: keys.people(inquiryId),
    queryFn: ({ signal }) => api.people(inquiryId, signal),
    staleTime: 0,
  });
}

export function useCommitments(inquiryId: string, lastSeq: number | undefined, enabled = true) {
  useRefreshOnSeq(keys.commitments(inquiryId), lastSeq);
  return useQuery({
    queryKey: keys.commitments(inquiryId),
    queryFn: ({ signal }) => api.commitments(inquiryId, signal),
    staleTime: 0,
    enabled,
  });
}

export function useSubtasks(inquiryId: string, lastSeq: number | undefined, enabled = true) {
  useRefreshOnSeq(keys.subtasks(inquiryId), lastSeq);
  return useQuery({
    queryKey: keys.subtasks(inquiryId),
    queryFn: ({ signal }) => api.subtasks(inquiryId, signal),
    staleTime: 0,
    enabled,
  });
}

type CommitmentPatch = Parameters<typeof api.updateCommitment>[1];
type SubtaskPatch = Parameters<typeof api.updateSubtask>[1];

export function useCommitmentMutations(inquiryId: string) {
  const qc = useQueryClient();
  const key = keys.commitments(inquiryId);
  const settle = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: key, exact: true }),
      qc.invalidateQueries({ queryKey: keys.people(inquiryId), exact: true }),
    ]);
  const patchList = (fn: (items: Commitment[]) => Commitment[]) =>
    qc.setQueryData<{ items: Commitment[]; nextCursor: null }>(key, (old) =>
      old ? { ...old, items: fn(old.items) } : old,
    );

  const create = useMutation({
    mutationFn: (body: Parameters<typeof api.createCommitment>[1]) => api.createCommitment(inquiryId, body),
    onSuccess: ({ commitment }) =>
      patchList((items) => [...items.filter((c) => c.id !== commitment.id), commitment]),
    onSettled: settle,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: CommitmentPatch }) => api.updateCommitment(id, body),
    onMutate: async ({ id, body }) => {
      await qc.cancelQueries({ queryKey: key, exact: true });
      const previous = qc.getQueryData(key);
      // Status, text and date show at once; a new owner's name comes with the answer.
      patchList((items) =>
        items.map((c) =>
          c.id === id
            ? {
                ...c,
                text: body.text ?? c.text,
                status: body.status ?? c.status,
                dueDate: body.dueDate === undefined ? c.dueDate : body.dueDate,
              }
            : c,
        ),
      );
      return { previous };
    },
    onSuccess: ({ commitment }) =>
      patchList((items) => items.map((c) => (c.id === commitment.id ? commitment : c))),
    onError: (_e, _v, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
    },
    onSettled: settle,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.deleteCommitment(id),
    onMutate: async (id) => {
      await qc.cancelQueries({ queryKey: key, exact: true });
      const previous = qc.getQueryData(key);
      patchList((items) => items.filter((c) => c.id !== id));
      return { previous };
    },
    onError: (_e, _v, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
    },
    onSettled: settle,
  });
  return { create, update, remove };
}

export function useSubtaskMutations(inquiryId: string) {
  const qc = useQueryClient();
  const key = keys.subtasks(inquiryId);
  const settle = () => qc.invalidateQueries({ queryKey: key, exact: true });
  const patchList = (fn: (items: Subtask[]) => Subtask[]) =>
    qc.setQueryData<{ items: Subtask[]; nextCursor: null }>(key, (old) =>
      old ? { ...old, items: fn(old.items) } : old,
    );

  const create = useMutation({
    mutationFn: (body: Parameters<typeof api.createSubtask>[1]) => api.createSubtask(inquiryId, body),
    onSuccess: ({ subtask }) => patchList((items) => [...items.filter((s) => s.id !== subtask.id), subtask]),
    onSettled: settle,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: SubtaskPatch }) => api.updateSubtask(id, body),
    onMutate: async ({ id, body }) => {
      await qc.cancelQueries({ queryKey: key, exact: true });
      const previous = qc.getQueryData(key);
      patchList((items) =>
        items.map((s) =>
          s.id === id
            ? {
                ...s,
                title: body.title ?? s.title,
                detail: body.detail ?? s.detail,
                status: body.status ?? s.status,
                result: body.result ?? s.result,
                dueDate: body.dueDate === undefined ? s.dueDate : body.dueDate,
              }
            : s,
        ),
      );
      return { previous };
    },
    onSuccess: ({ subtask }) => patchList((items) => items.map((s) => (s.id === subtask.id ? subtask : s))),
    onError: (_e, _v, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
    },
    onSettled: settle,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.deleteSubtask(id),
    onMutate: async (id) => {
      await qc.cancelQueries({ queryKey: key, exact: true });
      const previous = qc.getQueryData(key);
      patchList((items) => items.filter((s) => s.id !== id));
      return { previous };
    },
    onError: (_e, _v, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
    },
    onSettled: settle,
  });
  return { create, update, remove };
}

/** "This helped me": shown at once on the board's cached note, reconciled with the server's answer. */
export function useAcknowledge(inquiryId: string) {
  const qc = useQueryClient();
  const key = keys.contributions(inquiryId);
  const patchNote = (id: string, fn: (c: Contribution) => Contribution) =>
    qc.setQueryData<Board>(key, (b) =>
      b ? { ...b, items: b.items.map((c) => (c.id === id ? fn(c) : c)) } : b,
    );
  return useMutation({
    mutationKey: ['acknowledge', inquiryId],
    mutationFn: ({ id, on }: { id: string; on: boolean }) => api.acknowledge(id, on),
    onMutate: async ({ id, on }) => {
      await qc.cancelQueries({ queryKey: key, exact: true });
      let before: Contribution | undefined;
      patchNote(id, (c) => {
        before = c;
        if (c.acknowledgedByMe === on) return c;
        return {
          ...c,
          acknowledgedByMe: on,
          acknowledgements: Math.max(0, c.acknowledgements + (on ? 1 : -1)),
        };
      });
      return { before };
    },
    onSuccess: ({ contribution }) => patchNote(contribution.id, () => contribution),
    onError: (_e, { id }, ctx) => {
      const before = ctx?.before;
      if (before) patchNote(id, () => before);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: keys.people(inquiryId), exact: true }),
  });
}

/** The facilitator gives a participant a lens (or takes it away). */
export function useSetPerspective(inquiryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, perspective }: { userId: string; perspective: string | null }) =>
      api.setPerspective(inquiryId, userId, perspective),
    onSuccess: (detail) => {
      qc.setQueryData<InquiryDetail>(keys.inquiry(inquiryId), (old) => (old ? { ...old, ...detail } : old));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: keys.people(inquiryId), exact: true }),
  });
}
