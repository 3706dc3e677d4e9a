import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { HelpRequest } from '../../contract/participation.js';
import { request } from './client.js';
import { keys } from './queries.js';

// Help requests ("I'm stuck on…") that others claim once and answer. The live event help.changed
// invalidates helpKeys.list(id) (app/live/useLiveInquiry.ts); when the stream is down, a change of the
// inquiry's polled lastSeq does the same.

const enc = encodeURIComponent;
type HelpList = { items: HelpRequest[]; nextCursor: null };

export const helpKeys = { list: (inquiryId: string) => ['help', inquiryId] as const };

export const helpApi = {
  list: (inquiryId: string, signal?: AbortSignal) =>
    request<HelpList>('GET', `/inquiries/${enc(inquiryId)}/help-requests`, undefined, signal),
  ask: (inquiryId: string, input: { body: string; contributionId?: string }) =>
    request<{ helpRequest: HelpRequest }>('POST', `/inquiries/${enc(inquiryId)}/help-requests`, input),
  claim: (id: string) => request<{ helpRequest: HelpRequest }>('POST', `/help-requests/${enc(id)}/claim`),
  answer: (id: string, answer: string) =>
    request<{ helpRequest: HelpRequest }>('POST', `/help-requests/${enc(id)}/answer`, { answer }),
};

export function useHelpRequests(inquiryId: string, lastSeq: number | undefined) {
  const qc = useQueryClient();
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    // The stream usually got here first; a read older than a moment is stale once the inquiry moved on.
    const before = seen.current;
    seen.current = lastSeq;
    if (before === undefined || lastSeq === undefined || before === lastSeq) return;
    const updated = qc.getQueryState(helpKeys.list(inquiryId))?.dataUpdatedAt ?? 0;
    if (Date.now() - updated > 1_500)
      void qc.invalidateQueries({ queryKey: helpKeys.list(inquiryId), exact: true });
  }, [lastSeq, inquiryId, qc]);
  return useQuery({
    queryKey: helpKeys.list(inquiryId),
    queryFn: ({ signal }) => helpApi.list(inquiryId, signal),
    staleTime: 0,
  });
}

export function useHelpMutations(inquiryId: string) {
  const qc = useQueryClient();
  const key = helpKeys.list(inquiryId);
  const put = (h: HelpRequest) =>
    qc.setQueryData<HelpList>(key, (old) =>
      old
        ? {
            ...old,
            items: old.items.some((x) => x.id === h.id)
              ? old.items.map((x) => (x.id === h.id ? h : x))
              : [...old.items, h],
          }
        : old,
    );
  const settle = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: key, exact: true }),
      // Answers count as help given in the people panels.
      qc.invalidateQueries({ queryKey: keys.people(inquiryId), exact: true }),
    ]);
  const ask = useMutation({
    mutationFn: (input: { body: string; contributionId?: string }) => helpApi.ask(inquiryId, input),
    onSuccess: ({ helpRequest }) => put(helpRequest),
    onSettled: settle,
  });
  const claim = useMutation({
    mutationFn: (id: string) => helpApi.claim(id),
    onSuccess: ({ helpRequest }) => put(helpRequest),
    onSettled: settle,
  });
  const answer = useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: string }) => helpApi.answer(id, answer),
    onSuccess: ({ helpRequest }) => put(helpRequest),
    onSettled: settle,
  });
  return { ask, claim, answer };
}
