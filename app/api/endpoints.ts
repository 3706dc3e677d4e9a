import type { LoginBody, MeResponse, SignupBody, User } from '../../contract/accounts.js';
import type { ConclusionResponse, ReflectionList } from '../../contract/consent.js';
import type {
  Contribution,
  ContributionList,
  CreateContributionBody,
  Link,
  NewLink,
  UpdateContributionBody,
} from '../../contract/contributions.js';
import type { ExportFormat } from '../../contract/export.js';
import type {
  CreateInquiryBody,
  Inquiry,
  InquiryDetail,
  InquiryList,
  InquirySummary,
  UpdateInquiryBody,
} from '../../contract/inquiries.js';
import type { FitAnswers, FitCheckResult, GateStatus } from '../../contract/mechanics.js';
import type { Commitment, PeopleResponse, Subtask } from '../../contract/participation.js';
import type {
  CreatedInvitationResponse,
  CreateInvitationBody,
  Invitation,
  InvitationPreview,
  Member,
  Workspace,
  WorkspaceDetail,
} from '../../contract/workspaces.js';
import type { Phase, Role } from '../../domain/model.js';
import { request, requestText } from './client.js';

// Every call the app makes, typed by the contract. Nothing else in app/ builds URLs.

const enc = encodeURIComponent;

