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
  /** The workspace's rows (scope 'workspace'), or one inquiry's (scope 'inquiry'). */
  scope: 'workspace' | 'inquiry';
  rows: (db: AnyDb, scopeId: string) => Query;
  /** Qualified columns: the order and the keyset. */
  key: string[];
  record?: (row: Row, ctx: ExportContext) => Row | Promise<Row>;
}

const json = (value: unknown) => (value === null ? null : JSON.parse(String(value)));

const byInquiry =
  (table: string) =>
  (db: AnyDb, inquiryId: string): Query =>
    db.selectFrom(table).selectAll(table).where(`${table}.inquiry_id`, '=', inquiryId);
const byWorkspace =
  (table: string, column = 'workspace_id') =>
  (db: AnyDb, workspaceId: string): Query =>
    db.selectFrom(table).selectAll(table).where(`${table}.${column}`, '=', workspaceId);

const SOURCES: Record<RecordKind, Source | null> = {
  workspace: {
    kind: 'workspace',
    scope: 'workspace',
    rows: byWorkspace('workspaces', 'id'),
    key: ['workspaces.id'],
    record: (r) => ({ ...r, pulse_threshold: Number(r.pulse_threshold) }),
  },
  users: null, // written from the set of people the other records name (referencedUsers)
  members: {
    kind: 'members',
    scope: 'workspace',
    rows: byWorkspace('memberships'),
    key: ['memberships.user_id'],
  },
  insight_settings: {
    kind: 'insight_settings',
    scope: 'workspace',
    rows: byWorkspace('insight_settings'),
    key: ['insight_settings.workspace_id'],
    record: (r) => ({ ...r, thresholds: json(r.thresholds) }),
  },
  facilitator_prompts: {
    kind: 'facilitator_prompts',
    scope: 'workspace',
    rows: byWorkspace('facilitator_prompts'),
    key: ['facilitator_prompts.id'],
  },
  webhooks: {
    kind: 'webhooks',
    scope: 'workspace',
    rows: byWorkspace('webhooks'),
    key: ['webhooks.id'],
    // The signing secret is a credential: it stays behind.
    record: ({ secret: _secret, ...r }) => ({ ...r, active: Number(r.active) }),
  },
  inquiries: {
    kind: 'inquiries',
    scope: 'workspace',
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
    scope: 'inquiry',
    rows: byInquiry('inquiry_participants'),
    key: ['inquiry_participants.user_id'],
  },
  phase_changes: {
    kind: 'phase_changes',
    scope: 'inquiry',
    rows: byInquiry('phase_changes'),
    key: ['phase_changes.id'],
    record: (r) => ({ ...r, missing: json(r.missing) }),
  },
  contributions: {
    kind: 'contributions',
    scope: 'inquiry',
    rows: byInquiry('contributions'),
    key: ['contributions.id'],
    // An anonymous note travels without its author, and without the lens only its author held.
    record: (r) =>
      Number(r.anonymous) === 1
        ? { ...r, anonymous: 1, author_id: null, perspective: null }
        : { ...r, anonymous: 0 },
  },
  links: {
    kind: 'links',
    scope: 'inquiry',
    rows: byInquiry('links'),
    key: ['links.id'],
    record: (r) =>
      Number(r.anonymous) === 1 ? { ...r, anonymous: 1, created_by: null } : { ...r, anonymous: 0 },
  },
  acknowledgements: {
    kind: 'acknowledgements',
    scope: 'inquiry',
    rows: (db, inquiryId) =>
      db
        .selectFrom('acknowledgements')
        .innerJoin('contributions', 'contributions.id', 'acknowledgements.contribution_id')
        .selectAll('acknowledgements')
        .where('contributions.inquiry_id', '=', inquiryId)
        // An author's mark on their own anonymous note would name them.
        .where((eb) =>
          eb.or([
            eb('contributions.anonymous', '=', 0),
            eb('acknowledgements.user_id', '!=', eb.ref('contributions.author_id')),
          ]),
        ),
    key: ['acknowledgements.contribution_id', 'acknowledgements.user_id'],
  },
  conclusions: {
    kind: 'conclusions',
    scope: 'inquiry',
    rows: byInquiry('conclusions'),
    key: ['conclusions.inquiry_id'],
    record: (r) => ({ ...r, proposal: json(r.proposal), revision: Number(r.revision) }),
  },
  reflections: {
    kind: 'reflections',
    scope: 'inquiry',
    rows: byInquiry('reflections'),
    key: ['reflections.user_id'],
  },
  commitments: {
    kind: 'commitments',
    scope: 'inquiry',
    rows: byInquiry('commitments'),
    key: ['commitments.id'],
  },
  subtasks: { kind: 'subtasks', scope: 'inquiry', rows: byInquiry('subtasks'), key: ['subtasks.id'] },
  help_requests: {
    kind: 'help_requests',
    scope: 'inquiry',
    rows: byInquiry('help_requests'),
    key: ['help_requests.id'],
  },
  understanding_checks: {
    kind: 'understanding_checks',
    scope: 'inquiry',
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
    scope: 'workspace',
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
    scope: 'inquiry',
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

async function* pages(query: Query, key: string[]): AsyncGenerator<Row[]> {
  let after: unknown[] | null = null;
  for (;;) {
    let q = after ? query.where(keysetAfter(key, after)) : query;
    for (const k of key) q = q.orderBy(k);
    const rows = await q.limit(PAGE_ROWS).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE_ROWS) return;
    const last = rows[rows.length - 1] as Row;
    after = key.map((k) => last[column(k)]);
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
async function referencedUsers(
  db: Db,
  workspaceId: string,
  inquiryIds: readonly string[],
): Promise<string[]> {
  const ids = new Set<string>();
  const add = (rows: { id: string | null }[]) => {
    for (const r of rows) if (r.id) ids.add(r.id);
  };
  const any = db as unknown as AnyDb;
  const distinct = (q: Query, col: string) =>
    q.clearSelect().select(`${col} as id`).distinct().execute() as Promise<{ id: string | null }[]>;
  for (const [table, col] of [
    ['memberships', 'user_id'],
    ['webhooks', 'created_by'],
    ['pulses', 'opened_by'],
    ['inquiries', 'facilitator_id'],
  ] as const) {
    add(await distinct(byWorkspace(table)(any, workspaceId), col));
  }
  const perInquiry: [string, string][] = [
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
  ];
  for (const inquiryId of inquiryIds) {
    for (const [table, col] of perInquiry) add(await distinct(byInquiry(table)(any, inquiryId), col));
    const named = (table: string) => byInquiry(table)(any, inquiryId).where(`${table}.anonymous`, '=', 0);
    add(await distinct(named('contributions'), 'contributions.author_id'));
    add(await distinct(named('links'), 'links.created_by'));
    const acknowledgements = SOURCES.acknowledgements?.rows(any, inquiryId) as Query;
    add(await distinct(acknowledgements, 'acknowledgements.user_id'));
    // Inside JSON: who proposed, endorsed, objected and answered; who the gate waited for.
    const conclusion = await db
      .selectFrom('conclusions')
      .select('proposal')
      .where('inquiry_id', '=', inquiryId)
      .executeTakeFirst();
    if (conclusion) collectIds(JSON.parse(conclusion.proposal), ids, ['proposedBy', 'userId', 'by']);
    const moves = await db
      .selectFrom('phase_changes')
      .select('missing')
      .where('inquiry_id', '=', inquiryId)
      .execute();
    for (const m of moves) collectIds(JSON.parse(m.missing), ids, ['userId']);
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

  async add(record: Row): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    this.lines.push(line);
    this.bytes += line.length;
    this.written++;
    if (this.bytes >= PART_BYTES) await this.flush();
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
  const users = await referencedUsers(db, workspaceId, inquiryIds);

  const counts = {} as Record<RecordKind, number>;
  for (const kind of RECORD_KINDS) {
    const source = SOURCES[kind];
    if (!source) continue;
    const scopes = source.scope === 'workspace' ? [workspaceId] : inquiryIds;
    counts[kind] = 0;
    for (const id of scopes) counts[kind] += await countOf(source.rows(any, id));
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
      const scopes = source.scope === 'workspace' ? [workspaceId] : inquiryIds;
      for (const id of scopes) {
        for await (const rows of pages(source.rows(any, id), source.key)) {
          for (const row of rows) await writer.add(source.record ? await source.record(row, ctx) : row);
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
