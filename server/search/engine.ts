import { type RawBuilder, sql } from 'kysely';
import type {
  FacetValue,
  RelatedResponse,
  SearchHit,
  SearchResponse,
  SearchSource,
} from '../../contract/library.js';
import type { ContributionKind, ContributionState, Phase } from '../../domain/model.js';
import type { Db, OpenDatabase } from '../store/db.js';
import type { CandidateRow, FullText } from './index.js';
import { FACET_COLUMNS, SELECT_COLUMNS } from './index.js';
import { PostgresFullText } from './postgres.js';
import { type ParsedText, parseRelatedText, parseSearchText } from './query.js';
import { bm25Scores } from './rank.js';
import { noteTitle, snippetOf } from './snippets.js';
import { SqliteFullText } from './sqlite.js';

// Search over a workspace's library as one viewer may see it. Every rule the board applies is part of
// the SQL, so hidden notes are neither returned nor counted in facets:
// - only this workspace's rows (the route has already answered 404 to non-members);
// - an anonymous note never matches a person filter or counts for its author, except for that author;
// - private mode: a note created after the last reveal (or with none yet) is seen only by its author and
//   the facilitator while private mode is on;
// - leader speaks last: the facilitator's notes are seen only by the facilitator while a participant other
//   than the facilitator has not posted.
// The rules themselves live in domain/mechanics/private-mode.ts and domain/visibility.ts; the property
// test in server/test/search-visibility.test.ts holds this SQL to them.
//
// Very common words: only the newest WINDOW matches are ranked and counted (`totalIsExact: false`);
// anything rarer is exact.

/** How many of the newest matches are ranked and counted at most (SearchEngine's `window` option). */
export const WINDOW = 1_000;

/** The query after validation (defaults applied). */
export interface SearchInput {
  q: string;
  source?: SearchSource;
  kind?: ContributionKind;
  phase?: Phase;
  personId?: string;
  lens?: string;
  state?: ContributionState;
  inquiryId?: string;
  from?: string;
  to?: string;
  sort: 'relevance' | 'newest';
  limit: number;
  cursor?: string;
}

type FacetName = keyof SearchResponse['facets'];
const FACET_FILTER: Record<FacetName, keyof SearchInput> = {
  source: 'source',
  kind: 'kind',
  phase: 'phase',
  person: 'personId',
  lens: 'lens',
  state: 'state',
};

export class BadCursor extends Error {}

export const encodeCursor = (offset: number) =>
  Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const o = (parsed as { o?: unknown }).o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && o <= 100_000) return o;
  } catch {
    // falls through to the error below
  }
  throw new BadCursor('This cursor is not one this search gave out.');
}

