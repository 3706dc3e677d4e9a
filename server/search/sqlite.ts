import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../store/db.js';
import type { FullText, WalkQuery } from './index.js';
import { inquiryToken, sourceToken, workspaceToken } from './indexer.js';
import { toFts5 } from './query.js';

// SQLite: an FTS5 table over search_entries (migration 016). The walk reads the index alone in rowid
// order, newest first, and stops at `limit`. The workspace, inquiry and source are tokens of the `scope`
// column, so FTS5 itself keeps to them instead of walking other workspaces' matches. No bm25(): it would
// count every row holding each word first, the whole index for a common word (see rank.ts).

/** The match expression: the scope tokens and the words, both inside the index. */
export function matchExpression(q: WalkQuery): string {
  const scope = [`"${workspaceToken(q.workspaceId)}"`];
  if (q.inquiryId) scope.push(`"${inquiryToken(q.inquiryId)}"`);
  if (q.sources) scope.push(`(${q.sources.map((s) => `"${sourceToken(s)}"`).join(' OR ')})`);
  return `scope : (${scope.join(' AND ')}) AND text : (${toFts5(q.match)})`;
}

export class SqliteFullText implements FullText {
  constructor(private readonly db: Db) {}

  async walk(q: WalkQuery): Promise<number[]> {
    const { rows } = await sql<{ id: number }>`
      select rowid as id from search_fts where search_fts match ${matchExpression(q)}
      order by rowid desc limit ${q.limit}`.execute(this.db);
    return rows.map((r) => r.id);
  }

  idIn(ids: readonly number[]): RawBuilder<unknown> {
    // One JSON parameter: one statement text whatever the number of ids (statements stay cached).
    return sql`e.id in (select value from json_each(${JSON.stringify(ids)}))`;
  }
}
