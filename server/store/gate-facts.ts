import type { GateFacts } from '../../domain/mechanics/gates.js';
import { adoptedConclusionText, findProposal, listReflections } from './conclusions.js';
import type { Db } from './db.js';
import type { InquiryRecord } from './inquiries.js';
import { loadInquiryGraph } from './inquiry-graph.js';

/** What the phase gates look at, read in narrow queries (ids and kinds only, never bodies). */
export async function loadGateFacts(db: Db, inquiry: InquiryRecord): Promise<GateFacts> {
  const proposal = await findProposal(db, inquiry.id);
  const [participants, graph] = await Promise.all([
    db.selectFrom('inquiry_participants').select('user_id').where('inquiry_id', '=', inquiry.id).execute(),
    loadInquiryGraph(db, inquiry.id),
  ]);
  return {
    facilitatorId: inquiry.facilitatorId,
    participantIds: participants.map((p) => p.user_id),
    question: inquiry.question,
    contributions: graph.contributions,
    links: graph.links,
    conclusionAdopted: Boolean(proposal?.proposal.adopted),
    conclusionText: await adoptedConclusionText(db, inquiry.id),
    reflections: await listReflections(db, inquiry.id),
  };
}
