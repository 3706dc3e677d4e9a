import type { Kysely } from 'kysely';

// Yjs updates of each co-edited document (the synthesis), appended as they come and compacted now and
// then into one. Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('document_updates')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('document', 'varchar(120)', (c) => c.notNull())
    .addColumn('update_b64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_updates_document')
    .on('document_updates')
    .columns(['document', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('document_updates').execute();
}
