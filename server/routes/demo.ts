import { WorkspaceResponse } from '../../contract/workspaces.js';
import { createDemoWorkspace } from '../../scripts/demo-data.js';
import { requireUser } from '../auth/session.js';
import { presentWorkspace } from '../presenters/index.js';
import { findMembership } from '../store/workspaces.js';
import { type App, type RouteContext, SESSION } from './context.js';

const tags = ['demo'];

export function demoRoutes(app: App, ctx: RouteContext): void {
  const { db } = ctx;

  app.post(
    '/api/demo',
    {
      // Each copy is ~70 rows and six password hashes; five a minute is plenty for a person clicking.
      config: { rateLimit: { max: 5, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Open your own copy of the demo workspace (you become its owner)',
        security: SESSION,
        response: { 201: WorkspaceResponse },
      },
    },
    async (request, reply) => {
      const user = await requireUser(db, request);
      const { workspaceId } = await createDemoWorkspace(db, { ownerId: user.id });
      const workspace = await findMembership(db, workspaceId, user.id);
      if (!workspace) throw new Error('the demo copy has no owner membership');
      return reply.status(201).send({ workspace: presentWorkspace(workspace) });
    },
  );
}
