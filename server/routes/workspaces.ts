import {
  CreatedInvitationResponse,
  CreateInvitationBody,
  CreateWorkspaceBody,
  InvitationList,
  InvitationParams,
  InvitationPreview,
  MemberParams,
  MemberResponse,
  TokenParams,
  UpdateMemberBody,
  WorkspaceDetail,
  WorkspaceParams,
  WorkspaceResponse,
} from '../../contract/workspaces.js';
import { authorize, workspaceAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { acceptInvitation } from '../commands/accept-invitation.js';
import { removeMemberFromWorkspace } from '../commands/remove-member.js';
import { conflict, notFound } from '../errors.js';
import { presentInvitation, presentMember, presentWorkspace } from '../presenters/index.js';
import {
  createInvitation,
  findInvitationByToken,
  invitationStatus,
  listPendingInvitations,
  revokeInvitation,
} from '../store/invitations.js';
import { createWorkspace, LastOwnerError, listMembers, setMemberRole } from '../store/workspaces.js';
import { type App, type RouteContext, SESSION } from './context.js';

const tags = ['workspaces'];

export function workspaceRoutes(app: App, ctx: RouteContext): void {
  const { db, config, writer, live } = ctx;

  app.post(
    '/api/workspaces',
    {
      schema: {
        tags,
        summary: 'Create a workspace (you become its owner)',
        security: SESSION,
        body: CreateWorkspaceBody,
        response: { 201: WorkspaceResponse },
      },
    },
    async (request, reply) => {
      const user = await requireUser(db, request);
      const workspace = await db
        .transaction()
        .execute((trx) => createWorkspace(trx, request.body.name, user.id));
      return reply.status(201).send({ workspace: presentWorkspace(workspace) });
    },
  );

  app.get(
    '/api/workspaces/:workspaceId',
    {
      schema: {
        tags,
        summary: 'A workspace and its members',
        security: SESSION,
        params: WorkspaceParams,
        response: { 200: WorkspaceDetail },
      },
    },
    async (request) => {
      const access = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(access, 'workspace.read');
      const members = await listMembers(db, access.workspace.id);
      return { workspace: presentWorkspace(access.workspace), members: members.map(presentMember) };
    },
  );

  app.patch(
    '/api/workspaces/:workspaceId/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role (owner)",
        security: SESSION,
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: MemberResponse },
      },
    },
    async (request) => {
      const access = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(access, 'workspace.manageMembers');
      const { userId } = request.params;
      const changed = await db
        .transaction()
        .execute((trx) => setMemberRole(trx, access.workspace.id, userId, request.body.role))
        .catch((error: unknown) => {
          if (error instanceof LastOwnerError) throw conflict('A workspace needs at least one owner.');
          throw error;
        });
      if (!changed) throw notFound('Member');
      const member = (await listMembers(db, access.workspace.id)).find((m) => m.user.id === userId);
      if (!member) throw notFound('Member');
      return { member: presentMember(member) };
    },
  );

  app.delete(
    '/api/workspaces/:workspaceId/members/:userId',
    { schema: { tags, summary: 'Remove a member (owner)', security: SESSION, params: MemberParams } },
    async (request, reply) => {
      const access = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(access, 'workspace.manageMembers');
      await removeMemberFromWorkspace(writer, {
        workspaceId: access.workspace.id,
        userId: request.params.userId,
        removedBy: access.user.id,
      });
      await live.revokeAccess(access.workspace.id, request.params.userId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/workspaces/:workspaceId/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by link (owner, facilitator)',
        security: SESSION,
        params: WorkspaceParams,
        body: CreateInvitationBody,
        response: { 201: CreatedInvitationResponse },
      },
    },
    async (request, reply) => {
      const access = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(access, 'workspace.invite', { invitedRole: request.body.role });
      const { invitation, token } = await createInvitation(db, {
        workspaceId: access.workspace.id,
        email: request.body.email,
        role: request.body.role,
        invitedBy: access.user.id,
        ttlMs: config.invitationTtlMs,
      });
      const base = config.publicUrl ?? `${request.protocol}://${request.host}`;
      return reply.status(201).send({
        invitation: {
          ...presentInvitation(invitation),
          token,
          url: new URL(`/invite/${token}`, base).toString(),
        },
      });
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/invitations',
    {
      schema: {
        tags,
        summary: 'Pending invitations (owner, facilitator)',
        security: SESSION,
        params: WorkspaceParams,
        response: { 200: InvitationList },
      },
    },
    async (request) => {
      const access = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(access, 'workspace.invite');
      const items = await listPendingInvitations(db, access.workspace.id);
      return { items: items.map(presentInvitation), nextCursor: null };
    },
  );

  app.delete(
    '/api/workspaces/:workspaceId/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Revoke a pending invitation (owner, facilitator)',
        security: SESSION,
        params: InvitationParams,
      },
    },
    async (request, reply) => {
      const access = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(access, 'workspace.invite');
      if (!(await revokeInvitation(db, access.workspace.id, request.params.invitationId)))
        throw notFound('Invitation');
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation link offers (no sign-in needed)',
        params: TokenParams,
        response: { 200: InvitationPreview },
      },
    },
    async (request) => {
      const invitation = await findInvitationByToken(db, request.params.token);
      if (!invitation) throw notFound('Invitation');
      return {
        invitation: {
          workspaceName: invitation.workspaceName,
          email: invitation.email,
          role: invitation.role,
          invitedBy: invitation.invitedBy.name,
          expiresAt: invitation.expiresAt,
          status: invitationStatus(invitation),
        },
      };
    },
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Join the workspace of an invitation',
        security: SESSION,
        params: TokenParams,
        response: { 200: WorkspaceResponse },
      },
    },
    async (request) => {
      const user = await requireUser(db, request);
      const workspace = await acceptInvitation(db, request.params.token, user.id);
      return { workspace: presentWorkspace(workspace) };
    },
  );
}
