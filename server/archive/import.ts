import { type Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import tar from 'tar-stream';
import * as Y from 'yjs';
import type { z } from 'zod';
import { synthesisDocumentName } from '../../contract/collab.js';
import { indexWorkspace } from '../search/indexer.js';
import type { Db } from '../store/db.js';
import { isUniqueViolation } from '../store/errors.js';
import { newId, newToken } from '../store/ids.js';
import { createUser, findCredentials } from '../store/users.js';
import {
  type ArchiveRecord,
  DOCUMENT_FILE,
  Manifest,
  PART_NAME,
  RECORD_KINDS,
  RECORD_SCHEMAS,
  type RecordKind,
} from './format.js';

// Reads a workspace archive into the database inside one transaction: every record is checked (zod, and
// that it points only at records of the same archive), people are matched by e-mail, and anything wrong
// rolls the whole import back. Parts are read one at a time; what stays in memory is the ids the records
// may point at (to keep an archive from reaching into another workspace on this instance).

/** Wrong or damaged archive: a 400 with this message. */
export class ArchiveError extends Error {}
/** The workspace, or a record of it, already exists on this instance: a 409. */
export class ArchiveConflict extends Error {}

export const MANIFEST_MAX_BYTES = 64 * 1024;
/** A part is about 1 MiB when we write it; a synthesis document is one merged Yjs update. */
export const ENTRY_MAX_BYTES = 64 * 1024 * 1024;
/** Unpacked, a little more than the biggest workspace we expect (100,000 notes are about 40 MiB). */
export const UNPACKED_MAX_BYTES = 4 * 1024 * 1024 * 1024;
const BATCH = 200;

export interface ImportResult {
  workspaceId: string;
  name: string;
  counts: Record<RecordKind, number>;
  documents: number;
}

type Row = Record<string, unknown>;
// any: inserts go to twenty tables from one loop; each record was checked against its schema first
type AnyDb = Kysely<any>;

class Importer {
  readonly counts = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
  documents = 0;
  private readonly users = new Map<string, string>();
  private readonly inquiries = new Set<string>();
  private readonly contributions = new Set<string>();
  private readonly prompts = new Set<string>();
  private readonly checks = new Set<string>();
  private placeholder: string | null = null;
  private pending: { table: string; rows: Row[] } | null = null;
  workspaceName = '';

  constructor(
    private readonly db: Db,
    readonly manifest: Manifest,
    /** Who uploads it through the API; null for the operator's command line. */
    private readonly importerId: string | null,
  ) {}

  private get any(): AnyDb {
    return this.db as unknown as AnyDb;
  }

  private fail(kind: RecordKind, line: number, message: string): never {
    throw new ArchiveError(`${kind} record ${line}: ${message}`);
  }

  private user(id: string, kind: RecordKind, line: number): string {
    const mapped = this.users.get(id);
    if (!mapped) this.fail(kind, line, `names a person (${id}) who is not in the archive's users.`);
    return mapped;
  }

  private optionalUser(id: string | null, kind: RecordKind, line: number): string | null {
    return id === null ? null : this.user(id, kind, line);
  }

  private inquiry(id: string, kind: RecordKind, line: number): string {
    if (!this.inquiries.has(id)) this.fail(kind, line, `belongs to an inquiry (${id}) not in the archive.`);
    return id;
  }

  private contribution(id: string, kind: RecordKind, line: number): string {
    if (!this.contributions.has(id)) this.fail(kind, line, `points at a note (${id}) not in the archive.`);
    return id;
  }

  private workspace(id: string, kind: RecordKind, line: number): string {
    if (id !== this.manifest.workspaceId) this.fail(kind, line, 'belongs to another workspace.');
    return id;
  }

  /** Who owns the workspace's anonymous notes here: one account per workspace, without password, no member. */
  private async anonymous(): Promise<string> {
    if (this.placeholder) return this.placeholder;
    const email = `anonymous.${this.manifest.workspaceId}@archive.invalid`;
    const existing = await findCredentials(this.db, email);
    this.placeholder =
      existing?.user.id ?? (await createUser(this.db, { email, name: 'Anonymous', passwordHash: null })).id;
    return this.placeholder;
  }

  /** Users: the instance's account with the same e-mail, else a new one with the archive's id if free. */
  private async addUser(u: ArchiveRecord<'users'>): Promise<void> {
    const existing = await findCredentials(this.db, u.email);
    if (existing) {
      // Through the API, an archive could otherwise put words in the mouth of anyone with an account here
      // and make them a member of the uploader's workspace. Only the operator's command line may merge
      // archive people into existing accounts; an uploader may only be matched to themself.
      if (this.importerId !== null && existing.user.id !== this.importerId) {
        throw new ArchiveConflict(
          `${u.email} already has an account here: only the importer's own account may be matched. ` +
            'An operator can import this archive with npm run workspace:import.',
        );
      }
      this.users.set(u.id, existing.user.id);
      return;
    }
    const taken = await this.db.selectFrom('users').select('id').where('id', '=', u.id).executeTakeFirst();
    const created = await createUser(this.db, {
      id: taken ? newId() : u.id,
      email: u.email,
      name: u.name,
      passwordHash: null,
    });
    await this.db
      .updateTable('users')
      .set({ created_at: u.created_at })
      .where('id', '=', created.id)
      .execute();
    this.users.set(u.id, created.id);
  }

  private async insert(table: string, row: Row): Promise<void> {
    if (this.pending && this.pending.table !== table) await this.flush();
    this.pending ??= { table, rows: [] };
    this.pending.rows.push(row);
    if (this.pending.rows.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = null;
    if (pending && pending.rows.length > 0)
      await this.any.insertInto(pending.table).values(pending.rows).execute();
  }

  async add<K extends RecordKind>(kind: K, r: ArchiveRecord<K>, line: number): Promise<void> {
    this.counts[kind]++;
    // Each case: check what the record points at, map people, write the row as the table has it.
    switch (kind) {
      case 'workspace': {
        const w = r as ArchiveRecord<'workspace'>;
        if (this.counts.workspace > 1) this.fail(kind, line, 'an archive holds one workspace.');
        this.workspace(w.id, kind, line);
        this.workspaceName = w.name;
        return this.insert('workspaces', w);
      }
      case 'users':
        await this.flush();
        return this.addUser(r as ArchiveRecord<'users'>);
      case 'members': {
        const m = r as ArchiveRecord<'members'>;
        return this.insert('memberships', {
          ...m,
          workspace_id: this.workspace(m.workspace_id, kind, line),
          user_id: this.user(m.user_id, kind, line),
        });
      }
      case 'insight_settings': {
        const s = r as ArchiveRecord<'insight_settings'>;
        this.workspace(s.workspace_id, kind, line);
        return this.insert('insight_settings', { ...s, thresholds: JSON.stringify(s.thresholds) });
      }
      case 'facilitator_prompts': {
        const p = r as ArchiveRecord<'facilitator_prompts'>;
        this.workspace(p.workspace_id, kind, line);
        this.prompts.add(p.id);
        return this.insert('facilitator_prompts', p);
      }
      case 'webhooks': {
        const h = r as ArchiveRecord<'webhooks'>;
        this.workspace(h.workspace_id, kind, line);
        // Switched off with a new secret: the receiver must be told the new one before it is switched on.
        return this.insert('webhooks', {
          ...h,
          created_by: this.user(h.created_by, kind, line),
          active: 0,
          secret: `whsec_${newToken()}`,
        });
      }
      case 'inquiries': {
        const i = r as ArchiveRecord<'inquiries'>;
        this.workspace(i.workspace_id, kind, line);
        this.inquiries.add(i.id);
        return this.insert('inquiries', {
          ...i,
          facilitator_id: this.user(i.facilitator_id, kind, line),
          gate_settings: i.gate_settings === null ? null : JSON.stringify(i.gate_settings),
          fit_check: i.fit_check === null ? null : JSON.stringify(i.fit_check),
          private_phases: JSON.stringify(i.private_phases),
          last_seq: 0,
        });
      }
      case 'participants': {
        const p = r as ArchiveRecord<'participants'>;
        return this.insert('inquiry_participants', {
          ...p,
          inquiry_id: this.inquiry(p.inquiry_id, kind, line),
          user_id: this.user(p.user_id, kind, line),
        });
      }
      case 'phase_changes': {
        const c = r as ArchiveRecord<'phase_changes'>;
        return this.insert('phase_changes', {
          ...c,
          inquiry_id: this.inquiry(c.inquiry_id, kind, line),
          moved_by: this.user(c.moved_by, kind, line),
          missing: JSON.stringify(c.missing.map((m) => ({ ...m, userId: this.user(m.userId, kind, line) }))),
        });
      }
      case 'contributions': {
        const c = r as ArchiveRecord<'contributions'>;
        this.inquiry(c.inquiry_id, kind, line);
        this.contributions.add(c.id);
        const author = c.author_id === null ? await this.anonymous() : this.user(c.author_id, kind, line);
        return this.insert('contributions', { ...c, author_id: author });
      }
      case 'links': {
        const l = r as ArchiveRecord<'links'>;
        this.inquiry(l.inquiry_id, kind, line);
        this.contribution(l.from_id, kind, line);
        this.contribution(l.to_id, kind, line);
        const by = l.created_by === null ? await this.anonymous() : this.user(l.created_by, kind, line);
        return this.insert('links', { ...l, created_by: by });
      }
      case 'acknowledgements': {
        const a = r as ArchiveRecord<'acknowledgements'>;
        return this.insert('acknowledgements', {
          ...a,
          contribution_id: this.contribution(a.contribution_id, kind, line),
          user_id: this.user(a.user_id, kind, line),
        });
      }
      case 'conclusions': {
        const c = r as ArchiveRecord<'conclusions'>;
        const p = c.proposal;
        const u = (id: string) => this.user(id, kind, line);
        const proposal = {
          versions: p.versions.map((v) => ({
            ...v,
            proposedBy: u(v.proposedBy),
            restsOn: v.restsOn.map((id) => this.contribution(id, kind, line)),
          })),
          endorsements: p.endorsements.map((e) => ({ ...e, userId: u(e.userId) })),
          objections: p.objections.map((o) => ({
            ...o,
            userId: u(o.userId),
            answer: o.answer === null ? null : { ...o.answer, by: u(o.answer.by) },
          })),
          adopted: p.adopted === null ? null : { ...p.adopted, by: u(p.adopted.by) },
        };
        return this.insert('conclusions', {
          ...c,
          inquiry_id: this.inquiry(c.inquiry_id, kind, line),
          proposal: JSON.stringify(proposal),
        });
      }
      case 'reflections': {
        const x = r as ArchiveRecord<'reflections'>;
        return this.insert('reflections', {
          ...x,
          inquiry_id: this.inquiry(x.inquiry_id, kind, line),
          user_id: this.user(x.user_id, kind, line),
        });
      }
      case 'commitments': {
        const c = r as ArchiveRecord<'commitments'>;
        return this.insert('commitments', {
          ...c,
          inquiry_id: this.inquiry(c.inquiry_id, kind, line),
          owner_id: this.user(c.owner_id, kind, line),
          created_by: this.user(c.created_by, kind, line),
        });
      }
      case 'subtasks': {
        const s = r as ArchiveRecord<'subtasks'>;
        return this.insert('subtasks', {
          ...s,
          inquiry_id: this.inquiry(s.inquiry_id, kind, line),
          assignee_id: this.user(s.assignee_id, kind, line),
        });
      }
      case 'help_requests': {
        const h = r as ArchiveRecord<'help_requests'>;
        return this.insert('help_requests', {
          ...h,
          inquiry_id: this.inquiry(h.inquiry_id, kind, line),
          requester_id: this.user(h.requester_id, kind, line),
          claimed_by: this.optionalUser(h.claimed_by, kind, line),
          answered_by: this.optionalUser(h.answered_by, kind, line),
          contribution_id:
            h.contribution_id === null ? null : this.contribution(h.contribution_id, kind, line),
        });
      }
      case 'understanding_checks': {
        const { result, ...c } = r as ArchiveRecord<'understanding_checks'>;
        for (const item of c.items)
          if (item.contributionId) this.contribution(item.contributionId, kind, line);
        if (result.checkId !== c.id) this.fail(kind, line, 'its result belongs to another check.');
        this.checks.add(c.id);
        await this.insert('understanding_checks', {
          ...c,
          inquiry_id: this.inquiry(c.inquiry_id, kind, line),
          opened_by: this.user(c.opened_by, kind, line),
          items: JSON.stringify(c.items),
        });
        return this.insert('understanding_aggregates', {
          check_id: c.id,
          responses: result.responses,
          result: JSON.stringify(result),
        });
      }
      case 'pulses': {
        const { responses, sums, ...p } = r as ArchiveRecord<'pulses'>;
        this.workspace(p.workspace_id, kind, line);
        if (p.inquiry_id !== null) this.inquiry(p.inquiry_id, kind, line);
        await this.insert('pulses', { ...p, opened_by: this.user(p.opened_by, kind, line) });
        return this.insert('pulse_aggregates', {
          pulse_id: p.id,
          responses,
          sums: sums === null ? null : JSON.stringify(sums),
        });
      }
      case 'asked_prompts': {
        const a = r as ArchiveRecord<'asked_prompts'>;
        if (a.prompt_id !== null && !this.prompts.has(a.prompt_id)) {
          this.fail(kind, line, `points at a prompt (${a.prompt_id}) not in the archive.`);
        }
        return this.insert('asked_prompts', {
          ...a,
          inquiry_id: this.inquiry(a.inquiry_id, kind, line),
          contribution_id: this.contribution(a.contribution_id, kind, line),
          asked_by: this.user(a.asked_by, kind, line),
        });
      }
    }
  }

  async addDocument(inquiryId: string, update: Buffer): Promise<void> {
    await this.flush();
    if (!this.inquiries.has(inquiryId))
      throw new ArchiveError(`A document belongs to an inquiry not in the archive.`);
    try {
      Y.applyUpdate(new Y.Doc(), new Uint8Array(update));
    } catch {
      throw new ArchiveError(`The synthesis of inquiry ${inquiryId} is not a readable document.`);
    }
    this.documents++;
    await this.db
      .insertInto('document_updates')
      .values({
        id: newId(),
        document: synthesisDocumentName(inquiryId),
        update_b64: update.toString('base64'),
        created_at: this.manifest.exportedAt,
      })
      .execute();
  }

  /** The importer owns what they imported: their membership becomes (or is added as) an owner's. */
  async makeOwner(userId: string): Promise<void> {
    await this.flush();
    const workspaceId = this.manifest.workspaceId;
    const member = await this.db
      .selectFrom('memberships')
      .select('role')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (member) {
      await this.db
        .updateTable('memberships')
        .set({ role: 'owner' })
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .execute();
    } else {
      await this.db
        .insertInto('memberships')
        .values({
          workspace_id: workspaceId,
          user_id: userId,
          role: 'owner',
          created_at: this.manifest.exportedAt,
        })
        .execute();
    }
  }
}

/** Counts bytes going through and fails past `max` (a gzip bomb, or an upload bigger than allowed). */
export function byteLimit(max: number, error: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) done(error());
      else done(null, chunk);
    },
  });
}

