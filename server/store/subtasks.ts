import type { Db } from './db.js';
import { newId, now } from './ids.js';
import type { SubtasksTable } from './schema.js';

export interface SubtaskRecord {
  id: string;
  inquiryId: string;
  title: string;
  detail: string;
  assignee: { id: string; name: string };
  dueDate: string | null;
  status: SubtasksTable['status'];
  result: string;
  createdAt: string;
  updatedAt: string;
}

function selectSubtasks(db: Db) {
  return db
    .selectFrom('subtasks')
    .innerJoin('users', 'users.id', 'subtasks.assignee_id')
    .selectAll('subtasks')
    .select('users.name as assignee_name');
}

type Row = Awaited<ReturnType<ReturnType<typeof selectSubtasks>['executeTakeFirstOrThrow']>>;
const toRecord = (r: Row): SubtaskRecord => ({
  id: r.id,
  inquiryId: r.inquiry_id,
  title: r.title,
  detail: r.detail,
  assignee: { id: r.assignee_id, name: r.assignee_name },
  dueDate: r.due_date,
  status: r.status,
  result: r.result,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listSubtasks(db: Db, inquiryId: string): Promise<SubtaskRecord[]> {
  const rows = await selectSubtasks(db)
    .where('subtasks.inquiry_id', '=', inquiryId)
    .orderBy('subtasks.id')
    .execute();
  return rows.map(toRecord);
}

export async function findSubtask(db: Db, id: string): Promise<SubtaskRecord | null> {
  const row = await selectSubtasks(db).where('subtasks.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function insertSubtask(
  db: Db,
  input: { inquiryId: string; title: string; detail: string; assigneeId: string; dueDate: string | null },
): Promise<string> {
  const at = now();
  const id = newId();
  await db
    .insertInto('subtasks')
    .values({
      id,
      inquiry_id: input.inquiryId,
      title: input.title,
      detail: input.detail,
      assignee_id: input.assigneeId,
      due_date: input.dueDate,
      status: 'todo',
      result: '',
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function updateSubtask(
  db: Db,
  id: string,
  patch: Partial<Pick<SubtaskRecord, 'title' | 'detail' | 'dueDate' | 'status' | 'result'>> & {
    assigneeId?: string;
  },
): Promise<void> {
  await db
    .updateTable('subtasks')
    .set({
      updated_at: now(),
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.detail !== undefined ? { detail: patch.detail } : {}),
      ...(patch.assigneeId !== undefined ? { assignee_id: patch.assigneeId } : {}),
      ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.result !== undefined ? { result: patch.result } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteSubtask(db: Db, id: string): Promise<void> {
  await db.deleteFrom('subtasks').where('id', '=', id).execute();
}
