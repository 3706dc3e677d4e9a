import { type Kysely, SqliteAdapter, sql } from 'kysely';

// The library's full-text index: one row per searchable text of a workspace (an inquiry's framing, a
// note, the adopted conclusion, a reflection, the synthesis). Rows are written by the application in the
// same transaction as what they index (server/search/indexer.ts); the full-text structure follows the
// rows by itself — an FTS5 external-content table kept by triggers on SQLite, a generated tsvector column
// with a GIN index on PostgreSQL. Filled for existing data at startup (rebuildSearchIndexIfEmpty).
// Frozen once landed.
// any: migrations are typed loosely so they stay frozen
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('search_entries')
    // An integer key: FTS5 addresses rows by rowid, and it orders the index walk (newest first).
    .addColumn('id', sqlite ? 'integer' : 'bigserial', (c) => c.primaryKey())
    /** `<source>:<id>`: the stable id of a hit. */
    .addColumn('key', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('inquiry_id', 'varchar(36)', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('contribution_id', 'varchar(36)', (c) => c.references('contributions.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)')
    .addColumn('state', 'varchar(16)')
    .addColumn('author_id', 'varchar(36)')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('perspective', 'varchar(80)')
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** Tokens naming the workspace and inquiry, so FTS5 narrows to them inside the index. */
    .addColumn('scope', 'varchar(120)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_entries_workspace_created')
    .on('search_entries')
    .columns(['workspace_id', 'created_at'])
    .execute();
  // Browsing by kind without words (open questions, untested assumptions), newest first.
  await db.schema
    .createIndex('search_entries_workspace_kind_created')
    .on('search_entries')
    .columns(['workspace_id', 'kind', 'created_at'])
    .execute();
  await db.schema.createIndex('search_entries_inquiry').on('search_entries').column('inquiry_id').execute();
  await db.schema
    .createIndex('search_entries_contribution')
    .on('search_entries')
    .column('contribution_id')
    .execute();

  if (sqlite) {
    // Porter stemming like PostgreSQL's 'english' configuration, so "pricing" finds "prices" on both.
    await sql`create virtual table search_fts using fts5(
      text, scope, content='search_entries', content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger search_entries_ai after insert on search_entries begin
      insert into search_fts(rowid, text, scope) values (new.id, new.text, new.scope);
    end`.execute(db);
    await sql`create trigger search_entries_ad after delete on search_entries begin
      insert into search_fts(search_fts, rowid, text, scope) values ('delete', old.id, old.text, old.scope);
    end`.execute(db);
    await sql`create trigger search_entries_au after update of text, scope on search_entries begin
      insert into search_fts(search_fts, rowid, text, scope) values ('delete', old.id, old.text, old.scope);
      insert into search_fts(rowid, text, scope) values (new.id, new.text, new.scope);
    end`.execute(db);
  } else {
    await sql`alter table search_entries add column tsv tsvector
      generated always as (to_tsvector('english', text)) stored`.execute(db);
    await sql`create index search_entries_tsv on search_entries using gin (tsv)`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (sqlite) await sql`drop table if exists search_fts`.execute(db);
  await db.schema.dropTable('search_entries').execute();
}
