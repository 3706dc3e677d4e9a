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

export interface CandidateQuery {
  workspaceId: string;
  /** Narrows the walk to one inquiry when the filter names one. */
  inquiryId?: string;
  match: ParsedText;
  /** Visibility and filters, over `e` (search_entries) and `i` (inquiries). */
  where: RawBuilder<unknown>;
  /** At most this many, newest matches first. */
  limit: number;
  /** The columns to read: SELECT_COLUMNS, or FACET_COLUMNS for a window that is only counted. */
  columns: string;
}

export interface FullText {
  /** Matching rows the condition lets through, the newest first (ranked afterwards, in rank.ts). */
  candidates(query: CandidateQuery): Promise<CandidateRow[]>;
}

export const SELECT_COLUMNS = `e.id, e.key, e.source, e.inquiry_id, e.contribution_id, e.kind, e.state, e.author_id,
  e.anonymous, e.perspective, e.title, e.created_at, e.text, i.title as inquiry_title, i.phase, 0 as score`;
/** What facets need only: a window that is only counted reads no text. */
export const FACET_COLUMNS = `e.id, e.key, e.source, e.inquiry_id, null as contribution_id, e.kind, e.state, e.author_id,
  e.anonymous, e.perspective, '' as title, e.created_at, '' as text, '' as inquiry_title, i.phase, 0 as score`;

export type { Db };
