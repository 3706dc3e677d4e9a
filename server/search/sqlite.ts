import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../store/db.js';
import type { FullText, WalkQuery } from './index.js';
import { inquiryToken, sourceToken, workspaceToken } from './indexer.js';
import { toFts5 } from './query.js';

// SQLite: an FTS5 table over search_entries (migration 016). The walk reads the index alone in rowid
// order, newest first, and stops at `limit`. The workspace, inquiry and source are tokens of the `scope`
// column, so FTS5 itself keeps to them instead of walking other workspaces' matches (except for a
// workspace holding most of the index, see share()). No bm25(): it would
// count every row holding each word first, the whole index for a common word (see rank.ts).

/** How long a workspace's share of the index is trusted before it is counted again. */
const SHARE_TTL_MS = 60_000;
/** From this share of all entries on, the workspace token costs more than it saves. */
const WIDE_SHARE = 0.5;

/** The match expression: the scope tokens (the workspace's unless `wide`) and the words, inside the index. */
export function matchExpression(q: WalkQuery, wide = false): string {
  const scope: string[] = [];
  if (!wide) scope.push(`"${workspaceToken(q.workspaceId)}"`);
  if (q.inquiryId) scope.push(`"${inquiryToken(q.inquiryId)}"`);
  if (q.sources) scope.push(`(${q.sources.map((s) => `"${sourceToken(s)}"`).join(' OR ')})`);
  const words = `text : (${toFts5(q.match)})`;
  return scope.length === 0 ? words : `scope : (${scope.join(' AND ')}) AND ${words}`;
}

export class SqliteFullText implements FullText {
  private readonly shares = new Map<string, { share: number; at: number }>();

  constructor(private readonly db: Db) {}

  /**
   * The workspace's share of the newest thousand entries, counted at most once a minute: the walk reads
   * newest first, so recent activity is what counts. Matching the workspace token means reading its entries
   * in the index; for a workspace holding most of them that costs more than checking each walked row's
   * workspace, and for a small one it saves walking everyone else's matches.
   */
  private async share(workspaceId: string): Promise<number> {
    const cached = this.shares.get(workspaceId);
    if (cached && Date.now() - cached.at < SHARE_TTL_MS) return cached.share;
    const { rows } = await sql<{ mine: number; newest: number }>`
      select count(*) as newest, coalesce(sum(case when workspace_id = ${workspaceId} then 1 else 0 end), 0) as mine
      from (select workspace_id from search_entries order by id desc limit 1000) recent`.execute(this.db);
    const row = rows[0];
    const share = row && Number(row.newest) > 0 ? Number(row.mine) / Number(row.newest) : 0;
    this.shares.set(workspaceId, { share, at: Date.now() });
    return share;
  }

  async walk(q: WalkQuery): Promise<number[]> {
    if ((await this.share(q.workspaceId)) >= WIDE_SHARE) {
      const { rows } = await sql<{ id: number }>`
        select search_fts.rowid as id from search_fts
        cross join search_entries e on e.id = search_fts.rowid
        where search_fts match ${matchExpression(q, true)} and e.workspace_id = ${q.workspaceId}
        order by search_fts.rowid desc limit ${q.limit}`.execute(this.db);
      return rows.map((r) => r.id);
    }
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
