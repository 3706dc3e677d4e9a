import type { RawBuilder } from 'kysely';
import type { Db } from '../store/db.js';
import type { ParsedText } from './query.js';

// The search index as the routes see it: one interface, an implementation per database (SQLite FTS5,
// PostgreSQL tsvector). They differ only in how words are matched; ranking (rank.ts), which
// rows a viewer may see, filters, facets, pages and snippets are shared by both (engine.ts, snippets.ts).

/** One indexed row, as ranking, facets and snippets need it. */
export interface CandidateRow {
  id: number;
  key: string;
  source: 'inquiry' | 'contribution' | 'conclusion' | 'reflection' | 'synthesis';
  inquiry_id: string;
  contribution_id: string | null;
  kind: string | null;
  state: string | null;
  author_id: string | null;
  anonymous: number;
  perspective: string | null;
  title: string;
  created_at: string;
  inquiry_title: string;
  phase: string;
  /** The indexed text: ranking and snippets read it (rank.ts, snippets.ts). */
  text: string;
  /** Higher is better; 0 when browsing (set by rank.ts, not by the engines). */
  score: number;
}

export interface WalkQuery {
  workspaceId: string;
  /** Narrows the walk to one inquiry when the filter names one. */
  inquiryId?: string;
  match: ParsedText;
  /** Only entries of these sources (a source filter, or suggestions while framing). */
  sources?: readonly CandidateRow['source'][];
  /** At most this many ids. */
  limit: number;
}

export interface FullText {
  /**
   * The ids of the newest entries of the workspace matching the words, newest first, at most `limit`:
   * a walk of the full-text index alone. Who may see them and the filters are applied afterwards to these
   * ids only (engine.ts), so a very common word, or a filter that lets few through, costs a bounded walk.
   */
  walk(query: WalkQuery): Promise<number[]>;
  /** A condition on `e.id` for a list of ids, as this database takes one list as one parameter. */
  idIn(ids: readonly number[]): RawBuilder<unknown>;
}

export const SELECT_COLUMNS = `e.id, e.key, e.source, e.inquiry_id, e.contribution_id, e.kind, e.state, e.author_id,
  e.anonymous, e.perspective, e.title, e.created_at, e.text, i.title as inquiry_title, i.phase, 0 as score`;
/** What facets need only: a window that is only counted reads no text. */
export const FACET_COLUMNS = `e.id, e.key, e.source, e.inquiry_id, null as contribution_id, e.kind, e.state, e.author_id,
  e.anonymous, e.perspective, '' as title, e.created_at, '' as text, '' as inquiry_title, i.phase, 0 as score`;

export type { Db };
