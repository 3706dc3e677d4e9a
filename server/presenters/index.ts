import type { User } from '../../contract/accounts.js';
import type { Contribution, Link } from '../../contract/contributions.js';
import type { Inquiry, InquirySummary, Participant } from '../../contract/inquiries.js';
import type { Invitation, Member, Workspace } from '../../contract/workspaces.js';
import { isMine, visibleAuthorId } from '../../domain/visibility.js';
import type { ContributionRecord, LinkRecord } from '../store/contributions.js';
import type { InquiryRecord, InquirySummaryRecord, ParticipantRecord } from '../store/inquiries.js';
import type { InvitationRecord } from '../store/invitations.js';
import type { UserRecord } from '../store/users.js';
import type { MemberRecord, MembershipRecord } from '../store/workspaces.js';

// The only place records become JSON. Visibility (anonymous authors, isMine) is decided here, once, for
// every payload: REST now, live events and exports later.

export const presentUser = (u: UserRecord): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  createdAt: u.createdAt,
});

export const presentWorkspace = (w: MembershipRecord): Workspace => ({
  id: w.id,
  name: w.name,
  role: w.role,
  createdAt: w.createdAt,
});

export const presentMember = (m: MemberRecord): Member => ({
  user: m.user,
  role: m.role,
  joinedAt: m.joinedAt,
});

export const presentInvitation = (i: InvitationRecord): Invitation => ({
  id: i.id,
  email: i.email,
  role: i.role,
  expiresAt: i.expiresAt,
  createdAt: i.createdAt,
  invitedBy: i.invitedBy,
});

export const presentInquiry = (i: InquiryRecord): Inquiry => ({
  id: i.id,
  workspaceId: i.workspaceId,
  title: i.title,
  question: i.question,
  context: i.context,
  successCriteria: i.successCriteria,
  mode: i.mode,
  phase: i.phase,
  allowAnonymous: i.allowAnonymous,
  facilitatorId: i.facilitatorId,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
  lastActivityAt: i.lastActivityAt,
  lastSeq: i.lastSeq,
  privateMode: i.privateMode,
  leaderSpeaksLast: i.leaderSpeaksLast,
  revealedAt: i.revealedAt,
  privatePhases: i.privatePhases,
  gateSettings: i.gateSettings,
  fitCheck: i.fitCheck,
});

export const presentInquirySummary = (i: InquirySummaryRecord): InquirySummary => ({
  ...presentInquiry(i),
  facilitator: i.facilitator,
  participantCount: i.participantCount,
  contributionCount: i.contributionCount,
  myContributionCount: i.myContributionCount,
});

export const presentParticipant = (p: ParticipantRecord): Participant => ({
  user: p.user,
  role: p.role,
  perspective: p.perspective,
});

export function presentContribution(c: ContributionRecord, viewerId: string): Contribution {
  const authorId = visibleAuthorId(c, viewerId);
  return {
    id: c.id,
    inquiryId: c.inquiryId,
    kind: c.kind,
    body: c.body,
    confidence: c.confidence,
    state: c.state,
    anonymous: c.anonymous,
    author: authorId ? { id: authorId, name: c.authorName } : null,
    isMine: isMine(c, viewerId),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    // A lens held by one person would name the author of an anonymous note.
    perspective: authorId ? c.perspective : null,
    acknowledgements: c.acknowledgedBy.length,
    acknowledgedByMe: c.acknowledgedBy.includes(viewerId),
  };
}

export function presentLink(l: LinkRecord, viewerId: string): Link {
  return {
    id: l.id,
    fromId: l.fromId,
    toId: l.toId,
    kind: l.kind,
    createdBy: visibleAuthorId({ authorId: l.createdBy, anonymous: l.anonymous }, viewerId),
    createdAt: l.createdAt,
  };
}
