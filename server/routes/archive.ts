import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ARCHIVE_MAX_BYTES, ARCHIVE_MEDIA_TYPE, ImportedWorkspaceResponse } from '../../contract/archive.js';
import { WorkspaceParams } from '../../contract/workspaces.js';
import { exportWorkspaceArchive } from '../archive/export.js';
import { ArchiveConflict, ArchiveError, byteLimit, importWorkspaceArchive } from '../archive/import.js';
import { snapshotReader } from '../archive/snapshot.js';
import { authorize, workspaceAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { conflict, HttpError } from '../errors.js';
import { presentWorkspace } from '../presenters/index.js';
import { findMembership } from '../store/workspaces.js';
import { type App, type RouteContext, SESSION } from './context.js';

// A whole workspace to one archive and back (server/archive/, docs/archive.md).

const tags = ['archive'];
const MiB = 1024 * 1024;

const tooLarge = () =>
  new HttpError(413, 'payload_too_large', `An archive may be at most ${ARCHIVE_MAX_BYTES / MiB} MiB.`);

/** `colearn-acme-2026-11-28.tar.gz`: ASCII for old clients, the real name for the rest (RFC 6266 / 5987). */
function archiveFileName(name: string, at: string): string {
  const day = at.slice(0, 10);
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 60)
      .toLowerCase() || 'workspace';
  const full = `colearn-${name.slice(0, 60)}-${day}.tar.gz`;
  return `attachment; filename="colearn-${ascii}-${day}.tar.gz"; filename*=UTF-8''${encodeURIComponent(full)}`;
}

/**
 * The upload goes to a temporary file first (within the size limit), so the import's transaction runs at
 * the disk's pace and not a slow client's: on SQLite the transaction holds the only connection.
 */
async function spool(body: Readable, file: string): Promise<void> {
  await pipeline(body, byteLimit(ARCHIVE_MAX_BYTES, tooLarge), createWriteStream(file));
}

export function archiveRoutes(app: App, ctx: RouteContext): void {
  const { db, config, version } = ctx;
  const snapshot = snapshotReader(config.database, db);

  app.get(
    '/api/workspaces/:workspaceId/archive',
    {
      schema: {
        tags,
        summary: 'Download the whole workspace as one archive (owner): a gzip’d tar, streamed',
        description:
          'manifest.json, NDJSON records and the synthesis documents (docs/archive.md). Anonymous notes carry ' +
          'no author; no password, session, token, webhook secret, pulse answer or private ranking is in it.',
        security: SESSION,
        params: WorkspaceParams,
      },
    },
    async (request, reply) => {
      const access = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      // Everything the group wrote, including notes still hidden in private mode: the owners' backup.
      authorize(access, 'workspace.configure');
      const stream = exportWorkspaceArchive(snapshot, access.workspace.id, version);
      stream.on('error', (error) => request.log.error({ err: error }, 'workspace archive failed'));
      return reply
        .header('content-type', ARCHIVE_MEDIA_TYPE)
        .header('content-disposition', archiveFileName(access.workspace.name, new Date().toISOString()))
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );

  // In a scope of its own: only this route takes a gzip body, handed over as the raw stream.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      [ARCHIVE_MEDIA_TYPE, 'application/x-gzip', 'application/octet-stream'],
      (_request, payload, done) => done(null, payload),
    );
    scope.post(
      '/api/workspaces/import',
      {
        config: { rateLimit: { max: 20, timeWindow: 60_000 } },
        schema: {
          tags,
          summary: 'Import a workspace archive (you become an owner of the imported workspace)',
          description:
            `The body is the archive as ${ARCHIVE_MEDIA_TYPE}, at most ${ARCHIVE_MAX_BYTES / MiB} MiB. The ` +
            'workspace keeps its ids (409 when it is already here); people are matched by e-mail or created ' +
            'without a password. All or nothing: a damaged or inconsistent archive is a 400 and writes nothing.',
          security: SESSION,
          response: { 201: ImportedWorkspaceResponse },
        },
      },
      async (request, reply) => {
        const user = await requireUser(db, request);
        const body = request.body;
        if (!(body instanceof Readable)) {
          throw new HttpError(415, 'unsupported_media_type', `Send the archive as ${ARCHIVE_MEDIA_TYPE}.`);
        }
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > ARCHIVE_MAX_BYTES) throw tooLarge();
        const dir = await mkdtemp(join(tmpdir(), 'colearn-import-'));
        try {
          const file = join(dir, 'archive.tar.gz');
          await spool(body, file);
          const result = await importWorkspaceArchive(db, createReadStream(file), { importerId: user.id });
          const workspace = await findMembership(db, result.workspaceId, user.id);
          if (!workspace) throw new Error('the imported workspace has no membership for its importer');
          return reply.status(201).send({
            workspace: presentWorkspace(workspace),
            imported: { records: result.counts, documents: result.documents },
          });
        } catch (error) {
          if (error instanceof ArchiveError) throw new HttpError(400, 'invalid_input', error.message);
          if (error instanceof ArchiveConflict) throw conflict(error.message);
          throw error;
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );
  });
}
