import type { CreateInquiryBody, UpdateInquiryBody } from '../../contract/inquiries.js';
import { invalidField, notFound } from '../errors.js';
import { transact, type Writer } from '../live/transact.js';
import type { Db } from '../store/db.js';
import {
  createInquiry,
  findInquiry,
  type InquiryRecord,
  listParticipants,
  replaceParticipants,
  updateInquiry,
} from '../store/inquiries.js';
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
  writer: Writer,
  input: Parsed<CreateInquiryBody> & { workspaceId: string; facilitatorId: string },
): Promise<InquiryRecord> {
  return transact(writer, async (trx) => {
    await checkParticipants(trx, input.workspaceId, input.participantIds);
    return createInquiry(trx, input);
  });
}

/** Changes an inquiry's framing, settings or participants in one step. */
export async function reframeInquiry(
  writer: Writer,
  inquiry: InquiryRecord,
  patch: UpdateInquiryBody,
): Promise<InquiryRecord> {
  return transact(writer, async (trx, record) => {
    const { participantIds, ...framing } = patch;
    if (participantIds) {
      await checkParticipants(trx, inquiry.workspaceId, participantIds);
      const { joined, left } = await replaceParticipants(trx, inquiry, participantIds);
      const names = new Map((await listParticipants(trx, inquiry)).map((p) => [p.user.id, p.user.name]));
      for (const id of joined) {
        await record(inquiry.id, {
          type: 'participant.joined',
          data: { user: { id, name: names.get(id) ?? '' } },
        });
      }
      for (const id of left)
        await record(inquiry.id, { type: 'participant.left', data: { user: { id, name: '' } } });
    }
    await updateInquiry(trx, inquiry.id, framing);
    const updated = await findInquiry(trx, inquiry.id);
    if (!updated) throw notFound('Inquiry');
    await record(inquiry.id, { type: 'inquiry.updated', data: updated });
    return updated;
  });
}
