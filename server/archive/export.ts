import type { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import tar from 'tar-stream';
import * as Y from 'yjs';
import { synthesisDocumentName } from '../../contract/collab.js';
import { resultsVisible } from '../../domain/insights/pulse.js';
import { checkResult } from '../insights/understanding.js';
import type { Db } from '../store/db.js';
import { loadDocumentUpdates } from '../store/documents.js';
import { now } from '../store/ids.js';
import { answerSums, closedAtOf, isClosed, responseCounts } from '../store/pulses.js';
import type { UnderstandingItemRecord, UnderstandingStage } from '../store/understanding.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  documentFile,
  type Manifest,
  partName,
  RECORD_KINDS,
  type RecordKind,
} from './format.js';
import type { ReadSnapshot } from './snapshot.js';

// Streams a workspace as an archive (format.ts, docs/archive.md). Rows are read in keyset pages of
// PAGE_ROWS and written as NDJSON parts of at most PART_BYTES; each part waits until the tar stream has
// room (the download's pace), so memory holds about one page and one part whatever the workspace's size.

const PAGE_ROWS = 1_000;
const PART_BYTES = 1024 * 1024;

// any: the pager runs one generic keyset loop over twenty tables; each source's row shape is its table's
type AnyDb = Kysely<any>;
// any: see AnyDb
type Query = SelectQueryBuilder<any, any, Row>;
type Row = Record<string, unknown>;

interface ExportContext {
  db: Db;
  exportedAt: string;
}

interface Source {
  kind: RecordKind;
  /** The workspace's rows of this kind. */
  rows: (db: AnyDb, workspaceId: string) => Query;
  /**
   * For the big kinds, one inquiry's rows: read inquiry by inquiry, each page walks one (inquiry_id, id)
   * index range instead of sorting the workspace's rows for every page.
   */
  perInquiry?: (db: AnyDb, inquiryId: string) => Query;
  /** Qualified columns: the order and the keyset. */
  key: string[];
  record?: (row: Row, ctx: ExportContext) => Row | Promise<Row>;
}

const json = (value: unknown) => (value === null ? null : JSON.parse(String(value)));

const inquiriesOf = (db: AnyDb, workspaceId: string) =>
  db.selectFrom('inquiries').select('inquiries.id').where('inquiries.workspace_id', '=', workspaceId);
/** Rows of a table with an inquiry_id, for every inquiry of the workspace. */
const byInquiry =
  (table: string) =>
  (db: AnyDb, workspaceId: string): Query =>
    db.selectFrom(table).selectAll(table).where(`${table}.inquiry_id`, 'in', inquiriesOf(db, workspaceId));
const ofInquiry =
  (table: string) =>
  (db: AnyDb, inquiryId: string): Query =>
    db.selectFrom(table).selectAll(table).where(`${table}.inquiry_id`, '=', inquiryId);
const byWorkspace =
  (table: string, column = 'workspace_id') =>
  (db: AnyDb, workspaceId: string): Query =>
    db.selectFrom(table).selectAll(table).where(`${table}.${column}`, '=', workspaceId);

/** Acknowledgements of the notes `notes` selects, but not an author's of their own anonymous note (it names them). */
const acknowledgementsOf = (
  db: AnyDb,
  notes: (eb: ExpressionBuilder<any, any>) => ReturnType<ExpressionBuilder<any, any>>,
) =>
  db
    .selectFrom('acknowledgements')
    .innerJoin('contributions', 'contributions.id', 'acknowledgements.contribution_id')
    .selectAll('acknowledgements')
    .where(notes)
    .where((eb) =>
      eb.or([
        eb('contributions.anonymous', '=', 0),
        eb('acknowledgements.user_id', '!=', eb.ref('contributions.author_id')),
      ]),
    );