/** A date filter as an inclusive lower bound / exclusive upper bound on ISO times. */
function lowerBound(from: string): string {
  return new Date(from).toISOString();
}
function upperBound(to: string): { at: string; inclusive: boolean } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(to)) {
    const next = new Date(`${to}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return { at: next.toISOString(), inclusive: false };
  }
  return { at: new Date(to).toISOString(), inclusive: true };
}

/**
 * The rows `viewerId` may see (over `e` = search_entries, `i` = inquiries). Whether the leader still waits
 * is asked only of the facilitator's own notes in inquiries with leader-speaks-last, a few rows of a page.
 */
export function visibleTo(viewerId: string): RawBuilder<unknown> {
  return sql`(e.source <> 'contribution'
    or e.author_id = ${viewerId}
    or i.facilitator_id = ${viewerId}
    or (not (i.private_mode = 1 and (i.revealed_at is null or e.created_at > i.revealed_at))
      and not (e.author_id = i.facilitator_id and i.leader_speaks_last = 1 and exists (
        select 1 from inquiry_participants p
        where p.inquiry_id = i.id and p.user_id <> i.facilitator_id and not exists (
          select 1 from contributions c where c.inquiry_id = i.id and c.author_id = p.user_id)))))`;
}

/** The filters as SQL; `facets: false` leaves out those that are facets (then applied in JS, by passes()). */
function filtersOf(
  input: SearchInput,
  viewerId: string,
  facets = true,
  /** Only what the entry itself says (all but the inquiry's phase): for walking the entries' index. */
  entryOnly = false,
): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (facets) {
    if (input.source) parts.push(sql`e.source = ${input.source}`);
    if (input.kind) parts.push(sql`e.kind = ${input.kind}`);
    if (input.state) parts.push(sql`e.state = ${input.state}`);
    // A lens held by one person would name an anonymous note's author: like the author, it is theirs only.
    if (input.lens)
      parts.push(sql`(e.perspective = ${input.lens} and (e.anonymous = 0 or e.author_id = ${viewerId}))`);
    if (input.phase && !entryOnly) parts.push(sql`i.phase = ${input.phase}`);
    // Someone's anonymous notes are theirs only for themselves.
    if (input.personId)
      parts.push(sql`(e.author_id = ${input.personId} and (e.anonymous = 0 or e.author_id = ${viewerId}))`);
  }
  if (input.inquiryId) parts.push(sql`e.inquiry_id = ${input.inquiryId}`);
  if (input.from) parts.push(sql`e.created_at >= ${lowerBound(input.from)}`);
  if (input.to) {
    const { at, inclusive } = upperBound(input.to);
    parts.push(inclusive ? sql`e.created_at <= ${at}` : sql`e.created_at < ${at}`);
  }
  return parts.length === 0 ? sql`1 = 1` : sql.join(parts, sql` and `);
}

/** The facet filters in JS, but for `skip`: a facet is counted over rows its own filter did not narrow. */
function passes(r: CandidateRow, input: SearchInput, viewerId: string, skip: FacetName): boolean {
  const mine = r.anonymous === 0 || r.author_id === viewerId;
  if (input.source && skip !== 'source' && r.source !== input.source) return false;
  if (input.kind && skip !== 'kind' && r.kind !== input.kind) return false;
  if (input.state && skip !== 'state' && r.state !== input.state) return false;
  if (input.lens && skip !== 'lens' && !(r.perspective === input.lens && mine)) return false;
  if (input.phase && skip !== 'phase' && r.phase !== input.phase) return false;
  if (input.personId && skip !== 'person' && !(r.author_id === input.personId && mine)) return false;
  return true;
}

const newestFirst = (a: CandidateRow, b: CandidateRow) =>
  a.created_at === b.created_at ? Number(b.id) - Number(a.id) : a.created_at < b.created_at ? 1 : -1;

const LABELS: Record<string, string> = {
  inquiry: 'Inquiry',
  contribution: 'Note',
  conclusion: 'Conclusion',
  reflection: 'Reflection',
  synthesis: 'Synthesis',
};
const capitalized = (s: string) => LABELS[s] ?? s.charAt(0).toUpperCase() + s.slice(1).replaceAll('_', ' ');

export class SearchEngine {
  private readonly text: FullText;

  /** The window: how many of the newest matches a query reads, ranks and counts at most. */
  private readonly size: number;

  constructor(
    private readonly db: Db,
    kind: OpenDatabase['kind'],
    options: { window?: number } = {},
  ) {
    this.text = kind === 'sqlite' ? new SqliteFullText(db) : new PostgresFullText(db);
    this.size = options.window ?? WINDOW;
  }

  /**
   * The newest matching ids. The word being typed is tried as a whole word first: if that alone fills the
   * window, its prefix adds nothing worth the cost — FTS5 merges the entries of every word that starts
   * with a prefix before it can walk them, nearly the whole index for the start of a common word.
   */
  private async walk(
    workspaceId: string,
    narrow: { inquiryId?: string; sources?: readonly SearchSource[] },
    match: ParsedText,
  ): Promise<number[]> {
    const query = { workspaceId, ...narrow, limit: this.size + 1 };
    if (match.terms.some((t) => t.prefix)) {
      const whole = { ...match, terms: match.terms.map((t) => ({ ...t, prefix: false })) };
      const ids = await this.text.walk({ ...query, match: whole });
      if (ids.length > this.size) return ids;
    }
    return this.text.walk({ ...query, match });
  }

  /**
   * The entries a query reads, the newest first. With words: the newest WINDOW matches of the full-text
   * index (visibility and filters then apply to those only). Without: the newest WINDOW entries the
   * viewer may see that pass the filters. `exact` is false when there were more.
   */
  private async window(
    workspaceId: string,
    match: ParsedText | null,
    where: RawBuilder<unknown>,
    narrow: { inquiryId?: string; sources?: readonly SearchSource[] },
    walked?: number[],
    /** Only counted (facets): no texts read, no ranking. */
    countOnly = false,
    /** Browsing: the filters on the entries themselves, applied while walking them newest first. */
    entryFilter: RawBuilder<unknown> = sql`1 = 1`,
  ): Promise<{ rows: CandidateRow[]; exact: boolean; walked: number[] }> {
    const columns = sql.raw(countOnly ? FACET_COLUMNS : SELECT_COLUMNS);
    // First the walk, on an index alone: the newest matching ids (words), or the newest entries passing the
    // entries' own filters (browsing; the (workspace, kind, created_at) index serves "open questions").
    // Then visibility and the other filters on those ids only, in one query for both databases.
    let ids =
      walked ??
      (match
        ? await this.walk(workspaceId, narrow, match)
        : (
            await sql<{ id: number }>`
              select e.id from search_entries e
              where e.workspace_id = ${workspaceId} and ${entryFilter}
              order by e.created_at desc
              limit ${this.size + 1}`.execute(this.db)
          ).rows.map((r) => Number(r.id)));
    const exact = ids.length <= this.size;
    ids = ids.slice(0, this.size);
    if (ids.length === 0) return { rows: [], exact, walked: ids };
    const { rows } = await sql<CandidateRow>`
      select ${columns}
      from search_entries e join inquiries i on i.id = e.inquiry_id
      where ${this.text.idIn(ids)} and e.workspace_id = ${workspaceId} and ${where}`.execute(this.db);
    for (const r of rows) {
      r.id = Number(r.id);
      r.anonymous = Number(r.anonymous);
    }
    if (match && !countOnly) {
      const scores = bm25Scores(
        rows.map((r) => r.text),
        match,
      );
      rows.forEach((r, i) => {
        r.score = scores[i] ?? 0;
      });
    }
    return { rows, exact, walked: ids };
  }

  async search(workspaceId: string, viewerId: string, input: SearchInput): Promise<SearchResponse> {
    const offset = decodeCursor(input.cursor);
    const parsed = parseSearchText(input.q);
    const match = parsed.terms.length > 0 ? parsed : null;
    const visible = visibleTo(viewerId);
    // The walk keeps to the inquiry and source filtered on (so a rare source among common words is found).
    const narrow = { inquiryId: input.inquiryId, sources: input.source ? [input.source] : undefined };
    const main = await this.window(
      workspaceId,
      match,
      sql`${visible} and ${filtersOf(input, viewerId)}`,
      narrow,
      undefined,
      false,
      filtersOf(input, viewerId, true, true),
    );
    // Each facet ignores its own filter. A facet whose filter is set is counted over the matches without
    // the facet filters (one more query, however many filters are set), the other filters applied here.
    const facetNames = Object.keys(FACET_FILTER) as FacetName[];
    const unfaceted = facetNames.some((name) => input[FACET_FILTER[name]] !== undefined)
      ? (
          await this.window(
            workspaceId,
            match,
            sql`${visible} and ${filtersOf(input, viewerId, false)}`,
            { inquiryId: input.inquiryId },
            // The same walk of words, unless it kept to one source: the source facet counts every source.
            // Browsing walks again, without the facet filters.
            match && !input.source ? main.walked : undefined,
            true,
            filtersOf(input, viewerId, false, true),
          )
        ).rows
      : [];
    const facetRows = new Map<FacetName, CandidateRow[]>();
    for (const name of facetNames) {
      if (input[FACET_FILTER[name]] === undefined) facetRows.set(name, main.rows);
      else
        facetRows.set(
          name,
          unfaceted.filter((r) => passes(r, input, viewerId, name)),
        );
    }

    const ranked =
      input.sort === 'relevance' && match
        ? [...main.rows].sort((a, b) => b.score - a.score || newestFirst(a, b))
        : [...main.rows].sort(newestFirst);
    const page = ranked.slice(offset, offset + input.limit);
    const authorOf = (r: CandidateRow) =>
      r.anonymous === 1 && r.author_id !== viewerId ? null : r.author_id;
    // The lens goes with the author: one person's lens would name them (the board drops it the same way).
    const lensOf = (r: CandidateRow) => (authorOf(r) === null ? null : r.perspective);

    const peopleIds = new Set<string>();
    for (const r of page) if (authorOf(r)) peopleIds.add(authorOf(r) as string);
    for (const r of facetRows.get('person') ?? []) if (authorOf(r)) peopleIds.add(authorOf(r) as string);
    const names = await this.names([...peopleIds]);

    const items: SearchHit[] = page.map((r) => {
      const author = authorOf(r);
      const text = r.text;
      return {
        id: r.key,
        source: r.source,
        inquiry: { id: r.inquiry_id, title: r.inquiry_title, phase: r.phase as Phase },
        contributionId: r.contribution_id,
        kind: (r.kind as ContributionKind | null) ?? null,
        state: (r.state as ContributionState | null) ?? null,
        author: author ? { id: author, name: names.get(author) ?? '' } : null,
        perspective: lensOf(r),
        title: r.source === 'contribution' ? noteTitle(r.kind ?? 'note', text) : r.inquiry_title,
        snippet: snippetOf(text, match),
        createdAt: r.created_at,
      };
    });

    const count = (
      name: FacetName,
      value: (r: CandidateRow) => string | null,
      label: (v: string) => string,
    ) => facetOf(facetRows.get(name) ?? [], value, label);
    return {
      items,
      nextCursor: offset + input.limit < ranked.length ? encodeCursor(offset + input.limit) : null,
      total: main.rows.length,
      totalIsExact: main.exact,
      facets: {
        source: count('source', (r) => r.source, capitalized),
        kind: count('kind', (r) => r.kind, capitalized),
        phase: count('phase', (r) => r.phase, capitalized),
        person: count('person', authorOf, (id) => names.get(id) ?? ''),
        lens: count('lens', lensOf, (v) => v),
        state: count('state', (r) => r.state, capitalized),
      },
    };
  }

  /** Past inquiries on the theme of `text`, and questions, unknowns and untested assumptions still open. */
  async related(
    workspaceId: string,
    viewerId: string,
    text: string,
    limit: number,
  ): Promise<RelatedResponse> {
    const match = parseRelatedText(text);
    if (match.terms.length === 0) return { inquiries: [], openQuestions: [] };
    const visible = visibleTo(viewerId);
    const [framings, open] = await Promise.all([
      this.window(workspaceId, match, sql`${visible}`, { sources: ['inquiry', 'conclusion', 'synthesis'] }),
      this.window(
        workspaceId,
        match,
        sql`${visible} and e.source = 'contribution' and (e.kind = 'unknown'
          or (e.kind = 'question' and e.state = 'open') or (e.kind = 'assumption' and e.state = 'untested'))`,
        { sources: ['contribution'] },
      ),
    ]);
    // An inquiry ranks by its best-matching text; a concluded one first among equals.
    const best = new Map<string, CandidateRow>();
    for (const r of framings.rows) {
      const seen = best.get(r.inquiry_id);
      if (!seen || r.score > seen.score) best.set(r.inquiry_id, r);
    }
    const inquiries = [...best.values()]
      .sort((a, b) => b.score - a.score || Number(b.phase === 'concluded') - Number(a.phase === 'concluded'))
      .slice(0, limit);
    const notes = [...open.rows].sort((a, b) => b.score - a.score || newestFirst(a, b)).slice(0, limit);
    const details = await this.inquiryDetails(inquiries.map((r) => r.inquiry_id));
    const snippet = (r: CandidateRow) => snippetOf(r.text, match);
    return {
      inquiries: inquiries.map((r) => {
        const d = details.get(r.inquiry_id);
        return {
          inquiry: {
            id: r.inquiry_id,
            title: r.inquiry_title,
            question: d?.question ?? '',
            phase: r.phase as Phase,
          },
          conclusion: d?.conclusion ?? null,
          snippet: snippet(r),
        };
      }),
      openQuestions: notes.map((r) => ({
        contributionId: r.contribution_id ?? '',
        inquiry: { id: r.inquiry_id, title: r.inquiry_title },
        kind: r.kind as ContributionKind,
        snippet: snippet(r),
      })),
    };
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private async inquiryDetails(
    ids: string[],
  ): Promise<Map<string, { question: string; conclusion: string | null }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('inquiries as i')
      .leftJoin('search_entries as c', (j) =>
        j.onRef('c.inquiry_id', '=', 'i.id').on('c.source', '=', 'conclusion'),
      )
      .select(['i.id', 'i.question', 'c.text as conclusion'])
      .where('i.id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, { question: r.question, conclusion: r.conclusion ?? null }]));
  }
}

function facetOf(
  rows: readonly CandidateRow[],
  value: (r: CandidateRow) => string | null,
  label: (v: string) => string,
): FacetValue[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const v = value(r);
    if (v !== null && v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([v, n]) => ({ value: v, label: label(v), count: n }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
