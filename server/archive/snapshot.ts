import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from '../config.js';
import type { Db } from '../store/db.js';
import type { DB } from '../store/schema.js';

// An export reads the whole workspace across many queries while people keep writing. It reads inside one
// read-only snapshot so the archive fits together (no link to a note written after the notes were read):
// on PostgreSQL a repeatable-read transaction, on SQLite a second, read-only connection whose transaction
// sees the WAL as it stood — the app's own connection is not held for the minutes a slow download takes.

export type ReadSnapshot = <T>(work: (db: Db) => Promise<T>) => Promise<T>;

export function snapshotReader(database: Database, db: Db): ReadSnapshot {
  if (database.kind === 'sqlite' && database.file !== ':memory:') {
    const file = database.file;
    return async (work) => {
      const connection = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
      connection.pragma('busy_timeout = 5000');
      const reader = new Kysely<DB>({ dialect: new SqliteDialect({ database: connection }) });
      try {
        return await reader.transaction().execute(work);
      } finally {
        await reader.destroy();
      }
    };
  }
  if (database.kind === 'postgres') {
    return (work) =>
      db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          await sql`set transaction read only`.execute(trx);
          return work(trx);
        });
  }
  return (work) => db.transaction().execute(work);
}
