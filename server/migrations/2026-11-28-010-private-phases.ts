import type { Kysely } from 'kysely';

// Think first per phase: the phases in which an inquiry runs in private mode (JSON array of phase
// names), and what each phase move did to private mode (started, revealed), kept with the move. Frozen
// once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('inquiries')
    .addColumn('private_phases', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('phase_changes').addColumn('privacy', 'varchar(16)').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('phase_changes').dropColumn('privacy').execute();
  await db.schema.alterTable('inquiries').dropColumn('private_phases').execute();
}
