import type { GateFacts } from '../../domain/mechanics/gates.js';
import { adoptedConclusionText, findProposal, listReflections } from './conclusions.js';
import type { Db } from './db.js';
import type { InquiryRecord } from './inquiries.js';

/** What the phase gates look at, read in three narrow queries (ids and kinds only, never bodies). */
export async function loadGateFacts(db: Db, inquiry: InquiryRecord): Promise<GateFacts> {
  const proposal = await findProposal(db, inquiry.id);
  const [participants, contributions, links] = await Promise.all([
    db.selectFrom('inquiry_participants').select('user_id').where('inquiry_id', '=', inquiry.id).execute(),
    db
      .selectFrom('contributions')
      .select(['id', 'author_id', 'kind'])
      .where('inquiry_id', '=', inquiry.id)
      .execute(),
    db
      .selectFrom('links')
      .select(['from_id', 'to_id', 'kind'])
      .where('inquiry_id', '=', inquiry.id)
      .execute(),
  ]);
  return {
    facilitatorId: inquiry.facilitatorId,
    participantIds: participants.map((p) => p.user_id),
    question: inquiry.question,
    contributions: contributions.map((c) => ({ id: c.id, authorId: c.author_id, kind: c.kind })),
    links: links.map((l) => ({ fromId: l.from_id, toId: l.to_id, kind: l.kind })),
    conclusionAdopted: Boolean(proposal?.proposal.adopted),
    conclusionText: await adoptedConclusionText(db, inquiry.id),
    reflections: await listReflections(db, inquiry.id),
  };
}
