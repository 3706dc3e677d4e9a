import { randomUUID } from 'node:crypto';
import type { PulseSums } from '../../domain/insights/pulse.js';
import type { Db } from './db.js';
import { newId, now } from './ids.js';

// Psychological-safety pulses. Who has answered (pulse_respondents) and what was answered (pulse_answers,
// pulse_comments) live apart: answers and comments have random UUIDv4 ids, no timestamps and no order, and
// are read back only as sums and counts (comments as an unordered set), never as rows tied to anything.

export interface PulseRecord {
  id: string;
  workspaceId: string;
  inquiryId: string | null;
  openedBy: string;
  openedAt: string;
  closesAt: string | null;
  closedAt: string | null;
  threshold: number;
}

type PulseRow = {
  id: string;
  workspace_id: string;
  inquiry_id: string | null;
  opened_by: string;
  opened_at: string;
  closes_at: string | null;
  closed_at: string | null;
  threshold: number;
};

const fromRow = (r: PulseRow): PulseRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  inquiryId: r.inquiry_id,
  openedBy: r.opened_by,
  openedAt: r.opened_at,
  closesAt: r.closes_at,
  closedAt: r.closed_at,
  threshold: Number(r.threshold),
});

/** Closed by hand, or its closing time has passed. */
export function isClosed(p: PulseRecord, at = now()): boolean {
  return p.closedAt !== null || (p.closesAt !== null && p.closesAt <= at);
}

/** When it closed: by hand, or at its closing time once that has passed. */
export function closedAtOf(p: PulseRecord, at = now()): string | null {
  return p.closedAt ?? (p.closesAt !== null && p.closesAt <= at ? p.closesAt : null);
}

export async function findPulse(db: Db, id: string): Promise<PulseRecord | null> {
  const row = await db.selectFrom('pulses').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

export async function insertPulse(
  db: Db,
  input: Omit<PulseRecord, 'id' | 'openedAt' | 'closedAt'>,
): Promise<PulseRecord> {
  const record: PulseRecord = { ...input, id: newId(), openedAt: now(), closedAt: null };
  await db
    .insertInto('pulses')
    .values({
      id: record.id,
      workspace_id: record.workspaceId,
      inquiry_id: record.inquiryId,
      opened_by: record.openedBy,
      opened_at: record.openedAt,
      closes_at: record.closesAt,
      closed_at: null,
      threshold: record.threshold,
    })
    .execute();
  return record;
}

export async function closePulse(db: Db, id: string): Promise<void> {
  await db
    .updateTable('pulses')
    .set({ closed_at: now() })
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .execute();
}

/** Pulses of one inquiry, or the team pulses of a workspace (inquiry null), newest first. */
export async function listPulses(
  db: Db,
  scope: { workspaceId: string; inquiryIds: readonly string[] | null; team: boolean },
): Promise<PulseRecord[]> {
  const { workspaceId, inquiryIds, team } = scope;
  if (!team && (inquiryIds === null || inquiryIds.length === 0)) return [];
  const rows = await db
    .selectFrom('pulses')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => {
      const parts = [];
      if (team) parts.push(eb('inquiry_id', 'is', null));
      if (inquiryIds && inquiryIds.length > 0) parts.push(eb('inquiry_id', 'in', inquiryIds));
      return eb.or(parts);
    })
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(fromRow);
}

/** An open pulse of the same scope (the inquiry, or the team), if any. */
export async function findOpenPulse(
  db: Db,
  workspaceId: string,
  inquiryId: string | null,
): Promise<PulseRecord | null> {
  const at = now();
  const rows = await db
    .selectFrom('pulses')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => (inquiryId === null ? eb('inquiry_id', 'is', null) : eb('inquiry_id', '=', inquiryId)))
    .where('closed_at', 'is', null)
    .execute();
  return rows.map(fromRow).find((p) => !isClosed(p, at)) ?? null;
}

