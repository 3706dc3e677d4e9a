import { sql } from 'kysely';
import type { Db } from '../store/db.js';
import { type CandidateQuery, type CandidateRow, type FullText } from './index.js';
import { toTsquery } from './query.js';

// PostgreSQL: a generated tsvector column with a GIN index (migration 016), 'english' configuration —
// stemming like FTS5's porter tokenizer, so both databases find "prices" for "pricing", and stop words
// are not indexed. The planner picks the GIN index for rare words and the (workspace_id, created_at)
// index, newest first, for very common ones; either way at most `limit` rows come back to be ranked.

const CONFIG = 'english';

export class PostgresFullText implements FullText {
  constructor(private readonly db: Db) {}

  async candidates(q: CandidateQuery): Promise<CandidateRow[]> {
    const inquiry = q.inquiryId ? sql`and e.inquiry_id = ${q.inquiryId}` : sql``;
    const { rows } = await sql<CandidateRow>`
      select ${sql.raw(q.columns)}
      from search_entries e
      join inquiries i on i.id = e.inquiry_id
      where e.workspace_id = ${q.workspaceId} ${inquiry}
        and e.tsv @@ to_tsquery(${CONFIG}::regconfig, ${toTsquery(q.match)}) and ${q.where}
      order by e.created_at desc
      limit ${q.limit}`.execute(this.db);
    return rows;
  }
}
