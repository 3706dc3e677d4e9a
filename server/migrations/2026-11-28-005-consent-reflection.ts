import type { Kysely } from 'kysely';

// Conclusion by consent (one proposal per inquiry, its whole history as JSON, with a revision for
// optimistic concurrency) and each participant's reflection. Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('conclusions')
    .addColumn('inquiry_id', 'varchar(36)', (c) =>
      c.primaryKey().references('inquiries.id').onDelete('cascade'),
    )
    .addColumn('proposal', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('reflections')
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('learned', 'text', (c) => c.notNull())
    .addColumn('still_unclear', 'text', (c) => c.notNull())
    .addColumn('keep', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('teach_back', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('reflections_pk', ['inquiry_id', 'user_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('reflections').execute();
  await db.schema.dropTable('conclusions').execute();
}
