import type { Kysely } from 'kysely';

// Promotive interaction and accountability: the lens a note was written from, "this helped me"
// acknowledgements, commitments that come out of a conclusion, and the subtasks of a cooperative
// inquiry. Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('contributions').addColumn('perspective', 'varchar(80)').execute();
  await db.schema
    .createTable('acknowledgements')
    .addColumn('contribution_id', 'varchar(36)', (c) =>
      c.notNull().references('contributions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('acknowledgements_pk', ['contribution_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('commitments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('text', 'varchar(500)', (c) => c.notNull())
    .addColumn('owner_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('due_date', 'varchar(10)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitments_inquiry')
    .on('commitments')
    .columns(['inquiry_id', 'id'])
    .execute();
  await db.schema
    .createTable('subtasks')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('due_date', 'varchar(10)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subtasks_inquiry').on('subtasks').columns(['inquiry_id', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('subtasks').execute();
  await db.schema.dropTable('commitments').execute();
  await db.schema.dropTable('acknowledgements').execute();
  await db.schema.alterTable('contributions').dropColumn('perspective').execute();
}