async function readEntry(stream: AsyncIterable<unknown>, max: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > max) throw new ArchiveError(`${name} is larger than allowed (${max} bytes).`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseLine<K extends RecordKind>(kind: K, text: string, line: number): ArchiveRecord<K> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ArchiveError(`${kind} record ${line} is not JSON.`);
  }
  const parsed = (RECORD_SCHEMAS[kind] as unknown as z.ZodType<ArchiveRecord<K>>).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveError(`${kind} record ${line}: ${issue?.path.join('.') || 'record'}: ${issue?.message}`);
  }
  return parsed.data;
}

async function readArchive(db: Db, gzipped: Readable, importerId: string | null): Promise<ImportResult> {
  const extract = tar.extract();
  const gunzip = createGunzip();
  const limit = byteLimit(
    UNPACKED_MAX_BYTES,
    () => new ArchiveError(`The archive unpacks to more than ${UNPACKED_MAX_BYTES} bytes.`),
  );
  const fail = (error: Error) => extract.destroy(error);
  gzipped.on('error', fail);
  gunzip.on('error', (error) =>
    fail(
      error instanceof ArchiveError
        ? error
        : new ArchiveError(`The archive is not gzip data: ${error.message}`),
    ),
  );
  limit.on('error', fail);
  gzipped.pipe(gunzip).pipe(limit).pipe(extract);

  let importer: Importer | null = null;
  let kindIndex = 0;
  const lines = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (entry.header.type !== 'file') throw new ArchiveError(`${name} is not a file.`);
      if (!importer) {
        if (name !== 'manifest.json') {
          throw new ArchiveError(
            'The archive does not start with manifest.json: is it a Colearn workspace archive?',
          );
        }
        const text = (await readEntry(entry, MANIFEST_MAX_BYTES, name)).toString('utf8');
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          throw new ArchiveError('manifest.json is not JSON.');
        }
        const manifest = Manifest.safeParse(value);
        if (!manifest.success) {
          const issue = manifest.error.issues[0];
          throw new ArchiveError(
            `manifest.json: ${issue?.path.join('.') || 'manifest'}: ${issue?.message} (format colearn.workspace, version 1 expected).`,
          );
        }
        const exists = await db
          .selectFrom('workspaces')
          .select('id')
          .where('id', '=', manifest.data.workspaceId)
          .executeTakeFirst();
        if (exists) throw new ArchiveConflict('This workspace is already on this instance.');
        importer = new Importer(db, manifest.data, importerId);
        continue;
      }
      const part = PART_NAME.exec(name);
      const document = DOCUMENT_FILE.exec(name);
      if (part) {
        const kind = part[1] as RecordKind;
        const index = RECORD_KINDS.indexOf(kind);
        if (index < 0) throw new ArchiveError(`${name}: there is no kind of record called ${kind}.`);
        if (index < kindIndex) throw new ArchiveError(`${name} comes after records that point at it.`);
        kindIndex = index;
        const text = (await readEntry(entry, ENTRY_MAX_BYTES, name)).toString('utf8');
        for (const line of text.split('\n')) {
          if (line.length === 0) continue;
          lines[kind]++;
          await importer.add(kind, parseLine(kind, line, lines[kind]), lines[kind]);
        }
      } else if (document?.[1]) {
        kindIndex = RECORD_KINDS.length;
        await importer.addDocument(document[1], await readEntry(entry, ENTRY_MAX_BYTES, name));
      } else {
        throw new ArchiveError(`${name} does not belong in a workspace archive.`);
      }
    }
  } finally {
    // Done with the input, or given up on it: stop reading.
    gzipped.unpipe();
    gzipped.destroy();
    gunzip.destroy();
    limit.destroy();
  }
  if (!importer) throw new ArchiveError('The archive is empty.');
  await importer.flush();
  const { manifest } = importer;
  for (const kind of RECORD_KINDS) {
    if (importer.counts[kind] !== manifest.counts[kind]) {
      throw new ArchiveError(
        `The archive is incomplete: ${importer.counts[kind]} ${kind} records where the manifest says ${manifest.counts[kind]}.`,
      );
    }
  }
  if (importer.documents !== manifest.documents) {
    throw new ArchiveError(
      `The archive is incomplete: ${importer.documents} documents where the manifest says ${manifest.documents}.`,
    );
  }
  if (importer.counts.workspace !== 1) throw new ArchiveError('The archive holds no workspace.');
  if (importerId) await importer.makeOwner(importerId);
  await indexWorkspace(db, manifest.workspaceId);
  return {
    workspaceId: manifest.workspaceId,
    name: importer.workspaceName,
    counts: importer.counts,
    documents: importer.documents,
  };
}

