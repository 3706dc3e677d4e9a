import { WorkspaceResilience } from '../../contract/insights.js';
import { WorkspaceParams } from '../../contract/workspaces.js';
import { authorize, workspaceAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { loadWorkspaceResilience } from '../insights/resilience.js';
import { type App, type RouteContext, SESSION } from './context.js';

// Where the business's knowledge lives across the workspace, and where it rests on one head (owners and
// facilitators). Definitions in docs/insights.md.

export function resilienceRoutes(app: App, ctx: RouteContext): void {
  const { db } = ctx;
  app.get(
    '/api/workspaces/:workspaceId/resilience',
    {
      schema: {
        tags: ['insights'],
        summary:
          'Knowledge resilience across the workspace: bus factors, single points of failure, who is missed (owner, facilitator)',
        security: SESSION,
        params: WorkspaceParams,
        response: { 200: WorkspaceResilience },
      },
    },
    async (request) => {
      const granted = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(granted, 'resilience.read');
      return loadWorkspaceResilience(db, granted.workspace.id);
    },
  );
}
