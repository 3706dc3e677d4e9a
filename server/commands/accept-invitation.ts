import { conflict, notFound } from '../errors.js';
import type { Db } from '../store/db.js';
import { findInvitationByToken, invitationStatus, markInvitationAccepted } from '../store/invitations.js';
import { addMember, findMembership, type MembershipRecord } from '../store/workspaces.js';

/** Uses an invitation link: the signed-in person joins its workspace with its role, once. */
export async function acceptInvitation(db: Db, token: string, userId: string): Promise<MembershipRecord> {
  return db.transaction().execute(async (trx) => {
    const invitation = await findInvitationByToken(trx, token);
    if (!invitation) throw notFound('Invitation');
    const status = invitationStatus(invitation);
    if (status !== 'pending') {
      throw conflict(
        status === 'accepted' ? 'This invitation has already been used.' : 'This invitation has expired.',
      );
    }
    if (!(await markInvitationAccepted(trx, invitation.id, userId))) {
      throw conflict('This invitation has already been used.');
    }
    await addMember(trx, invitation.workspaceId, userId, invitation.role);
    const membership = await findMembership(trx, invitation.workspaceId, userId);
    if (!membership) throw new Error('membership missing right after it was added');
    return membership;
  });
}
