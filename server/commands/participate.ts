import type { PeopleResponse } from '../../contract/participation.js';
import { accountabilityPanels } from '../../domain/mechanics/accountability.js';
import type { Privacy } from '../auth/privacy.js';
import { invalidField, notFound } from '../errors.js';
import { transact, type Writer } from '../live/transact.js';
import { listCommitments } from '../store/commitments.js';
import { adoptedConclusionText, listReflections } from '../store/conclusions.js';
import type { Db } from '../store/db.js';
import { listHelpRequests } from '../store/help-requests.js';
import { findInquiry, type InquiryRecord, listParticipants, setPerspective } from '../store/inquiries.js';
import { loadInquiryGraph } from '../store/inquiry-graph.js';

/**
 * The facilitator gives a participant a lens; everyone hears the inquiry changed, as it stands after the
 * change (read inside the transaction, not the copy read before it).
 */
export async function assignPerspective(
  writer: Writer,
  inquiry: InquiryRecord,
  userId: string,
  perspective: string | null,
): Promise<InquiryRecord> {
  return transact(writer, async (trx, record) => {
    if (!(await setPerspective(trx, inquiry.id, userId, perspective))) throw notFound('Participant');
    const updated = await findInquiry(trx, inquiry.id);
    if (!updated) throw notFound('Inquiry');
    await record(inquiry.id, { type: 'inquiry.updated', data: updated });
    return updated;
  });
}

/** Someone named as owner or assignee must be one of the inquiry's participants. */
export async function requireParticipant(
  db: Db,
  inquiry: InquiryRecord,
  userId: string,
  field: string,
): Promise<void> {
  const participants = await listParticipants(db, inquiry);
  if (!participants.some((p) => p.user.id === userId)) {
    throw invalidField(field, 'This person is not a participant of the inquiry.');
  }
}

/**
 * Each participant's panel (contributions, build-ons given and received, acknowledgements, help,
 * reflection, commitments) as this viewer may see it, and which lenses have been heard from.
 */
export async function peoplePanels(
  db: Db,
  inquiry: InquiryRecord,
  viewerId: string,
  privacy: Privacy,
): Promise<PeopleResponse> {
  const [
    participants,
    { contributions, links },
    acknowledgements,
    reflections,
    commitments,
    conclusionText,
    helpRequests,
  ] = await Promise.all([
    listParticipants(db, inquiry),
    loadInquiryGraph(db, inquiry.id),
    db
      .selectFrom('acknowledgements')
      .innerJoin('contributions', 'contributions.id', 'acknowledgements.contribution_id')
      .select(['acknowledgements.contribution_id', 'acknowledgements.user_id'])
      .where('contributions.inquiry_id', '=', inquiry.id)
      .execute(),
    listReflections(db, inquiry.id),
    listCommitments(db, inquiry.id),
    adoptedConclusionText(db, inquiry.id),
    listHelpRequests(db, inquiry.id),
  ]);
  const visible = contributions.filter((c) => privacy.canSee(viewerId, c));
  const visibleIds = new Set(visible.map((c) => c.id));
  const panels = accountabilityPanels(
    {
      participantIds: participants.map((p) => p.user.id),
      contributions: visible,
      links: links.filter((l) => visibleIds.has(l.fromId) && visibleIds.has(l.toId)),
      acknowledgements: acknowledgements
        .filter((a) => visibleIds.has(a.contribution_id))
        .map((a) => ({ contributionId: a.contribution_id, userId: a.user_id })),
      helpRequests: helpRequests.map((h) => ({ requesterId: h.requester.id, answeredBy: h.answeredBy })),
      reflections,
      commitments: commitments.map((c) => ({ ownerId: c.owner.id, status: c.status })),
      conclusionText,
    },
    viewerId,
  );
  const byId = new Map(participants.map((p) => [p.user.id, p]));
  const lenses = [...new Set(participants.map((p) => p.perspective).filter((p): p is string => p !== null))];
  // A lens counts as heard from named notes only: an anonymous note's lens would point at its author.
  const heard = new Set(visible.filter((c) => !c.anonymous).map((c) => c.perspective));
  return {
    items: panels.map(({ userId, ...panel }) => {
      const person = byId.get(userId);
      return {
        ...panel,
        user: person?.user ?? { id: userId, name: '' },
        perspective: person?.perspective ?? null,
      };
    }),
    perspectives: lenses.map((perspective) => ({ perspective, heard: heard.has(perspective) })),
  };
}
