import type { Action, Actor, Subject } from '../../domain/policy.js';
import { can } from '../../domain/policy.js';
import { forbidden, notFound } from '../errors.js';
import {
  type ContributionRecord,
  findContribution,
  findContributions,
  findLink,
  type LinkRecord,
} from '../store/contributions.js';
import type { Db } from '../store/db.js';
import { findInquiry, type InquiryRecord } from '../store/inquiries.js';
import type { UserRecord } from '../store/users.js';
import { findMembership, type MembershipRecord } from '../store/workspaces.js';
import { loadPrivacy, type Privacy } from './privacy.js';

// Resolving what a request acts on, and whether the caller is in its workspace. Anything outside the
// caller's workspaces is 404, the same answer as for an id that does not exist.

export interface WorkspaceAccess {
  user: UserRecord;
  actor: Actor;
  workspace: MembershipRecord;
}
export interface InquiryAccess extends WorkspaceAccess {
  inquiry: InquiryRecord;
}

export async function workspaceAccess(
  db: Db,
  user: UserRecord,
  workspaceId: string,
): Promise<WorkspaceAccess> {
  const workspace = await findMembership(db, workspaceId, user.id);
  if (!workspace) throw notFound('Workspace');
  return { user, workspace, actor: { userId: user.id, role: workspace.role } };
}

export async function inquiryAccess(db: Db, user: UserRecord, inquiryId: string): Promise<InquiryAccess> {
  const inquiry = await findInquiry(db, inquiryId);
  if (!inquiry) throw notFound('Inquiry');
  const access = await workspaceAccess(db, user, inquiry.workspaceId).catch(() => {
    throw notFound('Inquiry');
  });
  return { ...access, inquiry };
}

/**
 * Access to something that belongs to an inquiry (a note, a link, a commitment…): missing, or in an
 * inquiry the caller may not read, are the same 404 naming the thing asked for.
 */
export async function accessThrough<T extends { inquiryId: string }>(
  db: Db,
  user: UserRecord,
  found: T | null,
  what: string,
): Promise<InquiryAccess & { found: T }> {
  if (!found) throw notFound(what);
  const access = await inquiryAccess(db, user, found.inquiryId).catch(() => {
    throw notFound(what);
  });
  return { ...access, found };
}

/** A note the caller may act on: in their workspace and not hidden from them (private mode). */
export async function contributionAccess(
  db: Db,
  user: UserRecord,
  contributionId: string,
): Promise<InquiryAccess & { contribution: ContributionRecord; privacy: Privacy }> {
  const { found: contribution, ...access } = await accessThrough(
    db,
    user,
    await findContribution(db, contributionId),
    'Contribution',
  );
  const privacy = await loadPrivacy(db, access.inquiry);
  if (!privacy.canSee(user.id, contribution)) throw notFound('Contribution');
  return { ...access, contribution, privacy };
}

/** A link the caller may act on: both its notes visible to them. */
export async function linkAccess(
  db: Db,
  user: UserRecord,
  linkId: string,
): Promise<InquiryAccess & { link: LinkRecord }> {
  const { found: link, ...access } = await accessThrough(db, user, await findLink(db, linkId), 'Link');
  const privacy = await loadPrivacy(db, access.inquiry);
  if (privacy.active) {
    const ends = await findContributions(db, [link.fromId, link.toId]);
    if (ends.length < 2 || !ends.every((end) => privacy.canSee(user.id, end))) throw notFound('Link');
  }
  return { ...access, link };
}

/** Throws 403 unless the caller's role allows the action on the subject. */
export function authorize(access: WorkspaceAccess, action: Action, subject: Subject = {}): void {
  if (!can(access.actor, action, subject)) throw forbidden();
}
