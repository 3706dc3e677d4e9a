import type { Db } from './db.js';
import { newId, now } from './ids.js';
import { claim, dueRows } from './outbox.js';
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
  const rows = await dueRows(db, 'mail_outbox', at, limit);
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.text,
    attempts: r.attempts,
  }));
}

/** Takes a mail for one attempt; false when another instance got it first. */
export const claimMail = (db: Db, id: string, at: string, until: string) =>
  claim(db, 'mail_outbox', id, at, until);

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
