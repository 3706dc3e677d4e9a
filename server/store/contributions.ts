import type { Confidence, ContributionKind, ContributionState, LinkKind } from '../../domain/model.js';
import { indexContribution, unindexContribution } from '../search/indexer.js';
import type { Db } from './db.js';
import { newId, now } from './ids.js';
import type { ContributionsTable, LinksTable } from './schema.js';

export interface ContributionRecord {
  id: string;
  inquiryId: string;
  authorId: string;
  authorName: string;
  kind: ContributionKind;
  body: string;
  confidence: Confidence;
  state: ContributionState | null;
  anonymous: boolean;
  createdAt: string;
  updatedAt: string;
  /** The lens the author wrote from, if the facilitator gave them one. */
  perspective: string | null;
  /** Who said "this helped me". */
  acknowledgedBy: string[];
}

export interface LinkRecord {
  id: string;
  inquiryId: string;
  fromId: string;
  toId: string;
  kind: LinkKind;
  createdBy: string;
  anonymous: boolean;
  createdAt: string;
}

function selectContributions(db: Db) {
  return db
    .selectFrom('contributions')
    .innerJoin('users', 'users.id', 'contributions.author_id')
    .selectAll('contributions')
    .select('users.name as author_name');
}

const toContribution = (r: ContributionsTable & { author_name: string }): ContributionRecord => ({
  id: r.id,
  inquiryId: r.inquiry_id,
  authorId: r.author_id,
  authorName: r.author_name,
  kind: r.kind,
  body: r.body,
  confidence: r.confidence,
  state: r.state,
  anonymous: r.anonymous === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  perspective: r.perspective,
  acknowledgedBy: [],
});

/** Fills in who acknowledged each note, in one query for the lot. */
async function withAcknowledgements(db: Db, records: ContributionRecord[]): Promise<ContributionRecord[]> {
  if (records.length === 0) return records;
  const rows = await db
    .selectFrom('acknowledgements')
    .select(['contribution_id', 'user_id'])
    .where(
      'contribution_id',
      'in',
      records.map((r) => r.id),
    )
    .orderBy('created_at')
    .execute();
  const by = new Map<string, string[]>();
  for (const row of rows) by.set(row.contribution_id, [...(by.get(row.contribution_id) ?? []), row.user_id]);
  return records.map((r) => ({ ...r, acknowledgedBy: by.get(r.id) ?? [] }));
}

const toLink = (r: LinksTable): LinkRecord => ({
  id: r.id,
  inquiryId: r.inquiry_id,
  fromId: r.from_id,
  toId: r.to_id,
  kind: r.kind,
  createdBy: r.created_by,
  anonymous: r.anonymous === 1,
  createdAt: r.created_at,
});

export async function insertContribution(
  db: Db,
  input: Omit<ContributionRecord, 'id' | 'createdAt' | 'updatedAt' | 'perspective' | 'acknowledgedBy'> & {
    perspective?: string | null;
  },
): Promise<ContributionRecord> {
  const at = now();
  const record: ContributionRecord = {
    ...input,
    perspective: input.perspective ?? null,
    acknowledgedBy: [],
    id: newId(),
    createdAt: at,
    updatedAt: at,
  };
  await db
    .insertInto('contributions')
    .values({
      id: record.id,
      inquiry_id: record.inquiryId,
      author_id: record.authorId,
      kind: record.kind,
      body: record.body,
      confidence: record.confidence,
      state: record.state,
      anonymous: record.anonymous ? 1 : 0,
      created_at: at,
      updated_at: at,
      perspective: record.perspective,
    })
    .execute();
  await indexContribution(db, record.id);
  return record;
}

export async function findContribution(db: Db, id: string): Promise<ContributionRecord | null> {
  const row = await selectContributions(db).where('contributions.id', '=', id).executeTakeFirst();
  return row ? ((await withAcknowledgements(db, [toContribution(row)]))[0] ?? null) : null;
}

/** Contributions by id, for checking both ends of new links in one query. */
export async function findContributions(db: Db, ids: readonly string[]): Promise<ContributionRecord[]> {
  if (ids.length === 0) return [];
  const rows = await selectContributions(db)
    .where('contributions.id', 'in', [...ids])
    .execute();
  return withAcknowledgements(db, rows.map(toContribution));
}

