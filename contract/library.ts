import { z } from 'zod';
import { PersonRef } from './accounts.js';
import { Id, MAX_PAGE, Timestamp } from './common.js';
import { ContributionKind, ContributionState } from './contributions.js';
import { InquiryParams, Phase } from './inquiries.js';

// The team's library: every inquiry of a workspace is searchable (titles, framing, notes, conclusions,
// reflections, the synthesis text), and a concluded one reads as a card — the question, what the group
// concluded, what it rests on, what stayed open, who can explain it. Results obey every rule the board
// obeys: another workspace is 404, anonymous notes never name or match their author (except for the
// author), notes hidden by private mode or leader-speaks-last are neither returned nor counted.

/** What a search result is part of. */
export const SEARCH_SOURCES = ['inquiry', 'contribution', 'conclusion', 'reflection', 'synthesis'] as const;
export const SearchSource = z.enum(SEARCH_SOURCES);
export type SearchSource = z.infer<typeof SearchSource>;

/** A date filter: `YYYY-MM-DD` (UTC day) or a full ISO time. */
const DateBound = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'Use a date like 2026-11-28.')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Not a valid date.');

export const SEARCH_SORTS = ['relevance', 'newest'] as const;

export const SearchQuery = z.strictObject({
  /** Words to find (all of them, any order; "quoted phrases" match as a phrase). Empty: browse by filters. */
  q: z.string().trim().max(200, 'At most 200 characters.').default(''),
  source: SearchSource.optional(),
  /** A contribution kind (notes only). */
  kind: ContributionKind.optional(),
  /** The inquiry's current phase. */
  phase: Phase.optional(),
  /** Written by this person (anonymous notes match only for their author). */
  personId: Id.optional(),
  /** The lens (perspective) the note was written from. */
  lens: z.string().trim().min(1).max(80).optional(),
  /** A note's state — `kind=assumption&state=untested` is "open assumptions", `kind=question&state=open` open questions. */
  state: ContributionState.optional(),
  inquiryId: Id.optional(),
  from: DateBound.optional(),
  to: DateBound.optional(),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(200).optional(),
});
export type SearchQuery = z.input<typeof SearchQuery>;

/** Part of a snippet; `match` marks the words that matched, so clients highlight without parsing HTML. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z.object({
  /** Stable per indexed item: `<source>:<id>`. */
  id: z.string(),
  source: SearchSource,
  inquiry: z.object({ id: Id, title: z.string(), phase: Phase }),
  /** The note, for `contribution` hits; null otherwise. */
  contributionId: Id.nullable(),
  kind: ContributionKind.nullable(),
  state: ContributionState.nullable(),
  /** Null for an anonymous note (except for its author) and for the inquiry's own text. */
  author: PersonRef.nullable(),
  perspective: z.string().nullable(),
  /** A short heading: the inquiry's title, or the note's kind and first words. */
  title: z.string(),
  snippet: z.array(SnippetPart),
  createdAt: Timestamp,
});
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof FacetValue>;

export const SearchResponse = z.object({
  items: z.array(SearchHit),
  nextCursor: z.string().nullable(),
  /** Matches the viewer may see; a lower bound when `totalIsExact` is false (very common words). */
  total: z.number().int(),
  totalIsExact: z.boolean(),
  /** Counts per value over the same matches (each facet ignores its own filter, so a choice can change). */
  facets: z.object({
    source: z.array(FacetValue),
    kind: z.array(FacetValue),
    phase: z.array(FacetValue),
    person: z.array(FacetValue),
    lens: z.array(FacetValue),
    state: z.array(FacetValue),
  }),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

/** Suggestions while framing a new inquiry: past inquiries on the same theme and questions still open. */
export const RelatedQuery = z.strictObject({
  text: z.string().trim().min(1, 'Required.').max(2_000),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export const RelatedInquiry = z.object({
  inquiry: z.object({ id: Id, title: z.string(), question: z.string(), phase: Phase }),
  /** The adopted conclusion, for a concluded inquiry. */
  conclusion: z.string().nullable(),
  snippet: z.array(SnippetPart),
});
export const RelatedOpenQuestion = z.object({
  contributionId: Id,
  inquiry: z.object({ id: Id, title: z.string() }),
  kind: ContributionKind,
  snippet: z.array(SnippetPart),
});
export const RelatedResponse = z.object({
  inquiries: z.array(RelatedInquiry),
  openQuestions: z.array(RelatedOpenQuestion),
});
export type RelatedResponse = z.infer<typeof RelatedResponse>;

/** A note a conclusion rests on, or one that stayed open. */
export const CardNote = z.object({
  id: Id,
  kind: ContributionKind,
  state: ContributionState.nullable(),
  body: z.string(),
  author: PersonRef.nullable(),
});
export type CardNote = z.infer<typeof CardNote>;

export const LibraryCard = z.object({
  inquiry: z.object({ id: Id, title: z.string(), question: z.string(), phase: Phase }),
  concludedAt: Timestamp.nullable(),
  /** The adopted conclusion's text; null while none is adopted. */
  conclusion: z.string().nullable(),
  restsOn: z.array(CardNote),
  /** Questions still open, assumptions never tested, unknowns, and what reflections say is not understood. */
  stayedOpen: z.array(CardNote),
  stillUnclear: z.array(z.string()),
  /** People who can explain the conclusion (taught it back, or contributed and were endorsed). */
  canExplain: z.array(PersonRef),
  participantCount: z.number().int(),
});
export type LibraryCard = z.infer<typeof LibraryCard>;

export const LibraryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20),
  cursor: z.string().max(200).optional(),
});
export const LibraryList = z.object({ items: z.array(LibraryCard), nextCursor: z.string().nullable() });
export type LibraryList = z.infer<typeof LibraryList>;
export const LibraryCardParams = InquiryParams;
export const LibraryCardResponse = z.object({ card: LibraryCard });
