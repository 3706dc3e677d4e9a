import type { Kysely } from 'kysely';

// The in-app inbox: mentions, replies to my notes, help requests, phase changes, a conclusion waiting
// for my consent. Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.references('inquiries.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('subject_id', 'varchar(36)')
    .addColumn('summary', 'varchar(300)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('notifications').execute();
}
