import type { Kysely } from 'kysely';

// The facilitator's console (#5): the workspace's prompt library (one prompt per rule, seeded with the
// defaults on first use), the workspace's insight thresholds, and the suggested questions the facilitator
// has posted into an inquiry. Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('facilitator_prompts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('rule', 'varchar(40)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('addressed_to', 'varchar(8)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('facilitator_prompts_rule')
    .on('facilitator_prompts')
    .columns(['workspace_id', 'rule'])
    .unique()
    .execute();

  await db.schema
    .createTable('insight_settings')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.primaryKey().references('workspaces.id').onDelete('cascade'),
    )
    /** JSON: the thresholds a workspace changed; the rest are the defaults. */
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('asked_prompts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('rule', 'varchar(40)', (c) => c.notNull())
    .addColumn('finding_id', 'varchar(300)', (c) => c.notNull())
    .addColumn('prompt_id', 'varchar(36)', (c) => c.references('facilitator_prompts.id').onDelete('set null'))
    .addColumn('contribution_id', 'varchar(36)', (c) =>
      c.notNull().references('contributions.id').onDelete('cascade'),
    )
    .addColumn('asked_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('asked_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('asked_prompts_inquiry')
    .on('asked_prompts')
    .columns(['inquiry_id', 'asked_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('asked_prompts').execute();
  await db.schema.dropTable('insight_settings').execute();
  await db.schema.dropTable('facilitator_prompts').execute();
}
