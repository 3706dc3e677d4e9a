import type { ContributionKind, LinkKind } from '../../domain/model.js';
import type { Db } from './db.js';

/** An inquiry's notes and links as the rules count them: who wrote what kind, what links to what; no bodies. */
export interface InquiryGraph {
  contributions: {
    id: string;
    authorId: string;
    kind: ContributionKind;
    anonymous: boolean;
    createdAt: string;
    perspective: string | null;
  }[];
  links: { fromId: string; toId: string; kind: LinkKind }[];
}

export async function loadInquiryGraph(db: Db, inquiryId: string): Promise<InquiryGraph> {
  const [contributions, links] = await Promise.all([
    db
      .selectFrom('contributions')
      .select(['id', 'author_id', 'kind', 'anonymous', 'created_at', 'perspective'])
      .where('inquiry_id', '=', inquiryId)
      .execute(),
    db.selectFrom('links').select(['from_id', 'to_id', 'kind']).where('inquiry_id', '=', inquiryId).execute(),
  ]);
  return {
    contributions: contributions.map((c) => ({
      id: c.id,
      authorId: c.author_id,
      kind: c.kind,
      anonymous: c.anonymous === 1,
      createdAt: c.created_at,
      perspective: c.perspective,
    })),
    links: links.map((l) => ({ fromId: l.from_id, toId: l.to_id, kind: l.kind })),
  };
}
