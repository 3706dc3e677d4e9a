import { LibraryCardParams, LibraryCardResponse, LibraryList, LibraryQuery } from '../../contract/library.js';
import { WorkspaceParams } from '../../contract/workspaces.js';
import { authorize, inquiryAccess, workspaceAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { loadLibrary, loadLibraryCard } from '../library/cards.js';
import { type App, type RouteContext, SESSION } from './context.js';

// The team's library: concluded inquiries as cards (question, conclusion, what it rests on, what stayed
// open, who can explain it). Search and suggestions while framing are in routes/search.ts.

export function libraryRoutes(app: App, ctx: RouteContext): void {
  const { db } = ctx;

  app.get(
    '/api/workspaces/:workspaceId/library',
    {
      schema: {
        tags: ['library'],
        summary: 'The library: concluded inquiries as cards, the most recently concluded first',
        security: SESSION,
        params: WorkspaceParams,
        querystring: LibraryQuery,
        response: { 200: LibraryList },
      },
    },
    async (request) => {
      const access = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(access, 'workspace.read');
      return loadLibrary(db, access, request.query);
    },
  );

  app.get(
    '/api/inquiries/:inquiryId/card',
    {
      schema: {
        tags: ['library'],
        summary:
          'An inquiry as a library card: question, adopted conclusion (null until adopted), what it rests on, what stayed open, who can explain it',
        security: SESSION,
        params: LibraryCardParams,
        response: { 200: LibraryCardResponse },
      },
    },
    async (request) => {
      const access = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(access, 'inquiry.read');
      return { card: await loadLibraryCard(db, access) };
    },
  );
}