/** How many have answered each pulse. */
export async function responseCounts(db: Db, pulseIds: readonly string[]): Promise<Map<string, number>> {
  if (pulseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('pulse_respondents')
    .select(['pulse_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pulse_id', 'in', pulseIds)
    .groupBy('pulse_id')
    .execute();
  const counts = new Map(rows.map((r) => [r.pulse_id, Number(r.n)]));
  // An imported pulse's count travelled as a number (its respondents did not).
  for (const a of await aggregatesOf(db, pulseIds)) {
    counts.set(a.pulse_id, (counts.get(a.pulse_id) ?? 0) + Number(a.responses));
  }
  return counts;
}

/** The results imported pulses brought along (server/archive/): counts and sums, never an answer. */
function aggregatesOf(db: Db, pulseIds: readonly string[]) {
  return db.selectFrom('pulse_aggregates').selectAll().where('pulse_id', 'in', pulseIds).execute();
}

/** Which of these pulses the viewer has answered (whether, never what). */
export async function answeredBy(db: Db, pulseIds: readonly string[], userId: string): Promise<Set<string>> {
  if (pulseIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('pulse_respondents')
    .select('pulse_id')
    .where('pulse_id', 'in', pulseIds)
    .where('user_id', '=', userId)
    .execute();
  return new Set(rows.map((r) => r.pulse_id));
}

/**
 * Records that `userId` answered and, apart from that, the answer and the comment: one transaction, so
 * either all three rows exist or none. False when this person had already answered (nothing is written).
 */
export async function insertAnswer(
  trx: Db,
  pulseId: string,
  userId: string,
  answers: readonly number[],
  comment: string,
): Promise<boolean> {
  const who = await trx
    .insertInto('pulse_respondents')
    .values({ pulse_id: pulseId, user_id: userId })
    .onConflict((oc) => oc.columns(['pulse_id', 'user_id']).doNothing())
    .executeTakeFirst();
  if (Number(who.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  const [item1, item2, item3, item4, item5, item6, item7] = answers as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // UUIDv4, not the time-ordered v7 the rest of the app uses: an id must not say when it was written.
  await trx
    .insertInto('pulse_answers')
    .values({ id: randomUUID(), pulse_id: pulseId, item1, item2, item3, item4, item5, item6, item7 })
    .execute();
  if (comment.length > 0) {
    await trx
      .insertInto('pulse_comments')
      .values({ id: randomUUID(), pulse_id: pulseId, body: comment })
      .execute();
  }
  return true;
}

/** Per-pulse sums of each item and the number of answers, added up by the database. */
export async function answerSums(db: Db, pulseIds: readonly string[]): Promise<Map<string, PulseSums>> {
  if (pulseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('pulse_answers')
    .select((eb) => [
      'pulse_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('item1').as('s1'),
      eb.fn.sum<number>('item2').as('s2'),
      eb.fn.sum<number>('item3').as('s3'),
      eb.fn.sum<number>('item4').as('s4'),
      eb.fn.sum<number>('item5').as('s5'),
      eb.fn.sum<number>('item6').as('s6'),
      eb.fn.sum<number>('item7').as('s7'),
    ])
    .where('pulse_id', 'in', pulseIds)
    .groupBy('pulse_id')
    .execute();
  const totals = new Map<string, PulseSums>(
    rows.map((r) => [
      r.pulse_id,
      { responses: Number(r.n), sums: [r.s1, r.s2, r.s3, r.s4, r.s5, r.s6, r.s7].map(Number) },
    ]),
  );
  // An imported pulse answers no more (it arrives closed), so its sums stand alone.
  for (const a of await aggregatesOf(db, pulseIds)) {
    if (a.sums !== null) totals.set(a.pulse_id, { responses: Number(a.responses), sums: JSON.parse(a.sums) });
  }
  return totals;
}

/** A pulse's comments as a set: the caller decides whether they may be shown, and shuffles them. */
export async function commentsOf(db: Db, pulseId: string): Promise<string[]> {
  const rows = await db.selectFrom('pulse_comments').select('body').where('pulse_id', '=', pulseId).execute();
  return rows.map((r) => r.body);
}

export async function pulseThreshold(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('workspaces')
    .select('pulse_threshold')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return Number(row?.pulse_threshold ?? 5);
}

export async function setPulseThreshold(db: Db, workspaceId: string, threshold: number): Promise<void> {
  await db
    .updateTable('workspaces')
    .set({ pulse_threshold: threshold })
    .where('id', '=', workspaceId)
    .execute();
}
