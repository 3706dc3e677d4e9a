import type { CommitmentStatus } from '../../domain/mechanics/accountability.js';
import type { Db } from './db.js';
import { newId, now } from './ids.js';

export interface CommitmentRecord {
  id: string;
  inquiryId: string;
  text: string;
  owner: { id: string; name: string };
  dueDate: string | null;
  status: CommitmentStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

function selectCommitments(db: Db) {
  return db
    .selectFrom('commitments')
    .innerJoin('users', 'users.id', 'commitments.owner_id')
    .selectAll('commitments')
    .select('users.name as owner_name');
}

type Row = Awaited<ReturnType<ReturnType<typeof selectCommitments>['executeTakeFirstOrThrow']>>;
const toRecord = (r: Row): CommitmentRecord => ({
  id: r.id,
  inquiryId: r.inquiry_id,
  text: r.text,
  owner: { id: r.owner_id, name: r.owner_name },
  dueDate: r.due_date,
  status: r.status,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listCommitments(db: Db, inquiryId: string): Promise<CommitmentRecord[]> {
  const rows = await selectCommitments(db)
    .where('commitments.inquiry_id', '=', inquiryId)
    .orderBy('commitments.id')
    .execute();
  return rows.map(toRecord);
}

export async function findCommitment(db: Db, id: string): Promise<CommitmentRecord | null> {
  const row = await selectCommitments(db).where('commitments.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function insertCommitment(
  db: Db,
  input: { inquiryId: string; text: string; ownerId: string; dueDate: string | null; createdBy: string },
): Promise<string> {
  const at = now();
  const id = newId();
  await db
    .insertInto('commitments')
    .values({
      id,
      inquiry_id: input.inquiryId,
      text: input.text,
      owner_id: input.ownerId,
      due_date: input.dueDate,
      status: 'open',
      created_by: input.createdBy,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function updateCommitment(
  db: Db,
  id: string,
  patch: { text?: string; ownerId?: string; dueDate?: string | null; status?: CommitmentStatus },
): Promise<void> {
  await db
    .updateTable('commitments')
    .set({
      updated_at: now(),
      ...(patch.text !== undefined ? { text: patch.text } : {}),
      ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
      ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteCommitment(db: Db, id: string): Promise<void> {
  await db.deleteFrom('commitments').where('id', '=', id).execute();
}
