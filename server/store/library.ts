import type { ContributionKind, ContributionState } from '../../domain/model.js';
import type { Db } from './db.js';

// What the library reads that no other store does: when inquiries were concluded (their phase history),
// and the notes a card is made of — those a conclusion rests on and those that stayed open — without
// reading the rest of a possibly large inquiry.

/** Concluded: the last move into `concluded`; an inquiry put there without a recorded move (imported or
 * seeded) counts from its last update. */
function concludedInquiries(db: Db, workspaceId: string) {
  return db
    .selectFrom('inquiries')
    .select((eb) => [
      'inquiries.id as id',
      eb.fn
        .coalesce(
          eb
            .selectFrom('phase_changes')
            .select((sub) => sub.fn.max('phase_changes.created_at').as('at'))
            .whereRef('phase_changes.inquiry_id', '=', 'inquiries.id')
            .where('phase_changes.to_phase', '=', 'concluded'),
          'inquiries.updated_at',
        )
        .as('concluded_at'),
    ])
    .where('inquiries.workspace_id', '=', workspaceId)
    .where('inquiries.phase', '=', 'concluded');
}

export interface ConcludedRef {
  id: string;
  concludedAt: string;
}

const SEPARATOR = '_';

export function encodeLibraryCursor(ref: ConcludedRef): string {
  return `${ref.concludedAt}${SEPARATOR}${ref.id}`;
}

/** The position a cursor stands for; null when it is not one this store wrote. */
export function decodeLibraryCursor(cursor: string): ConcludedRef | null {
  const at = cursor.lastIndexOf(SEPARATOR);
  if (at <= 0) return null;
  const concludedAt = cursor.slice(0, at);
  const id = cursor.slice(at + 1);
  if (Number.isNaN(Date.parse(concludedAt)) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { concludedAt, id };
}

/** A page of a workspace's concluded inquiries, the most recently concluded first. */
export async function listConcluded(
  db: Db,
  input: { workspaceId: string; limit: number; after?: ConcludedRef },
): Promise<{ items: ConcludedRef[]; nextCursor: string | null }> {
  let query = db
    .selectFrom(concludedInquiries(db, input.workspaceId).as('c'))
    .select(['c.id', 'c.concluded_at'])
    .orderBy('c.concluded_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(input.limit + 1);
  const after = input.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('c.concluded_at', '<', after.concludedAt),
        eb.and([eb('c.concluded_at', '=', after.concludedAt), eb('c.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query.execute();
  const items = rows.slice(0, input.limit).map((r) => ({ id: r.id, concludedAt: String(r.concluded_at) }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeLibraryCursor(last) : null };
}

/** When an inquiry was concluded; null unless it is. */
export async function concludedAtOf(db: Db, workspaceId: string, inquiryId: string): Promise<string | null> {
  const row = await concludedInquiries(db, workspaceId)
    .where('inquiries.id', '=', inquiryId)
    .executeTakeFirst();
  return row ? String(row.concluded_at) : null;
}

export interface CardNoteRecord {
  id: string;
  kind: ContributionKind;
  state: ContributionState | null;
  body: string;
  authorId: string;
  authorName: string;
  anonymous: boolean;
  createdAt: string;
}

/** At most this many notes that stayed open, the oldest first: a card is read, not scrolled through. */
export const MAX_STAYED_OPEN = 100;

function selectCardNotes(db: Db, inquiryId: string) {
  return db
    .selectFrom('contributions')
    .innerJoin('users', 'users.id', 'contributions.author_id')
    .select([
      'contributions.id',
      'contributions.kind',
      'contributions.state',
      'contributions.body',
      'contributions.author_id',
      'contributions.anonymous',
      'contributions.created_at',
      'users.name as author_name',
    ])
    .where('contributions.inquiry_id', '=', inquiryId)
    .orderBy('contributions.id');
}

const toCardNote = (r: {
  id: string;
  kind: ContributionKind;
  state: ContributionState | null;
  body: string;
  author_id: string;
  anonymous: number;
  created_at: string;
  author_name: string;
}): CardNoteRecord => ({
  id: r.id,
  kind: r.kind,
  state: r.state,
  body: r.body,
  authorId: r.author_id,
  authorName: r.author_name,
  anonymous: r.anonymous === 1,
  createdAt: r.created_at,
});

/** The notes of an inquiry with these ids (those a conclusion rests on), oldest first. */
export async function listNotesById(
  db: Db,
  inquiryId: string,
  ids: readonly string[],
): Promise<CardNoteRecord[]> {
  if (ids.length === 0) return [];
  const rows = await selectCardNotes(db, inquiryId)
    .where('contributions.id', 'in', [...ids])
    .execute();
  return rows.map(toCardNote);
}

/**
 * The notes still open, oldest first: questions not answered, assumptions and hypotheses never tested,
 * unknowns — at most `limit`.
 */
export async function listOpenNotes(
  db: Db,
  inquiryId: string,
  limit = MAX_STAYED_OPEN,
): Promise<CardNoteRecord[]> {
  const rows = await selectCardNotes(db, inquiryId)
    .where((eb) =>
      eb.or([
        eb('contributions.kind', '=', 'unknown'),
        eb.and([eb('contributions.kind', '=', 'question'), eb('contributions.state', '=', 'open')]),
        eb.and([
          eb('contributions.kind', 'in', ['assumption', 'hypothesis']),
          eb('contributions.state', '=', 'untested'),
        ]),
      ]),
    )
    .limit(limit)
    .execute();
  return rows.map(toCardNote);
}

/** The non-empty "what I still don't understand" answers of an inquiry's reflections, oldest first. */
export async function listStillUnclear(db: Db, inquiryId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('reflections')
    .select('still_unclear')
    .where('inquiry_id', '=', inquiryId)
    .orderBy('updated_at')
    .execute();
  return rows.map((r) => r.still_unclear.trim()).filter((text) => text.length > 0);
}

export async function countParticipants(db: Db, inquiryId: string): Promise<number> {
  const row = await db
    .selectFrom('inquiry_participants')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('inquiry_id', '=', inquiryId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
