import { ErrorBody } from '../../contract/common.js';
import {
  CreateWorkspaceDomainBody,
  WorkspaceDomainList,
  WorkspaceDomainParams,
  WorkspaceDomainResponse,
} from '../../contract/sso.js';
import { WorkspaceParams } from '../../contract/workspaces.js';
import { authorize, workspaceAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { HttpError, notFound } from '../errors.js';
import {
  addWorkspaceDomain,
  DomainTakenError,
  listWorkspaceDomains,
  removeWorkspaceDomain,
  type WorkspaceDomainRecord,
} from '../store/workspace-domains.js';
import { type App, type RouteContext, SESSION } from './context.js';

const tags = ['workspaces'];

const present = (d: WorkspaceDomainRecord) => ({
  id: d.id,
  workspaceId: d.workspaceId,
  domain: d.domain,
  role: d.role,
  createdAt: d.createdAt,
});

/**
 * Sign-in domains (owners): people who sign in through single sign-on with a verified address in one of
 * them join the workspace with its role. Another workspace may claim the same domain; such a person
 * joins both.
 */
export function workspaceDomainRoutes(app: App, ctx: RouteContext): void {
  const { db } = ctx;
  const owner = async (request: Parameters<typeof requireUser>[1], workspaceId: string) => {
    const access = await workspaceAccess(db, await requireUser(db, request), workspaceId);
    authorize(access, 'workspace.configure');
    return access;
  };

  app.get(
    '/api/workspaces/:workspaceId/domains',
    {
      schema: {
        tags,
        summary: "The workspace's sign-in domains (owners)",
        security: SESSION,
        params: WorkspaceParams,
        response: { 200: WorkspaceDomainList },
      },
    },
    async (request) => {
      const access = await owner(request, request.params.workspaceId);
      return { items: (await listWorkspaceDomains(db, access.workspace.id)).map(present), nextCursor: null };
    },
  );

  app.post(
    '/api/workspaces/:workspaceId/domains',
    {
      schema: {
        tags,
        summary: 'People signing in through single sign-on with a verified address here join (owners)',
        security: SESSION,
        params: WorkspaceParams,
        body: CreateWorkspaceDomainBody,
        response: { 201: WorkspaceDomainResponse, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const access = await owner(request, request.params.workspaceId);
      try {
        const domain = await addWorkspaceDomain(db, {
          workspaceId: access.workspace.id,
          domain: request.body.domain,
          role: request.body.role,
          createdBy: access.user.id,
        });
        return reply.status(201).send({ domain: present(domain) });
      } catch (error) {
        if (error instanceof DomainTakenError) {
          const message = `${request.body.domain} is already a sign-in domain of this workspace.`;
          throw new HttpError(409, 'conflict', message, [{ path: 'body.domain', message }]);
        }
        throw error;
      }
    },
  );

  app.delete(
    '/api/workspaces/:workspaceId/domains/:domainId',
    {
      schema: {
        tags,
        summary: 'Stop adding people from a domain; those it added stay members (owners)',
        security: SESSION,
        params: WorkspaceDomainParams,
      },
    },
    async (request, reply) => {
      const access = await owner(request, request.params.workspaceId);
      if (!(await removeWorkspaceDomain(db, access.workspace.id, request.params.domainId))) {
        throw notFound('That domain');
      }
      return reply.status(204).send();
    },
  );
}