const SOURCES: Record<RecordKind, Source | null> = {
  workspace: {
    kind: 'workspace',
    rows: byWorkspace('workspaces', 'id'),
    key: ['workspaces.id'],
    record: (r) => ({ ...r, pulse_threshold: Number(r.pulse_threshold) }),
  },
  users: null, // written from the set of people the other records name (referencedUsers)
  members: {
    kind: 'members',
    rows: byWorkspace('memberships'),
    key: ['memberships.user_id'],
  },
  insight_settings: {
    kind: 'insight_settings',
    rows: byWorkspace('insight_settings'),
    key: ['insight_settings.workspace_id'],
    record: (r) => ({ ...r, thresholds: json(r.thresholds) }),
  },
  facilitator_prompts: {
    kind: 'facilitator_prompts',
    rows: byWorkspace('facilitator_prompts'),
    key: ['facilitator_prompts.id'],
  },
  webhooks: {
    kind: 'webhooks',
    rows: byWorkspace('webhooks'),
    key: ['webhooks.id'],
    // The signing secret is a credential: it stays behind.
    record: ({ secret: _secret, ...r }) => ({ ...r, active: Number(r.active) }),
  },
  inquiries: {
    kind: 'inquiries',
    rows: byWorkspace('inquiries'),
    key: ['inquiries.id'],
    // The event log stays behind, and with it the sequence number.
    record: ({ last_seq: _seq, ...r }) => ({
      ...r,
      gate_settings: json(r.gate_settings),
      fit_check: json(r.fit_check),
      private_phases: json(r.private_phases),
    }),
  },
  participants: {
    kind: 'participants',
    rows: byInquiry('inquiry_participants'),
    key: ['inquiry_participants.inquiry_id', 'inquiry_participants.user_id'],
  },
  phase_changes: {
    kind: 'phase_changes',
    rows: byInquiry('phase_changes'),
    key: ['phase_changes.id'],
    record: (r) => ({ ...r, missing: json(r.missing) }),
  },
  contributions: {
    kind: 'contributions',
    rows: byInquiry('contributions'),
    perInquiry: ofInquiry('contributions'),
    key: ['contributions.id'],
    // An anonymous note travels without its author, and without the lens only its author held.
    record: (r) =>
      Number(r.anonymous) === 1
        ? { ...r, anonymous: 1, author_id: null, perspective: null }
        : { ...r, anonymous: 0 },
  },
  links: {
    kind: 'links',
    rows: byInquiry('links'),
    perInquiry: ofInquiry('links'),
    key: ['links.id'],
    record: (r) =>
      Number(r.anonymous) === 1 ? { ...r, anonymous: 1, created_by: null } : { ...r, anonymous: 0 },
  },
  acknowledgements: {
    kind: 'acknowledgements',
    rows: (db, workspaceId) =>
      acknowledgementsOf(db, (eb) => eb('contributions.inquiry_id', 'in', inquiriesOf(db, workspaceId))),
    perInquiry: (db, inquiryId) =>
      acknowledgementsOf(db, (eb) => eb('contributions.inquiry_id', '=', inquiryId)),
    key: ['acknowledgements.contribution_id', 'acknowledgements.user_id'],
  },
  conclusions: {
    kind: 'conclusions',
    rows: byInquiry('conclusions'),
    key: ['conclusions.inquiry_id'],
    record: (r) => ({ ...r, proposal: json(r.proposal), revision: Number(r.revision) }),
  },
  reflections: {
    kind: 'reflections',
    rows: byInquiry('reflections'),
    key: ['reflections.inquiry_id', 'reflections.user_id'],
  },
  commitments: {
    kind: 'commitments',
    rows: byInquiry('commitments'),
    key: ['commitments.id'],
  },
  subtasks: { kind: 'subtasks', rows: byInquiry('subtasks'), key: ['subtasks.id'] },
  help_requests: {
    kind: 'help_requests',
    rows: byInquiry('help_requests'),
    key: ['help_requests.id'],
  },
  understanding_checks: {
    kind: 'understanding_checks',
    rows: byInquiry('understanding_checks'),
    key: ['understanding_checks.id'],
    // Rankings and theories stay behind; the agreement travels as it stood (hidden while still open), and
    // the check arrives closed — nobody can answer it where it lands.
    record: async (r, ctx) => {
      const check = {
        id: String(r.id),
        inquiryId: String(r.inquiry_id),
        stage: r.stage as UnderstandingStage,
        items: json(r.items) as UnderstandingItemRecord[],
        openedBy: String(r.opened_by),
        openedAt: String(r.opened_at),
        closedAt: (r.closed_at as string | null) ?? null,
      };
      const result = await checkResult(ctx.db, check);
      return { ...r, items: check.items, closed_at: check.closedAt ?? ctx.exportedAt, result };
    },
  },
  pulses: {
    kind: 'pulses',
    rows: byWorkspace('pulses'),
    key: ['pulses.id'],
    // Answers, comments and who answered stay behind: a count, and the item sums only when the results
    // were shown (closed, at least k answers). A pulse still open arrives closed at the export's time.
    record: async (r, ctx) => {
      const pulse = {
        id: String(r.id),
        workspaceId: String(r.workspace_id),
        inquiryId: (r.inquiry_id as string | null) ?? null,
        openedBy: String(r.opened_by),
        openedAt: String(r.opened_at),
        closesAt: (r.closes_at as string | null) ?? null,
        closedAt: (r.closed_at as string | null) ?? null,
        threshold: Number(r.threshold),
      };
      const [counts, sums] = await Promise.all([
        responseCounts(ctx.db, [pulse.id]),
        answerSums(ctx.db, [pulse.id]),
      ]);
      const responses = counts.get(pulse.id) ?? 0;
      const shown = resultsVisible({
        responses,
        threshold: pulse.threshold,
        closed: isClosed(pulse, ctx.exportedAt),
      });
      return {
        ...r,
        threshold: pulse.threshold,
        closed_at: closedAtOf(pulse, ctx.exportedAt) ?? ctx.exportedAt,
        responses,
        sums: shown ? [...(sums.get(pulse.id)?.sums ?? [])] : null,
      };
    },
  },
  asked_prompts: {
    kind: 'asked_prompts',
    rows: byInquiry('asked_prompts'),
    key: ['asked_prompts.id'],
  },
};

