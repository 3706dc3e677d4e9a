import { sql } from 'kysely';
import type { Db } from '../store/db.js';
import { type CandidateQuery, type CandidateRow, type FullText, SELECT_COLUMNS } from './index.js';
import { toTsquery } from './query.js';

// PostgreSQL: a generated tsvector column with a GIN index (migration 016), 'english' configuration —
// stemming like FTS5's porter tokenizer, so both databases find "prices" for "pricing", and stop words
// are not indexed. The planner picks the GIN index for rare words and the (workspace_id, created_at)
// index, newest first, for very common ones; either way at most `limit` rows are ranked.

const CONFIG = 'english';

export class PostgresFullText implements FullText {
  constructor(private readonly db: Db) {}

  async candidates(q: CandidateQuery): Promise<CandidateRow[]> {
    const inquiry = q.inquiryId ? sql`and e.inquiry_id = ${q.inquiryId}` : sql``;
    // The window is chosen first and ranked after, so ts_rank runs on at most `limit` rows.
    const { rows } = await sql<CandidateRow>`
      with query as (select to_tsquery(${CONFIG}::regconfig, ${toTsquery(q.match)}) as q),
      window_rows as (
        select e.id from search_entries e
        join inquiries i on i.id = e.inquiry_id
        where e.workspace_id = ${q.workspaceId} ${inquiry}
          and e.tsv @@ (select q from query) and ${q.where}
        order by e.created_at desc
        limit ${q.limit}
      )
      select ${sql.raw(SELECT_COLUMNS)}, ts_rank(e.tsv, (select q from query)) as score
      from window_rows w
      join search_entries e on e.id = w.id
      join inquiries i on i.id = e.inquiry_id`.execute(this.db);
    return rows.map((r) => ({ ...r, id: Number(r.id), score: Number(r.score) }));
  }
}
