import type { Selectable } from 'kysely';
import type { Db } from './db.js';
import type { DB } from './schema.js';

// What the two outboxes (webhook deliveries, mails) share: which rows are due, and taking one for an
// attempt. Every instance sends; the claim (a timed hold) keeps two from sending the same row.

type OutboxTable = 'webhook_deliveries' | 'mail_outbox';

/** Pending rows whose time has come and that no sender holds, oldest first. */
// Kysely types a table-name union as the union's common columns; the cast gives each caller its own row type.
export function dueRows<T extends OutboxTable>(db: Db, table: T, at: string, limit: number) {
  return db
    .selectFrom(table as OutboxTable)
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute() as Promise<Selectable<DB[T]>[]>;
}

/** Takes a row for one attempt until `until`; false when another sender (or instance) got it first. */
export async function claim(
  db: Db,
  table: OutboxTable,
  id: string,
  at: string,
  until: string,
): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set({ claimed_until: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
