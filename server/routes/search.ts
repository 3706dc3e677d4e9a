import { RelatedQuery, RelatedResponse, SearchQuery, SearchResponse } from '../../contract/library.js';
import { WorkspaceParams } from '../../contract/workspaces.js';
import { authorize, workspaceAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { invalidField } from '../errors.js';
import { BadCursor, SearchEngine } from '../search/engine.js';
import { type App, type RouteContext, SESSION } from './context.js';

// Full-text search over the workspace's library, and suggestions while framing a new inquiry. Every
// member may search; what each finds follows the board's rules (server/search/engine.ts).

export function searchRoutes(app: App, ctx: RouteContext): void {
  const { db } = ctx;
  const engine = new SearchEngine(db, ctx.databaseKind);

  app.get(
    '/api/workspaces/:workspaceId/search',
    {
      schema: {
        tags: ['library'],
        summary:
          'Search the workspace: inquiries, notes, conclusions, reflections and syntheses, ranked, with snippets and facets',
        security: SESSION,
        params: WorkspaceParams,
        querystring: SearchQuery,
        response: { 200: SearchResponse },
      },
    },
    async (request) => {
      const access = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(access, 'workspace.read');
      try {
        return await engine.search(access.workspace.id, access.user.id, request.query);
      } catch (error) {
        if (error instanceof BadCursor) throw invalidField('query.cursor', error.message);
        throw error;
      }
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/related',
    {
      schema: {
        tags: ['library'],
        summary:
          'While framing: past inquiries on the same theme (with their adopted conclusion) and questions still open elsewhere',
        security: SESSION,
        params: WorkspaceParams,
        querystring: RelatedQuery,
        response: { 200: RelatedResponse },
      },
    },
    async (request) => {
      const access = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(access, 'workspace.read');
      const { text, limit } = request.query;
      return engine.related(access.workspace.id, access.user.id, text, limit);
    },
  );
}
