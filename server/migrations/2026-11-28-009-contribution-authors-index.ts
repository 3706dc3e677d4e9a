import type { Kysely } from 'kysely';

// Private mode asks "who has posted in this inquiry?" on every request; this index answers it without
// reading every note. Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('contributions_inquiry_author')
    .on('contributions')
    .columns(['inquiry_id', 'author_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('contributions_inquiry_author').execute();
}