/** A page of an inquiry's contributions in the order they were written. */
export async function listContributions(
  db: Db,
  input: { inquiryId: string; limit: number; cursor?: string; kind?: ContributionKind; authorId?: string },
): Promise<{ items: ContributionRecord[]; nextCursor: string | null }> {
  let query = selectContributions(db)
    .where('contributions.inquiry_id', '=', input.inquiryId)
    .orderBy('contributions.id')
    .limit(input.limit + 1);
  if (input.cursor) query = query.where('contributions.id', '>', input.cursor);
  if (input.kind) query = query.where('contributions.kind', '=', input.kind);
  if (input.authorId) query = query.where('contributions.author_id', '=', input.authorId);
  const rows = await query.execute();
  const page = await withAcknowledgements(db, rows.slice(0, input.limit).map(toContribution));
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

export async function updateContribution(
  db: Db,
  id: string,
  patch: { body?: string; confidence?: Confidence; state?: ContributionState | null },
): Promise<void> {
  const set: Partial<ContributionsTable> = { updated_at: now() };
  if (patch.body !== undefined) set.body = patch.body;
  if (patch.confidence !== undefined) set.confidence = patch.confidence;
  if (patch.state !== undefined) set.state = patch.state;
  await db.updateTable('contributions').set(set).where('id', '=', id).execute();
  await indexContribution(db, id);
}

/** Deletes a contribution with every link to or from it. Call inside a transaction. */
export async function deleteContribution(db: Db, id: string): Promise<void> {
  await db
    .deleteFrom('links')
    .where((eb) => eb.or([eb('from_id', '=', id), eb('to_id', '=', id)]))
    .execute();
  await unindexContribution(db, id);
  await db.deleteFrom('contributions').where('id', '=', id).execute();
}

export async function insertLink(db: Db, input: Omit<LinkRecord, 'id' | 'createdAt'>): Promise<LinkRecord> {
  const record: LinkRecord = { ...input, id: newId(), createdAt: now() };
  await db
    .insertInto('links')
    .values({
      id: record.id,
      inquiry_id: record.inquiryId,
      from_id: record.fromId,
      to_id: record.toId,
      kind: record.kind,
      created_by: record.createdBy,
      anonymous: record.anonymous ? 1 : 0,
      created_at: record.createdAt,
    })
    .execute();
  return record;
}

export async function findLink(db: Db, id: string): Promise<LinkRecord | null> {
  const row = await db.selectFrom('links').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toLink(row) : null;
}

/** Links that start at any of these contributions. */
export async function listLinksFrom(db: Db, fromIds: readonly string[]): Promise<LinkRecord[]> {
  if (fromIds.length === 0) return [];
  const rows = await db
    .selectFrom('links')
    .selectAll()
    .where('from_id', 'in', [...fromIds])
    .orderBy('id')
    .execute();
  return rows.map(toLink);
}

/** Existing links between two notes, in either direction, for the duplicate rule. */
export async function listLinksBetween(db: Db, a: string, b: string): Promise<LinkRecord[]> {
  const rows = await db
    .selectFrom('links')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('from_id', '=', a), eb('to_id', '=', b)]),
        eb.and([eb('from_id', '=', b), eb('to_id', '=', a)]),
      ]),
    )
    .execute();
  return rows.map(toLink);
}

export async function deleteLink(db: Db, id: string): Promise<void> {
  await db.deleteFrom('links').where('id', '=', id).execute();
}

/** "This helped me" on or off; false when nothing changed. */
export async function setAcknowledgement(
  db: Db,
  contributionId: string,
  userId: string,
  on: boolean,
): Promise<boolean> {
  if (on) {
    const inserted = await db
      .insertInto('acknowledgements')
      .values({ contribution_id: contributionId, user_id: userId, created_at: now() })
      .onConflict((oc) => oc.columns(['contribution_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const deleted = await db
    .deleteFrom('acknowledgements')
    .where('contribution_id', '=', contributionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}
