import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration. Kysely<any> on purpose, so this file does not
// follow the current schema types.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('key', 'varchar(300)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_key_at').on('login_failures').columns(['key', 'at']).execute();

  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('invited_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('accepted_at', 'varchar(32)')
    .addColumn('accepted_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('revoked_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('invitations_workspace').on('invitations').column('workspace_id').execute();

  await db.schema
    .createTable('inquiries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('title', 'varchar(120)', (c) => c.notNull())
    .addColumn('question', 'varchar(500)', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('success_criteria', 'text', (c) => c.notNull())
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('phase', 'varchar(16)', (c) => c.notNull())
    .addColumn('allow_anonymous', 'integer', (c) => c.notNull())
    .addColumn('facilitator_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_activity_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inquiries_workspace')
    .on('inquiries')
    .columns(['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('inquiry_participants')
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('perspective', 'varchar(80)')
    .addColumn('joined_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('inquiry_participants_pk', ['inquiry_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('contributions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('confidence', 'varchar(16)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contributions_inquiry')
    .on('contributions')
    .columns(['inquiry_id', 'id'])
    .execute();
  await db.schema.createIndex('contributions_author').on('contributions').columns(['author_id']).execute();

  await db.schema
    .createTable('links')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('from_id', 'varchar(36)', (c) =>
      c.notNull().references('contributions.id').onDelete('cascade'),
    )
    .addColumn('to_id', 'varchar(36)', (c) => c.notNull().references('contributions.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('links_unique', ['from_id', 'to_id', 'kind'])
    .execute();
  await db.schema.createIndex('links_inquiry').on('links').column('inquiry_id').execute();
  await db.schema.createIndex('links_to').on('links').column('to_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'links',
    'contributions',
    'inquiry_participants',
    'inquiries',
    'invitations',
    'memberships',
    'workspaces',
    'login_failures',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
