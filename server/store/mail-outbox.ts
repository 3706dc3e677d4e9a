import type { Db } from './db.js';
import { newId, now } from './ids.js';
import type { MailOutboxTable } from './schema.js';

export interface MailRecord {
  id: string;
  to: string;
  subject: string;
  text: string;
  attempts: number;
}

export async function queueMail(db: Db, mail: { to: string; subject: string; text: string }): Promise<void> {
  const at = now();
  await db
    .insertInto('mail_outbox')
    .values({
      id: newId(),
      to_address: mail.to,
      subject: mail.subject,
      text: mail.text,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      claimed_until: null,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .execute();
}

export async function dueMails(db: Db, at: string, limit: number): Promise<MailRecord[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'text', 'attempts'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.text,
    attempts: r.attempts,
  }));
}

/** Takes a mail for one attempt; false when another instance got it first. */
export async function claimMail(db: Db, id: string, at: string, until: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ claimed_until: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordMailAttempt(
  db: Db,
  id: string,
  outcome: {
    status: MailOutboxTable['status'];
    attempts: number;
    nextAttemptAt: string | null;
    error: string | null;
  },
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      next_attempt_at: outcome.nextAttemptAt,
      last_error: outcome.error?.slice(0, 500) ?? null,
      claimed_until: null,
      sent_at: outcome.status === 'sent' ? now() : null,
    })
    .where('id', '=', id)
    .execute();
}
