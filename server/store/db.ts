import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type SqliteDatabase as KyselySqlite, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database as DatabaseConfig } from '../config.js';
import { migrateToLatest } from '../migrations/index.js';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;

export interface OpenDatabase {
  db: Db;
  kind: DatabaseConfig['kind'];
  close(): Promise<void>;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  const db = config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url);
  await migrateToLatest(db);
  return { db, kind: config.kind, close: () => db.destroy() };
}

function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

/** Distinct statements kept prepared; the app has a few hundred, plus `IN (…)` lists of varying length. */
const STATEMENT_CACHE_SIZE = 1_000;

/**
 * Kysely's SQLite driver calls `prepare` for every query it runs, and SQLite then parses and plans the
 * statement again each time. Handing it this wrapper keeps each SQL text's statement (least recently used
 * dropped first). Safe because the driver runs one statement at a time on its single connection, and
 * SQLite re-prepares a kept statement by itself if a migration changes the schema under it.
 */
export function withStatementCache(
  database: SqliteDatabase.Database,
  size = STATEMENT_CACHE_SIZE,
): KyselySqlite {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else {
        statement = database.prepare(sql);
        if (statements.size >= size) {
          const oldest = statements.keys().next();
          if (!oldest.done) statements.delete(oldest.value);
        }
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that PostgreSQL closes (a restart, a failover, an administrator) must not take the
  // process down; the pool opens a new one for the next query.
  pool.on('error', (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
