import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ConclusionResponse } from '../../../contract/consent.js';
import type { Contribution } from '../../../contract/contributions.js';
import type { Inquiry } from '../../../contract/inquiries.js';
import { api } from '../../api/endpoints.js';
import { keys } from '../../api/queries.js';

// The data side of conclusion by consent and reflections: queries, the actions and how a voice is read.

export type Conclusion = NonNullable<ConclusionResponse['conclusion']>;
export type Proposal = Conclusion['proposal'];
export type ConsentState = Conclusion['state'];
export type Objection = Proposal['objections'][number];
export type ProposalVersion = Proposal['versions'][number];

export const conclusionKey = (inquiryId: string) => ['conclusion', inquiryId] as const;
export const reflectionsKey = (inquiryId: string) => ['reflections', inquiryId] as const;
/** The phase panel's gate query is keyed under the inquiry: ['inquiry', id, 'gate', phase, activity]. */
const gatePrefix = (inquiryId: string) => [...keys.inquiry(inquiryId), 'gate'] as const;

export function useConclusion(inquiryId: string, enabled = true) {
  return useQuery({
    queryKey: conclusionKey(inquiryId),
    queryFn: ({ signal }) => api.conclusion(inquiryId, signal),
    enabled,
    staleTime: 0,
  });
}

export function useReflections(inquiryId: string, enabled = true) {
  return useQuery({
    queryKey: reflectionsKey(inquiryId),
    queryFn: ({ signal }) => api.reflections(inquiryId, signal),
    enabled,
    staleTime: 0,
  });
}

/** After my own change, or anyone's: the consent, the reflections and the gate the phase panel shows. */
export function refreshMechanics(qc: QueryClient, inquiryId: string): void {
  void qc.invalidateQueries({ queryKey: conclusionKey(inquiryId) });
  void qc.invalidateQueries({ queryKey: reflectionsKey(inquiryId) });
  void qc.invalidateQueries({ queryKey: gatePrefix(inquiryId) });
}

/**
 * Every change to an inquiry moves its `lastSeq` (the live stream and the poll both refetch the inquiry),
 * so when it moves, the consent and reflections are fetched again: others' endorsements show up without
 * a reload, whether or not the live stream names the event.
 */
export function useRefreshOnActivity(inquiry: Inquiry): void {
  const qc = useQueryClient();
  const seen = useRef(inquiry.lastSeq);
  useEffect(() => {
    if (seen.current === inquiry.lastSeq) return;
    seen.current = inquiry.lastSeq;
    refreshMechanics(qc, inquiry.id);
  }, [inquiry.lastSeq, inquiry.id, qc]);
}

export type ConsentAction =
  | { kind: 'propose'; text: string; restsOn: string[] }
  | { kind: 'endorse' }
  | { kind: 'object'; reason: string }
  | { kind: 'answer'; objectionId: string; response: string }
  | { kind: 'withdraw'; objectionId: string }
  | { kind: 'stand'; objectionId: string }
  | { kind: 'adopt' };

function run(inquiryId: string, a: ConsentAction): Promise<ConclusionResponse> {
  switch (a.kind) {
    case 'propose':
      return api.proposeConclusion(inquiryId, { text: a.text, restsOn: a.restsOn });
    case 'endorse':
      return api.endorseConclusion(inquiryId);
    case 'object':
      return api.objectToConclusion(inquiryId, a.reason);
    case 'answer':
      return api.answerObjection(inquiryId, a.objectionId, a.response);
    case 'withdraw':
      return api.withdrawObjection(inquiryId, a.objectionId);
    case 'stand':
      return api.letObjectionStand(inquiryId, a.objectionId);
    case 'adopt':
      return api.adoptConclusion(inquiryId);
  }
}

/** One consent action; each form or button has its own, so its error and spinner stay next to it. */
export function useConsentAction(inquiryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: ConsentAction) => run(inquiryId, a),
    onSuccess: (res) => qc.setQueryData(conclusionKey(inquiryId), res),
    onSettled: () => refreshMechanics(qc, inquiryId),
  });
}

export type VoiceStatus = 'endorsed' | 'objection_answered' | 'objection_withdrawn' | 'objected' | 'waiting';

/** Where one participant stands on the current version. */
export function voiceOf(state: ConsentState, userId: string): VoiceStatus {
  if (state.openObjections.some((o) => o.userId === userId)) return 'objected';
  const consent = state.consented.find((c) => c.userId === userId);
  if (consent) return consent.how;
  return 'waiting';
}

export function currentVersion(p: Proposal): ProposalVersion | undefined {
  return p.versions.at(-1);
}

/** "Ana", "Ana and Bo", "Ana, Bo and Cy". */
export function namesList(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The first words of a note as plain text, for pickers and lists. */
export function snippet(body: string, max = 110): string {
  const plain = body
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_>#~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

export function notesById(notes: readonly Contribution[]): Map<string, Contribution> {
  return new Map(notes.map((n) => [n.id, n]));
}
