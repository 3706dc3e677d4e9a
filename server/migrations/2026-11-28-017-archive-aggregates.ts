import type { Kysely } from 'kysely';

// A workspace archive carries a pulse's and an understanding check's results only as aggregates (never
// anyone's answer, docs/archive.md). An imported pulse or check keeps its aggregate here, and the results
// are read from it as they were from the answers on the instance it came from. Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('pulse_aggregates')
    .addColumn('pulse_id', 'varchar(36)', (c) => c.primaryKey().references('pulses.id').onDelete('cascade'))
    .addColumn('responses', 'integer', (c) => c.notNull())
    /** JSON: the seven raw item sums, or null when the results were not shown where it came from. */
    .addColumn('sums', 'text')
    .execute();
  await db.schema
    .createTable('understanding_aggregates')
    .addColumn('check_id', 'varchar(36)', (c) =>
      c.primaryKey().references('understanding_checks.id').onDelete('cascade'),
    )
    .addColumn('responses', 'integer', (c) => c.notNull())
    /** JSON UnderstandingResult (agreement W and per-item figures) as it stood when exported. */
    .addColumn('result', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('understanding_aggregates').execute();
  await db.schema.dropTable('pulse_aggregates').execute();
}
