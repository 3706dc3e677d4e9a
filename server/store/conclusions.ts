import { currentVersion, type Proposal } from '../../domain/mechanics/consent.js';
import type { Reflection } from '../../domain/mechanics/reflection.js';
import { indexConclusion, indexReflection } from '../search/indexer.js';
import type { Db } from './db.js';
import { now } from './ids.js';

export interface StoredProposal {
  proposal: Proposal;
  revision: number;
  updatedAt: string;
}

export async function findProposal(db: Db, inquiryId: string): Promise<StoredProposal | null> {
  const row = await db
    .selectFrom('conclusions')
    .selectAll()
    .where('inquiry_id', '=', inquiryId)
    .executeTakeFirst();
  return row
    ? {
        proposal: JSON.parse(row.proposal) as Proposal,
        revision: Number(row.revision),
        updatedAt: row.updated_at,
      }
    : null;
}

/**
 * Saves a proposal if nobody changed it since `revision` was read (0: it did not exist yet).
 * False when someone else got there first; the caller reads again and retries.
 */
export async function saveProposal(
  db: Db,
  inquiryId: string,
  proposal: Proposal,
  revision: number,
): Promise<boolean> {
  const values = { proposal: JSON.stringify(proposal), revision: revision + 1, updated_at: now() };
  if (revision === 0) {
    const inserted = await db
      .insertInto('conclusions')
      .values({ inquiry_id: inquiryId, ...values })
      .onConflict((oc) => oc.column('inquiry_id').doNothing())
      .executeTakeFirst();
    const saved = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    if (saved) await indexConclusion(db, inquiryId, proposal);
    return saved;
  }
  const updated = await db
    .updateTable('conclusions')
    .set(values)
    .where('inquiry_id', '=', inquiryId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  const saved = Number(updated.numUpdatedRows) === 1;
  if (saved) await indexConclusion(db, inquiryId, proposal);
  return saved;
}

export async function listReflections(
  db: Db,
  inquiryId: string,
): Promise<(Reflection & { updatedAt: string })[]> {
  const rows = await db
    .selectFrom('reflections')
    .selectAll()
    .where('inquiry_id', '=', inquiryId)
    .orderBy('updated_at')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    learned: r.learned,
    stillUnclear: r.still_unclear,
    keep: r.keep,
    change: r.change,
    teachBack: r.teach_back,
    updatedAt: r.updated_at,
  }));
}

/** Writes (or rewrites) one person's reflection. */
export async function saveReflection(db: Db, inquiryId: string, r: Reflection): Promise<void> {
  const values = {
    learned: r.learned,
    still_unclear: r.stillUnclear,
    keep: r.keep,
    change: r.change,
    teach_back: r.teachBack,
    updated_at: now(),
  };
  await db
    .insertInto('reflections')
    .values({ inquiry_id: inquiryId, user_id: r.userId, ...values })
    .onConflict((oc) => oc.columns(['inquiry_id', 'user_id']).doUpdateSet(values))
    .execute();
  await indexReflection(db, inquiryId, r.userId);
}

/** The adopted conclusion's text, so a teach-back that only copies it does not count. */
export async function adoptedConclusionText(db: Db, inquiryId: string): Promise<string | undefined> {
  const stored = await findProposal(db, inquiryId);
  const adopted = stored?.proposal.adopted;
  if (!stored || !adopted) return undefined;
  return (
    stored.proposal.versions.find((v) => v.version === adopted.version)?.text ??
    currentVersion(stored.proposal).text
  );
}
