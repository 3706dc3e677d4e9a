import type { ChangeRecord, StoredEvent } from '../live/events.js';
import type { Db } from './db.js';
import { now } from './ids.js';

/**
 * Appends a change to the inquiry's log with the next sequence number. Call inside the transaction that
 * makes the change: taking the number locks the inquiry row, so numbers are committed in order.
 */
export async function appendEvent(db: Db, inquiryId: string, change: ChangeRecord): Promise<StoredEvent> {
  const row = await db
    .updateTable('inquiries')
    // Every event is activity on the board: one update keeps the sequence and lastActivityAt together.
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_activity_at: now() }))
    .where('id', '=', inquiryId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const event = { ...change, inquiryId, seq: Number(row.last_seq), at: now() } as StoredEvent;
  await db
    .insertInto('events')
    .values({
      inquiry_id: inquiryId,
      seq: event.seq,
      type: event.type,
      data: JSON.stringify(event.data),
      created_at: event.at,
    })
    .execute();
  return event;
}

/** Events after `since`, oldest first, at most `limit`. */
export async function listEventsSince(
  db: Db,
  inquiryId: string,
  since: number,
  limit = 10_000,
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('inquiry_id', '=', inquiryId)
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(
    (r) =>
      ({
        type: r.type,
        data: JSON.parse(r.data),
        inquiryId: r.inquiry_id,
        seq: Number(r.seq),
        at: r.created_at,
      }) as StoredEvent,
  );
}

/** The newest and the oldest retained sequence numbers of an inquiry's log. */
export async function eventRange(
  db: Db,
  inquiryId: string,
): Promise<{ head: number; oldest: number | null }> {
  const head = await db
    .selectFrom('inquiries')
    .select('last_seq')
    .where('id', '=', inquiryId)
    .executeTakeFirst();
  const oldest = await db
    .selectFrom('events')
    .select((eb) => eb.fn.min('seq').as('oldest'))
    .where('inquiry_id', '=', inquiryId)
    .executeTakeFirst();
  return { head: Number(head?.last_seq ?? 0), oldest: oldest?.oldest == null ? null : Number(oldest.oldest) };
}
