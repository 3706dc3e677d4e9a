import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  UnderstandingCheck,
  UnderstandingCheckList,
  UnderstandingCheckResponse,
  UnderstandingResponseBody,
} from '../../contract/insights.js';
import { request } from './client.js';
import { useRefreshOnSeq } from './participation.js';

// The shared-understanding check as a participant sees it: the inquiry's checks, each with my own answer
// only (never anyone else's), and my answer saved or changed while the check is open.

const enc = encodeURIComponent;

export const understandingApi = {
  checks: (inquiryId: string, signal?: AbortSignal) =>
    request<z.infer<typeof UnderstandingCheckList>>(
      'GET',
      `/inquiries/${enc(inquiryId)}/understanding`,
      undefined,
      signal,
    ),
  respond: (checkId: string, body: z.input<typeof UnderstandingResponseBody>) =>
    request<z.infer<typeof UnderstandingCheckResponse>>(
      'PUT',
      `/understanding/${enc(checkId)}/response`,
      body,
    ),
};

export const understandingKey = (inquiryId: string) => ['understanding', inquiryId] as const;

/** The inquiry's checks; read again when the inquiry moves on (a check opens or closes with an event). */
export function useUnderstandingChecks(inquiryId: string, lastSeq: number | undefined) {
  useRefreshOnSeq(understandingKey(inquiryId), lastSeq);
  return useQuery({
    queryKey: understandingKey(inquiryId),
    queryFn: ({ signal }) => understandingApi.checks(inquiryId, signal),
    staleTime: 0,
    refetchInterval: 60_000,
  });
}

/** The open check, if any (the newest open one when there are several). */
export function openCheck(checks: UnderstandingCheck[] | undefined): UnderstandingCheck | undefined {
  return checks?.filter((c) => c.closedAt === null).sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0];
}

export function useRespondUnderstanding(inquiryId: string) {
  const qc = useQueryClient();
  const key = understandingKey(inquiryId);
  return useMutation({
    mutationFn: ({ checkId, body }: { checkId: string; body: z.input<typeof UnderstandingResponseBody> }) =>
      understandingApi.respond(checkId, body),
    onSuccess: ({ check }) =>
      qc.setQueryData<z.infer<typeof UnderstandingCheckList>>(key, (old) =>
        old ? { ...old, items: old.items.map((c) => (c.id === check.id ? check : c)) } : old,
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: key, exact: true }),
  });
}
