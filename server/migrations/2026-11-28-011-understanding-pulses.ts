import { type Kysely, SqliteAdapter, sql } from 'kysely';

// The shared-understanding check (private rankings per participant) and the psychological-safety pulse,
// plus the workspace's pulse threshold k. Pulse answers and comments are stored with no link to the
// person: random UUIDv4 ids, no timestamps, and on SQLite no rowid either (WITHOUT ROWID tables are kept
// in primary-key order, so insertion order cannot be read back and matched against who answered).
// Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const unordered = sqlite ? sql`without rowid` : sql``;

  await db.schema
    .alterTable('workspaces')
    .addColumn('pulse_threshold', 'integer', (c) => c.notNull().defaultTo(5))
    .execute();

  // Knowledge resilience asks "who wrote under their own name in each inquiry?" across a workspace; this
  // partial index answers it from the index alone, without reading a single note.
  await db.schema
    .createIndex('contributions_named_authors')
    .on('contributions')
    .columns(['inquiry_id', 'author_id'])
    .where(sql.ref('anonymous'), '=', 0)
    .execute();

  await db.schema
    .createTable('understanding_checks')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('stage', 'varchar(16)', (c) => c.notNull())
    /** JSON [{id, label, contributionId}] */
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('opened_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .execute();
  // At most one open check per inquiry and stage, whoever races to open it.
  await db.schema
    .createIndex('understanding_checks_one_open')
    .on('understanding_checks')
    .columns(['inquiry_id', 'stage'])
    .unique()
    .where(sql.ref('closed_at'), 'is', null)
    .execute();
  await db.schema
    .createTable('understanding_responses')
    .addColumn('check_id', 'varchar(36)', (c) =>
      c.notNull().references('understanding_checks.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** JSON item ids, most convincing first. */
    .addColumn('ranking', 'text', (c) => c.notNull())
    .addColumn('theory', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('understanding_responses_pk', ['check_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('pulses')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.references('inquiries.id').onDelete('cascade'))
    .addColumn('opened_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('opened_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('closes_at', 'varchar(32)')
    .addColumn('closed_at', 'varchar(32)')
    /** k when the pulse was opened: a later change of the setting never reveals an older pulse. */
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pulses_workspace')
    .on('pulses')
    .columns(['workspace_id', 'opened_at'])
    .execute();
  await db.schema.createIndex('pulses_inquiry').on('pulses').columns(['inquiry_id', 'opened_at']).execute();
  // Who has answered, so nobody answers twice: no time, no order, nothing to match against an answer.
  await db.schema
    .createTable('pulse_respondents')
    .addColumn('pulse_id', 'varchar(36)', (c) => c.notNull().references('pulses.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addPrimaryKeyConstraint('pulse_respondents_pk', ['pulse_id', 'user_id'])
    .modifyEnd(unordered)
    .execute();
  // The answers: seven scores per row, a random id, no person, no time.
  let answers = db.schema
    .createTable('pulse_answers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('pulse_id', 'varchar(36)', (c) => c.notNull().references('pulses.id').onDelete('cascade'));
  for (let item = 1; item <= 7; item++)
    answers = answers.addColumn(`item${item}`, 'integer', (c) => c.notNull());
  await answers.modifyEnd(unordered).execute();
  await db.schema.createIndex('pulse_answers_pulse').on('pulse_answers').column('pulse_id').execute();
  // Comments apart from the answers, so not even the database ties a comment to a set of scores.
  await db.schema
    .createTable('pulse_comments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('pulse_id', 'varchar(36)', (c) => c.notNull().references('pulses.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .modifyEnd(unordered)
    .execute();
  await db.schema.createIndex('pulse_comments_pulse').on('pulse_comments').column('pulse_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('pulse_comments').execute();
  await db.schema.dropTable('pulse_answers').execute();
  await db.schema.dropTable('pulse_respondents').execute();
  await db.schema.dropTable('pulses').execute();
  await db.schema.dropTable('understanding_responses').execute();
  await db.schema.dropTable('understanding_checks').execute();
  await db.schema.dropIndex('contributions_named_authors').execute();
  await db.schema.alterTable('workspaces').dropColumn('pulse_threshold').execute();
}
