import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './db.js';

describe('withStatementCache', () => {
  it('prepares each SQL text once, keeps the most recently used, and still answers correctly', () => {
    const database = new SqliteDatabase(':memory:');
    const cached = withStatementCache(database, 2);
    const one = cached.prepare('SELECT 1 AS n');
    expect(cached.prepare('SELECT 1 AS n')).toBe(one);
    const two = cached.prepare('SELECT 2 AS n');
    cached.prepare('SELECT 1 AS n'); // used again: now the newest
    cached.prepare('SELECT 3 AS n'); // over the limit: drops the least recently used, "SELECT 2"
    expect(cached.prepare('SELECT 1 AS n')).toBe(one);
    expect(cached.prepare('SELECT 2 AS n')).not.toBe(two);
    expect(cached.prepare('SELECT 2 AS n').all([])).toEqual([{ n: 2 }]);
    cached.close();
    expect(database.open).toBe(false);
  });

  it('sees a schema change made after a statement was kept', () => {
    const cached = withStatementCache(new SqliteDatabase(':memory:'));
    cached.prepare('CREATE TABLE t (a INTEGER)').run([]);
    cached.prepare('INSERT INTO t (a) VALUES (?)').run([1]);
    expect(cached.prepare('SELECT * FROM t').all([])).toEqual([{ a: 1 }]);
    cached.prepare('ALTER TABLE t ADD COLUMN b TEXT').run([]);
    expect(cached.prepare('SELECT * FROM t').all([])).toEqual([{ a: 1, b: null }]);
    cached.close();
  });
});
