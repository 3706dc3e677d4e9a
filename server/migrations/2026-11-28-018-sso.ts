import type { Kysely } from 'kysely';

// Single sign-on (OpenID Connect): who a provider's subject is here, sign-ins under way, and the e-mail
// domains whose people join a workspace when they sign in through SSO. Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('user_identities')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** The provider's issuer identifier (`iss`) and its stable id for the person (`sub`). */
    .addColumn('issuer', 'varchar(500)', (c) => c.notNull())
    .addColumn('subject', 'varchar(255)', (c) => c.notNull())
    /** The address the provider sent when the link was made, for people reading the table. */
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_login_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('user_identities_subject', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('user_identities_user').on('user_identities').column('user_id').execute();

  await db.schema
    .createTable('oidc_logins')
    /** SHA-256 of the random value in the browser's short-lived cookie, which binds the sign-in to it. */
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('state', 'varchar(100)', (c) => c.notNull())
    .addColumn('nonce', 'varchar(100)', (c) => c.notNull())
    .addColumn('code_verifier', 'varchar(200)', (c) => c.notNull())
    .addColumn('return_to', 'varchar(2000)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oidc_logins_expiry').on('oidc_logins').column('expires_at').execute();

  await db.schema
    .createTable('workspace_domains')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    /** Lower case, without a trailing dot: `acme.com`. */
    .addColumn('domain', 'varchar(253)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('workspace_domains_unique', ['workspace_id', 'domain'])
    .execute();
  await db.schema.createIndex('workspace_domains_domain').on('workspace_domains').column('domain').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('workspace_domains').execute();
  await db.schema.dropTable('oidc_logins').execute();
  await db.schema.dropTable('user_identities').execute();
}
