import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../store/db.js';
import type { FullText, WalkQuery } from './index.js';
import { toTsquery } from './query.js';

// PostgreSQL: a generated tsvector column with a GIN index (migration 016), 'english' configuration —
// stemming like FTS5's porter tokenizer, so both databases find "prices" for "pricing", and stop words
// are not indexed. The planner picks the GIN index for rare words and the (workspace_id, created_at)
// index, newest first, for very common ones; either way the walk stops at `limit` ids.

const CONFIG = 'english';

export class PostgresFullText implements FullText {
  constructor(private readonly db: Db) {}

  async walk(q: WalkQuery): Promise<number[]> {
    const inquiry = q.inquiryId ? sql`and inquiry_id = ${q.inquiryId}` : sql``;
    const sources = q.sources ? sql`and source in (${sql.join([...q.sources])})` : sql``;
    const { rows } = await sql<{ id: string }>`
      select id from search_entries
      where workspace_id = ${q.workspaceId} ${inquiry} ${sources}
        and tsv @@ to_tsquery(${CONFIG}::regconfig, ${toTsquery(q.match)})
      order by created_at desc
      limit ${q.limit}`.execute(this.db);
    return rows.map((r) => Number(r.id));
  }

  idIn(ids: readonly number[]): RawBuilder<unknown> {
    return sql`e.id = any(${ids.map(String)}::bigint[])`;
  }
}
