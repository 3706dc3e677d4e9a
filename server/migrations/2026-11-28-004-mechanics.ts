import type { Kysely } from 'kysely';

// The collaborative-learning mechanics on an inquiry: privacy settings, gate settings, the fit check,
// and the record of phase moves (with any override and what was missing then). Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('inquiries')
    .addColumn('private_mode', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('inquiries')
    .addColumn('leader_speaks_last', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('inquiries').addColumn('revealed_at', 'varchar(32)').execute();
  await db.schema.alterTable('inquiries').addColumn('gate_settings', 'text').execute();
  await db.schema.alterTable('inquiries').addColumn('fit_check', 'text').execute();
  await db.schema
    .createTable('phase_changes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('from_phase', 'varchar(16)', (c) => c.notNull())
    .addColumn('to_phase', 'varchar(16)', (c) => c.notNull())
    .addColumn('moved_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('override_reason', 'text')
    .addColumn('missing', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('phase_changes_inquiry')
    .on('phase_changes')
    .columns(['inquiry_id', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('phase_changes').execute();
  for (const column of ['fit_check', 'gate_settings', 'revealed_at', 'leader_speaks_last', 'private_mode']) {
    await db.schema.alterTable('inquiries').dropColumn(column).execute();
  }
}
