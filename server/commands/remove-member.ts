import { conflict, notFound } from '../errors.js';
import type { Db } from '../store/db.js';
import { releaseMemberFromInquiries } from '../store/inquiries.js';
import { LastOwnerError, removeMember } from '../store/workspaces.js';

/** Removes someone from a workspace; the owner removing them takes over the inquiries they facilitated. */
export async function removeMemberFromWorkspace(
  db: Db,
  input: { workspaceId: string; userId: string; removedBy: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    try {
      if (!(await removeMember(trx, input.workspaceId, input.userId))) throw notFound('Member');
    } catch (error) {
      if (error instanceof LastOwnerError) throw conflict('A workspace needs at least one owner.');
      throw error;
    }
    await releaseMemberFromInquiries(trx, input.workspaceId, input.userId, input.removedBy);
  });
}
