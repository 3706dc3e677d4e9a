import { conflict, notFound } from '../errors.js';
import { transact, type Writer } from '../live/transact.js';
import { findInquiry, releaseMemberFromInquiries } from '../store/inquiries.js';
import { findUserById } from '../store/users.js';
import { LastOwnerError, removeMember } from '../store/workspaces.js';

/** Removes someone from a workspace; the owner removing them takes over the inquiries they facilitated. */
export async function removeMemberFromWorkspace(
  writer: Writer,
  input: { workspaceId: string; userId: string; removedBy: string },
): Promise<void> {
  await transact(writer, async (trx, record) => {
    try {
      if (!(await removeMember(trx, input.workspaceId, input.userId))) throw notFound('Member');
    } catch (error) {
      if (error instanceof LastOwnerError) throw conflict('A workspace needs at least one owner.');
      throw error;
    }
    const { handedOver, leftInquiries } = await releaseMemberFromInquiries(
      trx,
      input.workspaceId,
      input.userId,
      input.removedBy,
    );
    const user = await findUserById(trx, input.userId);
    for (const inquiryId of leftInquiries) {
      await record(inquiryId, {
        type: 'participant.left',
        data: { user: { id: input.userId, name: user?.name ?? '' } },
      });
    }
    for (const inquiryId of handedOver) {
      const inquiry = await findInquiry(trx, inquiryId);
      if (inquiry) await record(inquiryId, { type: 'inquiry.updated', data: inquiry });
    }
  });
}
