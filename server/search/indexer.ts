import { sql } from 'kysely';
import * as Y from 'yjs';
import { synthesisDocumentName } from '../../contract/collab.js';
import { currentVersion, type Proposal } from '../../domain/mechanics/consent.js';
import { synthesisMarkdown } from '../export/synthesis-markdown.js';
import type { Db } from '../store/db.js';
import { loadDocumentUpdates } from '../store/documents.js';
import type { SearchEntriesTable } from '../store/schema.js';

// Keeps the search index's rows (search_entries) in step with what they index. Every function takes the
// caller's transaction, so an entry changes together with its note, inquiry, conclusion, reflection or
// synthesis, or not at all. The full-text structures follow the rows inside the database (see migration
// 016). An inquiry's phase and privacy settings are read by join at query time: moving a phase or
// revealing notes needs no reindexing.

type Entry = Omit<SearchEntriesTable, 'id'>;

/**
 * Tokens naming the workspace, the inquiry (UUIDs without their dashes) and the source inside the
 * full-text index, so FTS5 walks only the matches of one workspace, inquiry or kind of text.
 */
export const scopeOf = (
  workspaceId: string,
  inquiryId: string,
  source: SearchEntriesTable['source'] = 'contribution',
): string => `${workspaceToken(workspaceId)} ${inquiryToken(inquiryId)} ${sourceToken(source)}`;
export const workspaceToken = (workspaceId: string) => `w${workspaceId.replaceAll('-', '')}`;
export const inquiryToken = (inquiryId: string) => `i${inquiryId.replaceAll('-', '')}`;
export const sourceToken = (source: SearchEntriesTable['source']) => `s${source}`;

/** Long texts are cut: PostgreSQL's tsvector has a 1 MB limit, and nobody reads a snippet past this. */
const MAX_TEXT = 100_000;
const clip = (text: string) => (text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);

/** The inquiry's own text: what the facilitator framed. */
export const inquiryText = (i: {
  title: string;
  question: string;
  context: string;
  success_criteria: string;
}) => [i.title, i.question, i.context, i.success_criteria].filter((s) => s.trim() !== '').join('\n\n');

export const reflectionText = (r: {
  learned: string;
  still_unclear: string;
  keep: string;
  change: string;
  teach_back: string;
}) =>
  [r.learned, r.still_unclear, r.keep, r.change, r.teach_back].filter((s) => s.trim() !== '').join('\n\n');

async function upsert(db: Db, entry: Entry): Promise<void> {
  const { key: _key, ...changes } = entry;
  await db
    .insertInto('search_entries')
    .values({ ...entry, text: clip(entry.text) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ ...changes, text: clip(entry.text) }))
    .execute();
}

async function remove(db: Db, key: string): Promise<void> {
  await db.deleteFrom('search_entries').where('key', '=', key).execute();
}

/** The note's entry as the note now is; removed when the note is gone. */
export async function indexContribution(db: Db, contributionId: string): Promise<void> {
  const row = await db
    .selectFrom('contributions')
    .innerJoin('inquiries', 'inquiries.id', 'contributions.inquiry_id')
    .selectAll('contributions')
    .select('inquiries.workspace_id')
    .where('contributions.id', '=', contributionId)
    .executeTakeFirst();
  const key = `contribution:${contributionId}`;
  if (!row) return remove(db, key);
  await upsert(db, {
    key,
    workspace_id: row.workspace_id,
    inquiry_id: row.inquiry_id,
    source: 'contribution',
    contribution_id: row.id,
    kind: row.kind,
    state: row.state,
    author_id: row.author_id,
    anonymous: row.anonymous,
    perspective: row.perspective,
    title: '',
    text: row.body,
    scope: scopeOf(row.workspace_id, row.inquiry_id, 'contribution'),
    created_at: row.created_at,
  });
}

export async function unindexContribution(db: Db, contributionId: string): Promise<void> {
  await remove(db, `contribution:${contributionId}`);
}

/** The inquiry's framing (title, question, context, success criteria). */
export async function indexInquiry(db: Db, inquiryId: string): Promise<void> {
  const row = await db.selectFrom('inquiries').selectAll().where('id', '=', inquiryId).executeTakeFirst();
  const key = `inquiry:${inquiryId}`;
  if (!row) return remove(db, key);
  await upsert(db, {
    ...inquiryEntryBase(row.workspace_id, inquiryId, 'inquiry'),
    key,
    title: row.title,
    text: inquiryText(row),
    created_at: row.created_at,
  });
}

const inquiryEntryBase = (workspaceId: string, inquiryId: string, source: Entry['source']) => ({
  workspace_id: workspaceId,
  inquiry_id: inquiryId,
  source,
  contribution_id: null,
  kind: null,
  state: null,
  author_id: null,
  anonymous: 0,
  perspective: null,
  scope: scopeOf(workspaceId, inquiryId, source),
});

