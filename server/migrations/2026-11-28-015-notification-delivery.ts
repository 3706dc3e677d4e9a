import type { Kysely } from 'kysely';

// Notification preferences (which kinds reach the inbox, e-mail digest hourly or daily) and the mail
// outbox the digests are sent from, with retry. Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'varchar(36)', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('email_digest', 'varchar(16)', (c) => c.notNull())
    /** Comma-separated notification kinds the person does not want in their inbox. */
    .addColumn('muted', 'varchar(200)', (c) => c.notNull())
    /** The last digest, or when the digest was switched on: the next covers what came after. */
    .addColumn('last_digest_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_preferences_digest')
    .on('notification_preferences')
    .columns(['email_digest', 'last_digest_at'])
    .execute();
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('to_address', 'varchar(320)', (c) => c.notNull())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'varchar(32)')
    .addColumn('claimed_until', 'varchar(32)')
    .addColumn('last_error', 'varchar(500)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('mail_outbox_due')
    .on('mail_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('mail_outbox').execute();
  await db.schema.dropTable('notification_preferences').execute();
}
