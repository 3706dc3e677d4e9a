import type { Kysely } from 'kysely';

// A help request may point at the note someone is stuck on ("I'm stuck on this"). Deleting the note keeps
// the request and drops the pointer. Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('help_requests')
    .addColumn('contribution_id', 'varchar(36)', (c) => c.references('contributions.id').onDelete('set null'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('help_requests').dropColumn('contribution_id').execute();
}