function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Imports a gzip'd archive into `db` in one transaction: all of it, or nothing. `importerId`, when given,
 * becomes an owner of the imported workspace. Throws ArchiveError (bad archive) or ArchiveConflict.
 */
export async function importWorkspaceArchive(
  db: Db,
  gzipped: Readable,
  options: { importerId?: string } = {},
): Promise<ImportResult> {
  try {
    return await db.transaction().execute((trx) => readArchive(trx, gzipped, options.importerId ?? null));
  } catch (error) {
    if (error instanceof ArchiveError || error instanceof ArchiveConflict) throw error;
    if (isUniqueViolation(error)) {
      throw new ArchiveConflict('Some records of this archive already exist on this instance.');
    }
    if (isForeignKeyViolation(error)) {
      throw new ArchiveError('The archive does not fit together: a record points at one that is not there.');
    }
    const code = (error as { code?: unknown } | null)?.code;
    // Too long for a column, a bad value for a type: the archive's fault, not ours.
    if (typeof code === 'string' && (code.startsWith('22') || code.startsWith('SQLITE_CONSTRAINT'))) {
      throw new ArchiveError(
        `The archive holds a value this instance cannot store: ${(error as Error).message}`,
      );
    }
    // tar-stream's own complaints (a bad header, data ending early) carry no code.
    if (code === undefined && /tar|header|end of (data|file)/i.test(String((error as Error).message))) {
      throw new ArchiveError(`The archive is damaged: ${(error as Error).message}`);
    }
    throw error;
  }
}
