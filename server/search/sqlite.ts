import { sql } from 'kysely';
import type { Db } from '../store/db.js';
import { type CandidateQuery, type CandidateRow, type FullText } from './index.js';
import { inquiryToken, workspaceToken } from './indexer.js';
import { type ParsedText, toFts5 } from './query.js';

// SQLite: an FTS5 table over search_entries (migration 016). The walk runs in the index's rowid order,
// newest first, and stops after `limit` rows that pass the condition, so a very common word costs a
// bounded number of rows. The workspace (and inquiry) are tokens of the `scope` column, so FTS5 itself
// keeps to them instead of walking other workspaces' matches.

/** The match expression: the scope tokens and the words, both inside the index. */
function matchExpression(q: Pick<CandidateQuery, 'workspaceId' | 'inquiryId'>, match: ParsedText): string {
  const scope = [workspaceToken(q.workspaceId), ...(q.inquiryId ? [inquiryToken(q.inquiryId)] : [])];
  return `scope : (${scope.map((t) => `"${t}"`).join(' AND ')}) AND text : (${toFts5(match)})`;
}

export class SqliteFullText implements FullText {
  constructor(private readonly db: Db) {}

  async candidates(q: CandidateQuery): Promise<CandidateRow[]> {
    // CROSS JOIN keeps FTS5 as the outer loop, in its rowid order. No bm25(): it would count every row
    // holding each word first, the whole index for a common word (see rank.ts).
    const { rows } = await sql<CandidateRow>`
      select ${sql.raw(q.columns)}
      from search_fts
      cross join search_entries e on e.id = search_fts.rowid
      cross join inquiries i on i.id = e.inquiry_id
      where search_fts match ${matchExpression(q, q.match)} and e.workspace_id = ${q.workspaceId} and ${q.where}
      order by search_fts.rowid desc
      limit ${q.limit}`.execute(this.db);
    return rows;
  }
}