const column = (qualified: string) => qualified.slice(qualified.lastIndexOf('.') + 1);

/** Rows after `after` in key order: (a > x) or (a = x and b > y). */
function keysetAfter(key: string[], after: unknown[]) {
  // any: see AnyDb
  return (eb: ExpressionBuilder<any, any>) => {
    const [first, second] = key as [string, string | undefined];
    if (second === undefined) return eb(first, '>', after[0]);
    return eb.or([eb(first, '>', after[0]), eb.and([eb(first, '=', after[0]), eb(second, '>', after[1])])]);
  };
}

/** Pages in key order; the next page is asked for while the caller works on this one (PostgreSQL overlaps). */
async function* pages(query: Query, key: string[]): AsyncGenerator<Row[]> {
  const page = (after: unknown[] | null) => {
    let q = after ? query.where(keysetAfter(key, after)) : query;
    for (const k of key) q = q.orderBy(k);
    const rows = q.limit(PAGE_ROWS).execute();
    // A page asked for ahead may fail after the caller has stopped reading; its error then goes nowhere.
    rows.catch(() => {});
    return rows;
  };
  let next = page(null);
  for (;;) {
    const rows = await next;
    const last = rows[rows.length - 1];
    if (rows.length === PAGE_ROWS && last) next = page(key.map((k) => last[column(k)]));
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE_ROWS) return;
  }
}

async function inquiryIdsOf(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('inquiries')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

async function countOf(query: Query): Promise<number> {
  const row = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Everyone a travelling record names; never someone named only as the author of an anonymous note. */
async function referencedUsers(db: Db, workspaceId: string): Promise<string[]> {
  const ids = new Set<string>();
  const any = db as unknown as AnyDb;
  const add = async (q: Query, col: string) => {
    const rows = (await q.clearSelect().select(`${col} as id`).distinct().execute()) as {
      id: string | null;
    }[];
    for (const r of rows) if (r.id) ids.add(r.id);
  };
  for (const [table, col] of [
    ['memberships', 'user_id'],
    ['webhooks', 'created_by'],
    ['pulses', 'opened_by'],
    ['inquiries', 'facilitator_id'],
  ] as const) {
    await add(byWorkspace(table)(any, workspaceId), col);
  }
  for (const [table, col] of [
    ['inquiry_participants', 'user_id'],
    ['phase_changes', 'moved_by'],
    ['reflections', 'user_id'],
    ['commitments', 'owner_id'],
    ['commitments', 'created_by'],
    ['subtasks', 'assignee_id'],
    ['help_requests', 'requester_id'],
    ['help_requests', 'claimed_by'],
    ['help_requests', 'answered_by'],
    ['understanding_checks', 'opened_by'],
    ['asked_prompts', 'asked_by'],
  ] as const) {
    await add(byInquiry(table)(any, workspaceId), `${table}.${col}`);
  }
  const named = (table: string) => byInquiry(table)(any, workspaceId).where(`${table}.anonymous`, '=', 0);
  await add(named('contributions'), 'contributions.author_id');
  await add(named('links'), 'links.created_by');
  await add(SOURCES.acknowledgements?.rows(any, workspaceId) as Query, 'acknowledgements.user_id');
  // Inside JSON: who proposed, endorsed, objected and answered; who the gate waited for.
  for await (const rows of pages(byInquiry('conclusions')(any, workspaceId), ['conclusions.inquiry_id'])) {
    for (const r of rows) collectIds(JSON.parse(String(r.proposal)), ids, ['proposedBy', 'userId', 'by']);
  }
  for await (const rows of pages(byInquiry('phase_changes')(any, workspaceId), ['phase_changes.id'])) {
    for (const r of rows) collectIds(JSON.parse(String(r.missing)), ids, ['userId']);
  }
  return [...ids].sort();
}

function collectIds(value: unknown, into: Set<string>, fields: readonly string[]): void {
  if (Array.isArray(value)) for (const v of value) collectIds(v, into, fields);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (fields.includes(k) && typeof v === 'string') into.add(v);
      else collectIds(v, into, fields);
    }
  }
}