async function workspaceOf(
  db: Db,
  inquiryId: string,
): Promise<{ workspace_id: string; title: string } | undefined> {
  return db
    .selectFrom('inquiries')
    .select(['workspace_id', 'title'])
    .where('id', '=', inquiryId)
    .executeTakeFirst();
}

/** The adopted conclusion's text; no entry while none is adopted. */
export function adoptedText(proposal: Proposal): string | null {
  const adopted = proposal.adopted;
  if (!adopted) return null;
  return (proposal.versions.find((v) => v.version === adopted.version) ?? currentVersion(proposal)).text;
}

export async function indexConclusion(db: Db, inquiryId: string, proposal: Proposal | null): Promise<void> {
  const key = `conclusion:${inquiryId}`;
  const text = proposal ? adoptedText(proposal) : null;
  const inquiry = await workspaceOf(db, inquiryId);
  if (text === null || !inquiry || !proposal?.adopted) return remove(db, key);
  await upsert(db, {
    ...inquiryEntryBase(inquiry.workspace_id, inquiryId, 'conclusion'),
    key,
    title: inquiry.title,
    text,
    created_at: proposal.adopted.at,
  });
}

/** One person's reflection; readable by the whole workspace, so it carries its author. */
export async function indexReflection(db: Db, inquiryId: string, userId: string): Promise<void> {
  const key = `reflection:${inquiryId}:${userId}`;
  const row = await db
    .selectFrom('reflections')
    .innerJoin('inquiries', 'inquiries.id', 'reflections.inquiry_id')
    .selectAll('reflections')
    .select(['inquiries.workspace_id', 'inquiries.title'])
    .where('reflections.inquiry_id', '=', inquiryId)
    .where('reflections.user_id', '=', userId)
    .executeTakeFirst();
  const text = row ? reflectionText(row) : '';
  if (!row || text === '') return remove(db, key);
  await upsert(db, {
    ...inquiryEntryBase(row.workspace_id, inquiryId, 'reflection'),
    author_id: userId,
    key,
    title: row.title,
    text,
    created_at: row.updated_at,
  });
}

/** The synthesis as the document now reads (plain text of its Markdown). */
export async function indexSynthesis(db: Db, inquiryId: string, doc: Y.Doc, at: string): Promise<void> {
  const key = `synthesis:${inquiryId}`;
  const text = synthesisMarkdown(doc).trim();
  const inquiry = await workspaceOf(db, inquiryId);
  if (text === '' || !inquiry) return remove(db, key);
  await upsert(db, {
    ...inquiryEntryBase(inquiry.workspace_id, inquiryId, 'synthesis'),
    key,
    title: inquiry.title,
    text,
    created_at: at,
  });
}

const SYNTHESIS_DOCUMENT = /^inquiry:([0-9a-f-]{36}):synthesis$/;
/** The inquiry whose synthesis a Yjs document is, or null for any other document. */
export const synthesisInquiryId = (documentName: string): string | null =>
  SYNTHESIS_DOCUMENT.exec(documentName)?.[1] ?? null;

/** The columns of an entry, in the order the bulk fills below select them. */
const ENTRY_COLUMNS = [
  'key',
  'workspace_id',
  'inquiry_id',
  'source',
  'contribution_id',
  'kind',
  'state',
  'author_id',
  'anonymous',
  'perspective',
  'title',
  'text',
  'scope',
  'created_at',
] as const;

/**
 * Fills the index from scratch: notes, framings and reflections in bulk SQL, conclusions and syntheses
 * (JSON and Yjs, read by the application) one by one. Idempotent: it empties the index first.
 */
export async function rebuildSearchIndex(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('search_entries').execute();
    await fill(trx, null);
  });
}

/**
 * Indexes one workspace afresh inside the caller's transaction — an imported one, written row by row
 * around the application's writers (a hundred thousand notes one by one would take minutes).
 */
export async function indexWorkspace(db: Db, workspaceId: string): Promise<void> {
  await db.deleteFrom('search_entries').where('workspace_id', '=', workspaceId).execute();
  await fill(db, workspaceId);
}

