import type { CreateInquiryBody, UpdateInquiryBody } from '../../contract/inquiries.js';
import type { StoredFitCheck } from '../../contract/mechanics.js';
import { decideMode, fitCheck } from '../../domain/mechanics/fit-check.js';
import { startsPrivate, type ThinkFirstPhase } from '../../domain/mechanics/private-mode.js';
import type { Mode } from '../../domain/model.js';
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
import { enqueueWebhooks } from '../webhooks/outbox.js';

type Parsed<T> = Exclude<T, undefined>;
type CreateInput = Parsed<CreateInquiryBody> & {
  context: string;
  successCriteria: string;
  mode: Mode;
  allowAnonymous: boolean;
  participantIds: string[];
  privateMode: boolean;
  leaderSpeaksLast: boolean;
  privatePhases: ThinkFirstPhase[];
};

async function checkParticipants(db: Db, workspaceId: string, ids: readonly string[]): Promise<void> {
  const members = await filterMembers(db, workspaceId, ids);
  const index = ids.findIndex((id) => !members.has(id));
  if (index >= 0)
    throw invalidField(`body.participantIds.${index}`, 'This person is not a member of the workspace.');
}

/**
 * Scores the fit check and records the mode chosen; running the inquiry in another mode than the one
 * recommended needs a reason, which is kept.
 */
function decideFit(input: CreateInquiryBody['fitCheck'], mode: Mode): StoredFitCheck | null {
  if (!input) return null;
  const result = fitCheck(input.answers);
  const outcome = decideMode(result.recommendation, mode, input.overrideReason);
  if (!outcome.ok) throw invalidField('body.fitCheck.overrideReason', outcome.message);
  const { chosenMode, overridden, overrideReason } = outcome.decision;
  return { ...result, answers: input.answers, chosenMode, overridden, overrideReason };
}

/** Frames a new inquiry; the person framing it is its facilitator. */
export async function frameInquiry(
  writer: Writer,
  input: CreateInput & { workspaceId: string; facilitatorId: string },
): Promise<InquiryRecord> {
  const fit = decideFit(input.fitCheck, input.mode);
  return transact(writer, async (trx) => {
    await checkParticipants(trx, input.workspaceId, input.participantIds);
    const created = await createInquiry(trx, {
      ...input,
      // An inquiry starts in framing: if that is a think-first phase, it starts in private mode.
      privateMode: input.privateMode || startsPrivate(input.privatePhases),
      gateSettings: input.gateSettings ?? null,
      fitCheck: fit,
    });
    await enqueueWebhooks(trx, {
      workspaceId: created.workspaceId,
      event: 'inquiry.created',
      inquiry: created,
    });
    return created;
  });
}

/** Changes an inquiry's framing, settings or participants in one step. */
export async function reframeInquiry(
  writer: Writer,
  inquiry: InquiryRecord,
  patch: Parsed<UpdateInquiryBody>,
): Promise<InquiryRecord> {
  const { participantIds, fitCheck: fitInput, ...framing } = patch;
  const fit = fitInput ? decideFit(fitInput, patch.mode ?? inquiry.mode) : undefined;
  return transact(writer, async (trx, record) => {
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
    await updateInquiry(trx, inquiry.id, { ...framing, ...(fit !== undefined ? { fitCheck: fit } : {}) });
    const updated = await findInquiry(trx, inquiry.id);
    if (!updated) throw notFound('Inquiry');
    await record(inquiry.id, { type: 'inquiry.updated', data: updated });
    return updated;
  });
}
