import type { Db } from './db.js';
import { newId, now } from './ids.js';

// The shared-understanding check: one row per check, one per participant's private answer. Rankings and
// theories leave this module only for their author (listChecks) or as rank vectors for the aggregate.

export type UnderstandingStage = 'exploring' | 'reflecting';

export interface UnderstandingItemRecord {
  id: string;
  label: string;
  contributionId: string | null;
}

export interface CheckRecord {
  id: string;
  inquiryId: string;
  stage: UnderstandingStage;
  items: UnderstandingItemRecord[];
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
}

export interface CheckWithMine extends CheckRecord {
  responses: number;
  myResponse: { ranking: string[]; theory: string } | null;
}

type CheckRow = {
  id: string;
  inquiry_id: string;
  stage: UnderstandingStage;
  items: string;
  opened_by: string;
  opened_at: string;
  closed_at: string | null;
};

const fromRow = (r: CheckRow): CheckRecord => ({
  id: r.id,
  inquiryId: r.inquiry_id,
  stage: r.stage,
  items: JSON.parse(r.items) as UnderstandingItemRecord[],
  openedBy: r.opened_by,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
});

export async function findCheck(db: Db, id: string): Promise<CheckRecord | null> {
  const row = await db.selectFrom('understanding_checks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

export async function findOpenCheck(
  db: Db,
  inquiryId: string,
  stage: UnderstandingStage,
): Promise<CheckRecord | null> {
  const row = await db
    .selectFrom('understanding_checks')
    .selectAll()
    .where('inquiry_id', '=', inquiryId)
    .where('stage', '=', stage)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Opens a check; false when one is already open for that stage (the unique index decides races). */
export async function insertCheck(
  db: Db,
  input: {
    inquiryId: string;
    stage: UnderstandingStage;
    items: Omit<UnderstandingItemRecord, 'id'>[];
    openedBy: string;
  },
): Promise<CheckRecord | null> {
  const record: CheckRecord = {
    id: newId(),
    inquiryId: input.inquiryId,
    stage: input.stage,
    items: input.items.map((item) => ({ id: newId(), ...item })),
    openedBy: input.openedBy,
    openedAt: now(),
    closedAt: null,
  };
  const inserted = await db
    .insertInto('understanding_checks')
    .values({
      id: record.id,
      inquiry_id: record.inquiryId,
      stage: record.stage,
      items: JSON.stringify(record.items),
      opened_by: record.openedBy,
      opened_at: record.openedAt,
      closed_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1 ? record : null;
}

export async function closeCheck(db: Db, id: string): Promise<void> {
  await db
    .updateTable('understanding_checks')
    .set({ closed_at: now() })
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .execute();
}

/** The inquiry's checks, newest first, each with its number of answers and the viewer's own answer. */
export async function listChecks(db: Db, inquiryId: string, viewerId: string): Promise<CheckWithMine[]> {
  const rows = await db
    .selectFrom('understanding_checks')
    .selectAll()
    .where('inquiry_id', '=', inquiryId)
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [counts, mine] = await Promise.all([
    db
      .selectFrom('understanding_responses')
      .select(['check_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('check_id', 'in', ids)
      .groupBy('check_id')
      .execute(),
    db
      .selectFrom('understanding_responses')
      .select(['check_id', 'ranking', 'theory'])
      .where('check_id', 'in', ids)
      .where('user_id', '=', viewerId)
      .execute(),
  ]);
  const countOf = new Map(counts.map((c) => [c.check_id, Number(c.n)]));
  // An imported check's count travelled as a number (its answers did not).
  for (const a of await db
    .selectFrom('understanding_aggregates')
    .select(['check_id', 'responses'])
    .where('check_id', 'in', ids)
    .execute()) {
    countOf.set(a.check_id, (countOf.get(a.check_id) ?? 0) + Number(a.responses));
  }
  const mineOf = new Map(
    mine.map((m) => [m.check_id, { ranking: JSON.parse(m.ranking) as string[], theory: m.theory }]),
  );
  return rows.map((r) => ({
    ...fromRow(r),
    responses: countOf.get(r.id) ?? 0,
    myResponse: mineOf.get(r.id) ?? null,
  }));
}

/** Writes or rewrites one person's answer. */
export async function saveResponse(
  db: Db,
  checkId: string,
  userId: string,
  answer: { ranking: readonly string[]; theory: string },
): Promise<void> {
  const values = { ranking: JSON.stringify(answer.ranking), theory: answer.theory, updated_at: now() };
  await db
    .insertInto('understanding_responses')
    .values({ check_id: checkId, user_id: userId, ...values })
    .onConflict((oc) => oc.columns(['check_id', 'user_id']).doUpdateSet(values))
    .execute();
}

/** Every ranking of a check, without who gave it: input for the aggregate only. */
export async function rankingsOf(db: Db, checkId: string): Promise<string[][]> {
  const rows = await db
    .selectFrom('understanding_responses')
    .select('ranking')
    .where('check_id', '=', checkId)
    .execute();
  return rows.map((r) => JSON.parse(r.ranking) as string[]);
}

/** The newest check of each stage of an inquiry. */
export async function latestChecks(db: Db, inquiryId: string): Promise<Map<UnderstandingStage, CheckRecord>> {
  const rows = await db
    .selectFrom('understanding_checks')
    .selectAll()
    .where('inquiry_id', '=', inquiryId)
    .orderBy('opened_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const latest = new Map<UnderstandingStage, CheckRecord>();
  for (const r of rows) latest.set(r.stage, fromRow(r));
  return latest;
}

/** The agreement an imported check brought along (server/archive/), as JSON; null for a check made here. */
export async function importedResultOf(db: Db, checkId: string): Promise<string | null> {
  const row = await db
    .selectFrom('understanding_aggregates')
    .select('result')
    .where('check_id', '=', checkId)
    .executeTakeFirst();
  return row?.result ?? null;
}