/** Writes the entries of one workspace's inquiries, or of every workspace's with null. */
async function fill(trx: Db, workspaceId: string | null): Promise<void> {
  // scopeOf in SQL.
  const scope = (ws: string, inq: string, source: SearchEntriesTable['source']) =>
    sql<string>`'w' || replace(${sql.ref(ws)}, '-', '') || ' i' || replace(${sql.ref(inq)}, '-', '') || ${` ${sourceToken(source)}`}`;
  await trx
    .insertInto('search_entries')
    .columns([...ENTRY_COLUMNS])
    .expression(
      trx
        .selectFrom('inquiries')
        .select((eb) => [
          sql<string>`'inquiry:' || inquiries.id`.as('key'),
          'workspace_id',
          'id',
          sql<string>`'inquiry'`.as('source'),
          sql<null>`null`.as('contribution_id'),
          sql<null>`null`.as('kind'),
          sql<null>`null`.as('state'),
          sql<null>`null`.as('author_id'),
          eb.lit(0).as('anonymous'),
          sql<null>`null`.as('perspective'),
          'title',
          sql<string>`title || ${'\n\n'} || question || ${'\n\n'} || context || ${'\n\n'} || success_criteria`.as(
            'text',
          ),
          scope('inquiries.workspace_id', 'inquiries.id', 'inquiry').as('scope'),
          'created_at',
        ])
        .$if(workspaceId !== null, (q) => q.where('inquiries.workspace_id', '=', workspaceId as string))
        .orderBy('created_at'),
    )
    .execute();
  await trx
    .insertInto('search_entries')
    .columns([...ENTRY_COLUMNS])
    .expression(
      trx
        .selectFrom('contributions as c')
        .innerJoin('inquiries as i', 'i.id', 'c.inquiry_id')
        .select([
          sql<string>`'contribution:' || c.id`.as('key'),
          'i.workspace_id',
          'c.inquiry_id',
          sql<string>`'contribution'`.as('source'),
          'c.id',
          'c.kind',
          'c.state',
          'c.author_id',
          'c.anonymous',
          'c.perspective',
          sql<string>`''`.as('title'),
          sql<string>`substr(c.body, 1, ${MAX_TEXT})`.as('text'),
          scope('i.workspace_id', 'c.inquiry_id', 'contribution').as('scope'),
          'c.created_at',
        ])
        .$if(workspaceId !== null, (q) => q.where('i.workspace_id', '=', workspaceId as string))
        .orderBy('c.created_at')
        .orderBy('c.id'),
    )
    .execute();
  await trx
    .insertInto('search_entries')
    .columns([...ENTRY_COLUMNS])
    .expression(
      trx
        .selectFrom('reflections as r')
        .innerJoin('inquiries as i', 'i.id', 'r.inquiry_id')
        .select([
          sql<string>`'reflection:' || r.inquiry_id || ':' || r.user_id`.as('key'),
          'i.workspace_id',
          'r.inquiry_id',
          sql<string>`'reflection'`.as('source'),
          sql<null>`null`.as('contribution_id'),
          sql<null>`null`.as('kind'),
          sql<null>`null`.as('state'),
          'r.user_id',
          sql<number>`0`.as('anonymous'),
          sql<null>`null`.as('perspective'),
          'i.title',
          sql<string>`r.learned || ${'\n\n'} || r.still_unclear || ${'\n\n'} || r.keep || ${'\n\n'} || r.change || ${'\n\n'} || r.teach_back`.as(
            'text',
          ),
          scope('i.workspace_id', 'r.inquiry_id', 'reflection').as('scope'),
          'r.updated_at',
        ])
        .$if(workspaceId !== null, (q) => q.where('i.workspace_id', '=', workspaceId as string))
        .orderBy('r.updated_at'),
    )
    .execute();
  const conclusions = await trx
    .selectFrom('conclusions as k')
    .innerJoin('inquiries as i', 'i.id', 'k.inquiry_id')
    .select(['k.inquiry_id', 'k.proposal'])
    .$if(workspaceId !== null, (q) => q.where('i.workspace_id', '=', workspaceId as string))
    .execute();
  for (const row of conclusions) {
    await indexConclusion(trx, row.inquiry_id, JSON.parse(row.proposal) as Proposal);
  }
  const inquiries = await trx
    .selectFrom('inquiries')
    .select('id')
    .$if(workspaceId !== null, (q) => q.where('workspace_id', '=', workspaceId as string))
    .execute();
  for (const { id } of inquiries) {
    const updates = await loadDocumentUpdates(trx, synthesisDocumentName(id));
    if (updates.length === 0) continue;
    const latest = await trx
      .selectFrom('document_updates')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .where('document', '=', synthesisDocumentName(id))
      .executeTakeFirst();
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, Y.mergeUpdates(updates));
      await indexSynthesis(trx, id, doc, String(latest?.at ?? new Date().toISOString()));
    } finally {
      doc.destroy();
    }
  }
}

/** Run at startup: an empty index over existing inquiries (a database from before migration 016) is filled. */
export async function rebuildSearchIndexIfEmpty(db: Db): Promise<boolean> {
  const [entry, inquiry] = await Promise.all([
    db.selectFrom('search_entries').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('inquiries').select('id').limit(1).executeTakeFirst(),
  ]);
  if (entry || !inquiry) return false;
  await rebuildSearchIndex(db);
  return true;
}