export const api = {
  // Accounts
  me: (signal?: AbortSignal) => request<MeResponse>('GET', '/me', undefined, signal),
  signup: (body: SignupBody) => request<{ user: User }>('POST', '/auth/signup', body),
  login: (body: LoginBody) => request<{ user: User }>('POST', '/auth/login', body),
  logout: () => request<void>('POST', '/auth/logout'),

  // Workspaces and people
  createWorkspace: (name: string) => request<{ workspace: Workspace }>('POST', '/workspaces', { name }),
  workspace: (id: string, signal?: AbortSignal) =>
    request<WorkspaceDetail>('GET', `/workspaces/${enc(id)}`, undefined, signal),
  updateMember: (workspaceId: string, userId: string, role: Role) =>
    request<{ member: Member }>('PATCH', `/workspaces/${enc(workspaceId)}/members/${enc(userId)}`, { role }),
  removeMember: (workspaceId: string, userId: string) =>
    request<void>('DELETE', `/workspaces/${enc(workspaceId)}/members/${enc(userId)}`),
  invitations: (workspaceId: string, signal?: AbortSignal) =>
    request<{ items: Invitation[] }>('GET', `/workspaces/${enc(workspaceId)}/invitations`, undefined, signal),
  invite: (workspaceId: string, body: CreateInvitationBody) =>
    request<CreatedInvitationResponse>('POST', `/workspaces/${enc(workspaceId)}/invitations`, body),
  revokeInvitation: (workspaceId: string, invitationId: string) =>
    request<void>('DELETE', `/workspaces/${enc(workspaceId)}/invitations/${enc(invitationId)}`),
  invitationPreview: (token: string, signal?: AbortSignal) =>
    request<InvitationPreview>('GET', `/invitations/${enc(token)}`, undefined, signal),
  acceptInvitation: (token: string) =>
    request<{ workspace: Workspace }>('POST', `/invitations/${enc(token)}/accept`),

  /** The caller's own copy of the demo workspace. */
  openDemo: () => request<{ workspace: Workspace }>('POST', '/demo'),

  // Inquiries
  inquiries: async (workspaceId: string, signal?: AbortSignal): Promise<InquirySummary[]> => {
    const all: InquirySummary[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `limit=200${cursor ? `&cursor=${enc(cursor)}` : ''}`;
      const page: InquiryList = await request<InquiryList>(
        'GET',
        `/workspaces/${enc(workspaceId)}/inquiries?${q}`,
        undefined,
        signal,
      );
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  },
  createInquiry: (workspaceId: string, body: CreateInquiryBody) =>
    request<{ inquiry: Inquiry }>('POST', `/workspaces/${enc(workspaceId)}/inquiries`, body),
  inquiry: (id: string, signal?: AbortSignal) =>
    request<InquiryDetail>('GET', `/inquiries/${enc(id)}`, undefined, signal),
  updateInquiry: (id: string, body: UpdateInquiryBody) =>
    request<{ inquiry: Inquiry }>('PATCH', `/inquiries/${enc(id)}`, body),
  /** Where the browser downloads an export from (the session cookie goes along). */
  exportUrl: (id: string, format: ExportFormat) => `/api/inquiries/${enc(id)}/export?format=${format}`,
  exportText: (id: string, format: ExportFormat, signal?: AbortSignal) =>
    requestText(`/inquiries/${enc(id)}/export?format=${format}`, signal),

  // Mechanics: the gate into the next phase, phase moves, revealing private notes
  gate: (id: string, signal?: AbortSignal) =>
    request<GateStatus>('GET', `/inquiries/${enc(id)}/gate`, undefined, signal),
  movePhase: (id: string, phase: Phase, overrideReason?: string) =>
    request<{ inquiry: Inquiry }>('POST', `/inquiries/${enc(id)}/phase`, { phase, overrideReason }),
  reveal: (id: string) => request<{ inquiry: Inquiry }>('POST', `/inquiries/${enc(id)}/reveal`),
  /** "When to deploy": the recommendation and its reasons for a set of answers (pure, not stored). */
  fitCheck: (answers: FitAnswers, signal?: AbortSignal) =>
    request<FitCheckResult>('POST', '/fit-check', { answers }, signal),

  // Conclusion by consent (each call answers the conclusion as it now stands)
  conclusion: (id: string, signal?: AbortSignal) =>
    request<ConclusionResponse>('GET', `/inquiries/${enc(id)}/conclusion`, undefined, signal),
  proposeConclusion: (id: string, body: { text: string; restsOn: string[] }) =>
    request<ConclusionResponse>('POST', `/inquiries/${enc(id)}/conclusion`, body),
  endorseConclusion: (id: string) =>
    request<ConclusionResponse>('POST', `/inquiries/${enc(id)}/conclusion/endorse`),
  objectToConclusion: (id: string, reason: string) =>
    request<ConclusionResponse>('POST', `/inquiries/${enc(id)}/conclusion/objections`, { reason }),
  answerObjection: (id: string, objectionId: string, response: string) =>
    request<ConclusionResponse>(
      'POST',
      `/inquiries/${enc(id)}/conclusion/objections/${enc(objectionId)}/answer`,
      { response },
    ),
  withdrawObjection: (id: string, objectionId: string) =>
    request<ConclusionResponse>(
      'POST',
      `/inquiries/${enc(id)}/conclusion/objections/${enc(objectionId)}/withdraw`,
    ),
  letObjectionStand: (id: string, objectionId: string) =>
    request<ConclusionResponse>(
      'POST',
      `/inquiries/${enc(id)}/conclusion/objections/${enc(objectionId)}/stand`,
    ),
  adoptConclusion: (id: string) =>
    request<ConclusionResponse>('POST', `/inquiries/${enc(id)}/conclusion/adopt`),

  // Reflections: everyone's, visible to the group; mine is saved even when incomplete
  reflections: (id: string, signal?: AbortSignal) =>
    request<ReflectionList>('GET', `/inquiries/${enc(id)}/reflections`, undefined, signal),
  saveReflection: (
    id: string,
    body: { learned: string; stillUnclear: string; keep: string; change: string; teachBack: string },
  ) => request<ReflectionList>('PUT', `/inquiries/${enc(id)}/reflections/mine`, body),

  // Contributions and links
  /** Every page of an inquiry's contributions, merged. */
  contributions: async (inquiryId: string, signal?: AbortSignal): Promise<Board> => {
    const items: Contribution[] = [];
    const links: Link[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `limit=200${cursor ? `&cursor=${enc(cursor)}` : ''}`;
      const page: ContributionList = await request<ContributionList>(
        'GET',
        `/inquiries/${enc(inquiryId)}/contributions?${q}`,
        undefined,
        signal,
      );
      items.push(...page.items);
      links.push(...page.links);
      cursor = page.nextCursor;
    } while (cursor);
    return { items: dedupe(items), links: dedupe(links) };
  },
  createContribution: (inquiryId: string, body: CreateContributionBody) =>
    request<{ contribution: Contribution }>('POST', `/inquiries/${enc(inquiryId)}/contributions`, body),
  updateContribution: (id: string, body: UpdateContributionBody) =>
    request<{ contribution: Contribution }>('PATCH', `/contributions/${enc(id)}`, body),
  deleteContribution: (id: string) => request<void>('DELETE', `/contributions/${enc(id)}`),
  createLink: (fromId: string, body: NewLink) =>
    request<{ link: Link }>('POST', `/contributions/${enc(fromId)}/links`, body),
  deleteLink: (id: string) => request<void>('DELETE', `/links/${enc(id)}`),

  // Participation and accountability: lenses, "this helped me", each person's panel, commitments, subtasks
  setPerspective: (inquiryId: string, userId: string, perspective: string | null) =>
    request<InquiryDetail>('PATCH', `/inquiries/${enc(inquiryId)}/participants/${enc(userId)}`, {
      perspective,
    }),
  acknowledge: (contributionId: string, on: boolean) =>
    request<{ contribution: Contribution }>(
      on ? 'PUT' : 'DELETE',
      `/contributions/${enc(contributionId)}/acknowledgement`,
    ),
  people: (inquiryId: string, signal?: AbortSignal) =>
    request<PeopleResponse>('GET', `/inquiries/${enc(inquiryId)}/people`, undefined, signal),
  commitments: (inquiryId: string, signal?: AbortSignal) =>
    request<{ items: Commitment[]; nextCursor: null }>(
      'GET',
      `/inquiries/${enc(inquiryId)}/commitments`,
      undefined,
      signal,
    ),
  createCommitment: (inquiryId: string, body: { text: string; ownerId: string; dueDate: string | null }) =>
    request<{ commitment: Commitment }>('POST', `/inquiries/${enc(inquiryId)}/commitments`, body),
  updateCommitment: (
    id: string,
    body: Partial<{ text: string; ownerId: string; dueDate: string | null; status: Commitment['status'] }>,
  ) => request<{ commitment: Commitment }>('PATCH', `/commitments/${enc(id)}`, body),
  deleteCommitment: (id: string) => request<void>('DELETE', `/commitments/${enc(id)}`),
  subtasks: (inquiryId: string, signal?: AbortSignal) =>
    request<{ items: Subtask[]; nextCursor: null }>(
      'GET',
      `/inquiries/${enc(inquiryId)}/subtasks`,
      undefined,
      signal,
    ),
  createSubtask: (
    inquiryId: string,
    body: { title: string; detail: string; assigneeId: string; dueDate: string | null },
  ) => request<{ subtask: Subtask }>('POST', `/inquiries/${enc(inquiryId)}/subtasks`, body),
  updateSubtask: (
    id: string,
    body: Partial<{
      title: string;
      detail: string;
      assigneeId: string;
      dueDate: string | null;
      status: Subtask['status'];
      result: string;
    }>,
  ) => request<{ subtask: Subtask }>('PATCH', `/subtasks/${enc(id)}`, body),
  deleteSubtask: (id: string) => request<void>('DELETE', `/subtasks/${enc(id)}`),
};

export interface Board {
  items: Contribution[];
  links: Link[];
}

function dedupe<T extends { id: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)));
}
