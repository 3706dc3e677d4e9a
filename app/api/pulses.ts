import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Pulse,
  PulseList,
  PulseResponse,
  PulseResponseBody,
  PulseResults,
} from '../../contract/pulses.js';
import { isApiError, request } from './client.js';
import { useRefreshOnSeq } from './participation.js';

// The psychological-safety pulse as a participant sees it: the open pulses of an inquiry or of the team,
// whether I have answered (never what), and my answer sent once. Results exist only in aggregate.

const enc = encodeURIComponent;
type List = z.infer<typeof PulseList>;

export const pulsesApi = {
  inquiryPulses: (inquiryId: string, signal?: AbortSignal) =>
    request<List>('GET', `/inquiries/${enc(inquiryId)}/pulses`, undefined, signal),
  workspacePulses: (workspaceId: string, signal?: AbortSignal) =>
    request<List>('GET', `/workspaces/${enc(workspaceId)}/pulses`, undefined, signal),
  respond: (pulseId: string, body: z.input<typeof PulseResponseBody>) =>
    request<Partial<z.infer<typeof PulseResponse>> | undefined>(
      'POST',
      `/pulses/${enc(pulseId)}/responses`,
      body,
    ),
  results: (pulseId: string, signal?: AbortSignal) =>
    request<PulseResults>('GET', `/pulses/${enc(pulseId)}/results`, undefined, signal),
};

export const pulseKeys = {
  inquiry: (inquiryId: string) => ['pulses', 'inquiry', inquiryId] as const,
  workspace: (workspaceId: string) => ['pulses', 'workspace', workspaceId] as const,
  results: (pulseId: string) => ['pulses', 'results', pulseId] as const,
};

/** The inquiry's pulses; read again when the inquiry moves on (opening or closing one is an event). */
export function useInquiryPulses(inquiryId: string, lastSeq: number | undefined, enabled = true) {
  useRefreshOnSeq(pulseKeys.inquiry(inquiryId), lastSeq);
  return useQuery({
    queryKey: pulseKeys.inquiry(inquiryId),
    queryFn: ({ signal }) => pulsesApi.inquiryPulses(inquiryId, signal),
    refetchInterval: 60_000,
    enabled,
  });
}

/** The workspace's pulses: team pulses and those of inquiries I am in. */
export function useWorkspacePulses(workspaceId: string | undefined) {
  return useQuery({
    queryKey: pulseKeys.workspace(workspaceId ?? ''),
    queryFn: ({ signal }) => pulsesApi.workspacePulses(workspaceId ?? '', signal),
    refetchInterval: 60_000,
    enabled: !!workspaceId,
  });
}

export function isOpen(p: Pulse, now = Date.now()): boolean {
  return p.closedAt === null && (p.closesAt === null || Date.parse(p.closesAt) > now);
}

/**
 * Sends my answers. A 409 means I had already answered (in another tab, say): that is reported as such and
 * the pulse is marked answered all the same.
 */
export function useRespondPulse() {
  const qc = useQueryClient();
  const markAnswered = (pulseId: string) => {
    const patch = (old: List | undefined) =>
      old
        ? {
            ...old,
            items: old.items.map((p) =>
              p.id === pulseId && !p.answeredByMe
                ? { ...p, answeredByMe: true, responses: p.responses + 1 }
                : p,
            ),
          }
        : old;
    qc.setQueriesData<List>({ queryKey: ['pulses', 'inquiry'] }, patch);
    qc.setQueriesData<List>({ queryKey: ['pulses', 'workspace'] }, patch);
  };
  return useMutation({
    mutationFn: ({ pulseId, body }: { pulseId: string; body: z.input<typeof PulseResponseBody> }) =>
      pulsesApi.respond(pulseId, body),
    onSuccess: (_r, { pulseId }) => markAnswered(pulseId),
    onError: (e, { pulseId }) => {
      if (isApiError(e) && e.status === 409) markAnswered(pulseId);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['pulses'] }),
  });
}
