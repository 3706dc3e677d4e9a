import type { Db } from './db.js';
import { newId, now } from './ids.js';
import type { HelpRequestsTable } from './schema.js';

export interface HelpRequestRecord {
  id: string;
  inquiryId: string;
  requester: { id: string; name: string };
  body: string;
  claimedBy: { id: string; name: string } | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  createdAt: string;
  contributionId: string | null;
}

export async function listHelpRequests(db: Db, inquiryId: string): Promise<HelpRequestRecord[]> {
  return toRecords(
    db,
    await db
      .selectFrom('help_requests')
      .selectAll()
      .where('inquiry_id', '=', inquiryId)
      .orderBy('id')
      .execute(),
  );
}

export async function findHelpRequest(db: Db, id: string): Promise<HelpRequestRecord | null> {
  const row = await db.selectFrom('help_requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ((await toRecords(db, [row]))[0] ?? null) : null;
}

/** Rows with the names of the people they mention, in one query for the lot. */
async function toRecords(db: Db, rows: HelpRequestsTable[]): Promise<HelpRequestRecord[]> {
  const ids = [
    ...new Set(rows.flatMap((r) => [r.requester_id, r.claimed_by].filter((x): x is string => x !== null))),
  ];
  const users = ids.length
    ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()
    : [];
  const person = (id: string) => ({ id, name: users.find((u) => u.id === id)?.name ?? '' });
  return rows.map((r) => ({
    id: r.id,
    inquiryId: r.inquiry_id,
    requester: person(r.requester_id),
    body: r.body,
    claimedBy: r.claimed_by ? person(r.claimed_by) : null,
    answer: r.answer,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
    createdAt: r.created_at,
    contributionId: r.contribution_id,
  }));
}

export async function insertHelpRequest(
  db: Db,
  input: { inquiryId: string; requesterId: string; body: string; contributionId: string | null },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('help_requests')
    .values({
      id,
      inquiry_id: input.inquiryId,
      requester_id: input.requesterId,
      body: input.body,
      claimed_by: null,
      answer: null,
      answered_by: null,
      answered_at: null,
      created_at: now(),
      contribution_id: input.contributionId,
    })
    .execute();
  return id;
}

/** Claims an unclaimed, unanswered request; false when someone else was first. */
export async function claimHelpRequest(db: Db, id: string, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('help_requests')
    .set({ claimed_by: userId })
    .where('id', '=', id)
    .where('claimed_by', 'is', null)
    .where('answer', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Answers a request not yet answered and not picked up by someone else; false when that was too late. */
export async function answerHelpRequest(
  db: Db,
  id: string,
  userId: string,
  answer: string,
): Promise<boolean> {
  const result = await db
    .updateTable('help_requests')
    .set({ answer, answered_by: userId, answered_at: now(), claimed_by: userId })
    .where('id', '=', id)
    .where('answer', 'is', null)
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', userId)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
