import type { Kysely } from 'kysely';

// Help requests ("I'm stuck on…") that others claim and answer. Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('help_requests')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('requester_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('answered_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('help_requests_inquiry')
    .on('help_requests')
    .columns(['inquiry_id', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('help_requests').execute();
}
