import type { ReflectionList } from '../../contract/consent.js';
import { activityRefusal } from '../../domain/mechanics/phases.js';
import {
  isReflectionComplete,
  type Reflection,
  reflectionReadiness,
} from '../../domain/mechanics/reflection.js';
import { conflict, forbidden } from '../errors.js';
import { transact, type Writer } from '../live/transact.js';
import { adoptedConclusionText, listReflections, saveReflection } from '../store/conclusions.js';
import type { Db } from '../store/db.js';
import { type InquiryRecord, listParticipants } from '../store/inquiries.js';

/** Who reflects: the participants other than the facilitator (the facilitator too when the gate includes them). */
export async function reflectors(db: Db, inquiry: InquiryRecord): Promise<string[]> {
  const people = (await listParticipants(db, inquiry)).map((p) => p.user.id);
  return inquiry.gateSettings.includeFacilitator
    ? people
    : people.filter((id) => id !== inquiry.facilitatorId);
}

/** Every reflection, visible to the whole group (individual accountability), and who is still missing. */
export async function reflectionsOf(db: Db, inquiry: InquiryRecord): Promise<ReflectionList> {
  const [reflections, conclusion, expected] = await Promise.all([
    listReflections(db, inquiry.id),
    adoptedConclusionText(db, inquiry.id),
    reflectors(db, inquiry),
  ]);
  return {
    items: reflections.map((r) => ({ ...r, complete: isReflectionComplete(r, conclusion) })),
    readiness: reflectionReadiness(expected, reflections, conclusion),
  };
}

/** Writes the caller's reflection; it may be incomplete (a draft), and says what is still needed. */
export async function reflect(writer: Writer, inquiry: InquiryRecord, reflection: Reflection): Promise<void> {
  const refusal = activityRefusal(inquiry.phase, 'write_reflection');
  if (refusal) throw conflict(refusal);
  const participants = await listParticipants(writer.db, inquiry);
  if (!participants.some((p) => p.user.id === reflection.userId)) {
    throw forbidden('Only participants of the inquiry write a reflection on it.');
  }
  await transact(writer, async (trx, record) => {
    await saveReflection(trx, inquiry.id, reflection);
    await record(inquiry.id, { type: 'reflection.updated', data: { userId: reflection.userId } });
  });
}
