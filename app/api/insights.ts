import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import type { Contribution } from '../../contract/contributions.js';
import type {
  Finding,
  InsightsResponse,
  OpenUnderstandingBody,
  UnderstandingCheck,
  WorkspaceResilience,
} from '../../contract/insights.js';
import type { Pulse } from '../../contract/pulses.js';
import { request } from './client.js';
import { pulseKeys, pulsesApi } from './pulses.js';
import { understandingApi, understandingKey } from './understanding.js';

// The facilitator's console (#5) and the workspace's knowledge resilience: findings and their one-click
// questions, participation, resilience, the shared-understanding check and the psychological-safety pulse
// as the facilitator runs them. (Answering a pulse or a check is the participant's side, elsewhere.)

const enc = encodeURIComponent;

export interface AskResult {
  contribution: Contribution;
  finding: Finding;
}

export const insightsApi = {
  insights: (inquiryId: string, signal?: AbortSignal) =>
    request<InsightsResponse>('GET', `/inquiries/${enc(inquiryId)}/insights`, undefined, signal),
  /** Posts the finding's suggested question into the inquiry as a question, addressed as the finding says. */
  ask: (inquiryId: string, findingId: string) =>
    request<AskResult>('POST', `/inquiries/${enc(inquiryId)}/insights/ask`, { findingId }),
  workspaceResilience: (workspaceId: string, signal?: AbortSignal) =>
    request<WorkspaceResilience>('GET', `/workspaces/${enc(workspaceId)}/resilience`, undefined, signal),

  openPulse: (inquiryId: string) =>
    request<{ pulse: Pulse }>('POST', `/inquiries/${enc(inquiryId)}/pulses`, { closesAt: null }),
  closePulse: (pulseId: string) => request<{ pulse: Pulse }>('POST', `/pulses/${enc(pulseId)}/close`),

  openUnderstanding: (inquiryId: string, body: z.input<typeof OpenUnderstandingBody>) =>
    request<{ check: UnderstandingCheck }>('POST', `/inquiries/${enc(inquiryId)}/understanding`, body),
  closeUnderstanding: (checkId: string) =>
    request<{ check: UnderstandingCheck }>('POST', `/understanding/${enc(checkId)}/close`),
};

export const insightKeys = {
  insights: (inquiryId: string) => ['insights', inquiryId] as const,
  workspaceResilience: (workspaceId: string) => ['workspace', workspaceId, 'resilience'] as const,
};

/** A burst of events (a busy room, a replay) costs one read of the console, not one per event. */
const SETTLE_MS = 800;

/**
 * Reads `key` again once the inquiry's newest event (`lastSeq`, kept current by the live stream or the
 * poll) has moved and then stayed put for a moment.
 */
export function useRefetchOnSeq(key: QueryKey, lastSeq: number | undefined, settleMs = SETTLE_MS) {
  const qc = useQueryClient();
  const seen = useRef<number | undefined>(undefined);
  const keyText = JSON.stringify(key);
  useEffect(() => {
    if (lastSeq === undefined) return;
    const before = seen.current;
    seen.current = lastSeq;
    if (before === undefined || before === lastSeq) return;
    const t = setTimeout(() => {
      void qc.invalidateQueries({ queryKey: JSON.parse(keyText) as QueryKey, exact: true });
    }, settleMs);
    return () => clearTimeout(t);
  }, [lastSeq, keyText, qc, settleMs]);
}

export function useInsights(inquiryId: string, lastSeq: number | undefined, enabled = true) {
  useRefetchOnSeq(insightKeys.insights(inquiryId), lastSeq);
  return useQuery({
    queryKey: insightKeys.insights(inquiryId),
    queryFn: ({ signal }) => insightsApi.insights(inquiryId, signal),
    enabled,
    staleTime: 0,
    // Time-based rules (a question open "for a while") fire without any event: look again now and then.
    refetchInterval: 60_000,
  });
}

/** One click: the finding's question is posted, and the finding shows it as asked at once. */
export function useAskFinding(inquiryId: string) {
  const qc = useQueryClient();
  const key = insightKeys.insights(inquiryId);
  return useMutation({
    mutationFn: (findingId: string) => insightsApi.ask(inquiryId, findingId),
    onSuccess: ({ finding }) =>
      qc.setQueryData<InsightsResponse>(key, (old) =>
        old ? { ...old, findings: old.findings.map((f) => (f.id === finding.id ? finding : f)) } : old,
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: key, exact: true }),
  });
}

export function useWorkspaceResilience(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: insightKeys.workspaceResilience(workspaceId),
    queryFn: ({ signal }) => insightsApi.workspaceResilience(workspaceId, signal),
    enabled,
  });
}

/** The inquiry's pulses, under the participant side's key (app/api/pulses.ts), read again as events arrive. */
export function usePulses(inquiryId: string, lastSeq: number | undefined, enabled = true) {
  useRefetchOnSeq(pulseKeys.inquiry(inquiryId), lastSeq);
  return useQuery({
    queryKey: pulseKeys.inquiry(inquiryId),
    queryFn: ({ signal }) => pulsesApi.inquiryPulses(inquiryId, signal),
    enabled,
    staleTime: 0,
    // Answers carry no event that could time or name them, so the count is polled.
    refetchInterval: 15_000,
  });
}

export function usePulseResults(
  pulseId: string | undefined,
  responses: number | undefined,
  closedAt: string | null | undefined,
) {
  return useQuery({
    // The count and the closing are part of the key: a new answer, or closing (which is what makes the
    // figures visible), is a new result to read.
    queryKey: [...pulseKeys.results(pulseId ?? ''), responses ?? 0, closedAt ?? 'open'],
    queryFn: ({ signal }) => pulsesApi.results(pulseId ?? '', signal),
    enabled: !!pulseId,
  });
}

export function usePulseMutations(inquiryId: string) {
  const qc = useQueryClient();
  const settle = () => qc.invalidateQueries({ queryKey: pulseKeys.inquiry(inquiryId), exact: true });
  const open = useMutation({ mutationFn: () => insightsApi.openPulse(inquiryId), onSettled: settle });
  const close = useMutation({
    mutationFn: (pulseId: string) => insightsApi.closePulse(pulseId),
    // Closing is what makes the figures visible: read the results again, whatever the count.
    onSettled: (_r, _e, pulseId) =>
      Promise.all([settle(), qc.invalidateQueries({ queryKey: pulseKeys.results(pulseId) })]),
  });
  return { open, close };
}

export function useUnderstandingMutations(inquiryId: string) {
  const qc = useQueryClient();
  const settle = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: understandingKey(inquiryId), exact: true }),
      qc.invalidateQueries({ queryKey: insightKeys.insights(inquiryId), exact: true }),
    ]);
  const open = useMutation({
    mutationFn: (body: z.input<typeof OpenUnderstandingBody>) =>
      insightsApi.openUnderstanding(inquiryId, body),
    onSettled: settle,
  });
  const close = useMutation({
    mutationFn: (checkId: string) => insightsApi.closeUnderstanding(checkId),
    onSettled: settle,
  });
  return { open, close };
}

/** The inquiry's checks (their response counts; answers never shown here), read again as events arrive. */
export function useUnderstandingChecks(inquiryId: string, lastSeq: number | undefined, enabled = true) {
  useRefetchOnSeq(understandingKey(inquiryId), lastSeq);
  return useQuery({
    queryKey: understandingKey(inquiryId),
    queryFn: ({ signal }) => understandingApi.checks(inquiryId, signal),
    enabled,
    staleTime: 0,
  });
}