/** NDJSON lines gathered into parts of about PART_BYTES, each written as one tar entry. */
class PartWriter {
  private lines: Buffer[] = [];
  private bytes = 0;
  private part = 0;
  written = 0;

  constructor(
    private readonly pack: tar.Pack,
    private readonly kind: RecordKind,
    private readonly mtime: Date,
  ) {}

  /** A promise only when the part is full and being written (most records need no await). */
  add(record: Row): Promise<void> | null {
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    this.lines.push(line);
    this.bytes += line.length;
    this.written++;
    return this.bytes >= PART_BYTES ? this.flush() : null;
  }

  async flush(): Promise<void> {
    if (this.lines.length === 0) return;
    const data = Buffer.concat(this.lines);
    this.lines = [];
    this.bytes = 0;
    this.part++;
    await writeEntry(this.pack, partName(this.kind, this.part), data, this.mtime);
  }
}

/** Resolves once the tar stream has taken the entry, i.e. when the reader has made room for it. */
function writeEntry(pack: tar.Pack, name: string, data: Buffer | Uint8Array, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, size: data.byteLength, mtime }, Buffer.from(data), (error) =>
      error ? reject(error) : resolve(),
    );
  });
}

async function writeArchive(db: Db, workspaceId: string, appVersion: string, pack: tar.Pack): Promise<void> {
  const exportedAt = now();
  const mtime = new Date(exportedAt);
  const ctx: ExportContext = { db, exportedAt };
  const any = db as unknown as AnyDb;
  const inquiryIds = await inquiryIdsOf(db, workspaceId);
  const users = await referencedUsers(db, workspaceId);

  const counts = {} as Record<RecordKind, number>;
  for (const kind of RECORD_KINDS) {
    const source = SOURCES[kind];
    if (!source) continue;
    counts[kind] = await countOf(source.rows(any, workspaceId));
  }
  counts.users = users.length;
  const documents: string[] = [];
  for (const inquiryId of inquiryIds) {
    const has = await db
      .selectFrom('document_updates')
      .select('id')
      .where('document', '=', synthesisDocumentName(inquiryId))
      .limit(1)
      .executeTakeFirst();
    if (has) documents.push(inquiryId);
  }
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt,
    source: { app: 'colearn', version: appVersion },
    workspaceId,
    counts,
    documents: documents.length,
  };
  await writeEntry(pack, 'manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), mtime);

  for (const kind of RECORD_KINDS) {
    const writer = new PartWriter(pack, kind, mtime);
    const source = SOURCES[kind];
    if (!source) {
      // users: by id, a page at a time
      for (let i = 0; i < users.length; i += PAGE_ROWS) {
        const rows = await db
          .selectFrom('users')
          .select(['id', 'email', 'name', 'created_at'])
          .where('id', 'in', users.slice(i, i + PAGE_ROWS))
          .orderBy('id')
          .execute();
        for (const row of rows) await writer.add(row);
      }
    } else {
      const { perInquiry } = source;
      const queries = perInquiry
        ? inquiryIds.map((id) => perInquiry(any, id))
        : [source.rows(any, workspaceId)];
      for (const query of queries) {
        for await (const rows of pages(query, source.key)) {
          for (const row of rows) {
            const record = source.record ? source.record(row, ctx) : row;
            const full = writer.add(record instanceof Promise ? await record : record);
            if (full) await full;
          }
        }
      }
    }
    await writer.flush();
    if (writer.written !== counts[kind]) {
      throw new Error(`archive: ${kind} changed during the export (${writer.written} of ${counts[kind]})`);
    }
  }

  // The synthesis documents: all of a document's updates merged into one (same content, one file).
  for (const inquiryId of documents) {
    const updates = await loadDocumentUpdates(db, synthesisDocumentName(inquiryId));
    await writeEntry(pack, documentFile(inquiryId), Y.mergeUpdates(updates), mtime);
  }
}

/**
 * The workspace as a gzip'd tar stream. Reading happens inside `snapshot` as the stream is consumed; a
 * failure part-way destroys the stream (the download breaks rather than ending in a truncated archive).
 */
export function exportWorkspaceArchive(
  snapshot: ReadSnapshot,
  workspaceId: string,
  appVersion: string,
): Readable {
  const pack = tar.pack();
  const gzip = createGzip();
  pack.pipe(gzip);
  pack.on('error', (error: Error) => gzip.destroy(error));
  snapshot((db) => writeArchive(db, workspaceId, appVersion, pack)).then(
    () => pack.finalize(),
    (error: Error) => {
      pack.destroy(error);
      gzip.destroy(error);
    },
  );
  return gzip;
}
