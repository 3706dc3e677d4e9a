import type { CreateInquiryBody, UpdateInquiryBody } from '../../contract/inquiries.js';
import { invalidField } from '../errors.js';
import type { Db } from '../store/db.js';
import { createInquiry, type InquiryRecord, replaceParticipants, updateInquiry } from '../store/inquiries.js';
import { filterMembers } from '../store/workspaces.js';

type Parsed<T> = Required<Exclude<T, undefined>>;

async function checkParticipants(db: Db, workspaceId: string, ids: readonly string[]): Promise<void> {
  const members = await filterMembers(db, workspaceId, ids);
  const index = ids.findIndex((id) => !members.has(id));
  if (index >= 0)
    throw invalidField(`body.participantIds.${index}`, 'This person is not a member of the workspace.');
}

/** Frames a new inquiry; the person framing it is its facilitator. */
export async function frameInquiry(
  db: Db,
  input: Parsed<CreateInquiryBody> & { workspaceId: string; facilitatorId: string },
): Promise<InquiryRecord> {
  return db.transaction().execute(async (trx) => {
    await checkParticipants(trx, input.workspaceId, input.participantIds);
    return createInquiry(trx, input);
  });
}

/** Changes an inquiry's framing, settings or participants in one step. */
export async function reframeInquiry(
  db: Db,
  inquiry: InquiryRecord,
  patch: UpdateInquiryBody,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { participantIds, ...framing } = patch;
    if (participantIds) {
      await checkParticipants(trx, inquiry.workspaceId, participantIds);
      await replaceParticipants(trx, inquiry, participantIds);
    }
    await updateInquiry(trx, inquiry.id, framing);
  });
}
