import { sql } from 'kysely';
import type { Db } from '../store/db.js';
import { type CandidateQuery, type CandidateRow, type FullText, SELECT_COLUMNS } from './index.js';
import { MATCH_END, MATCH_START, type ParsedText, toTsquery } from './query.js';

// PostgreSQL: a generated tsvector column with a GIN index (migration 016), 'english' configuration —
// stemming like FTS5's porter tokenizer, so both databases find "prices" for "pricing", and stop words
// are not indexed. The planner picks the GIN index for rare words and the (workspace_id, created_at)
// index, newest first, for very common ones; either way at most `limit` rows are ranked.

const CONFIG = 'english';

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`;

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
        order by e.created_at desc, e.id desc
        limit ${q.limit}
      )
      select ${sql.raw(SELECT_COLUMNS)}, ts_rank(e.tsv, (select q from query)) as score
      from window_rows w
      join search_entries e on e.id = w.id
      join inquiries i on i.id = e.inquiry_id`.execute(this.db);
    return rows.map((r) => ({ ...r, id: Number(r.id), score: Number(r.score) }));
  }

  async snippets(ids: readonly number[], match: ParsedText) {
    const out = new Map<number, { marked: string; head: string }>();
    if (ids.length === 0) return out;
    const { rows } = await sql<{ id: string; marked: string; head: string }>`
      select id, ts_headline(${CONFIG}::regconfig, text, to_tsquery(${CONFIG}::regconfig, ${toTsquery(match)}),
        ${HEADLINE_OPTIONS}) as marked, substr(text, 1, 300) as head
      from search_entries where id in (${sql.join(ids)})`.execute(this.db);
    for (const r of rows) out.set(Number(r.id), { marked: r.marked ?? '', head: r.head ?? '' });
    return out;
  }
}
