import { z } from 'zod';
import { Email, Role } from './accounts.js';
import { Id, Line, Timestamp } from './common.js';

export const WorkspaceParams = z.strictObject({ workspaceId: Id });
export const MemberParams = z.strictObject({ workspaceId: Id, userId: Id });
export const InvitationParams = z.strictObject({ workspaceId: Id, invitationId: Id });
export const TokenParams = z.strictObject({ token: z.string().min(16).max(100) });

export const CreateWorkspaceBody = z.strictObject({ name: Line(80) });
export const Workspace = z.object({ id: Id, name: z.string(), role: Role, createdAt: Timestamp });
export type Workspace = z.infer<typeof Workspace>;
export const WorkspaceResponse = z.object({ workspace: Workspace });

export const Member = z.object({
  user: z.object({ id: Id, name: z.string(), email: z.string() }),
  role: Role,
  joinedAt: Timestamp,
});
export type Member = z.infer<typeof Member>;
export const WorkspaceDetail = z.object({ workspace: Workspace, members: z.array(Member) });
export type WorkspaceDetail = z.infer<typeof WorkspaceDetail>;

export const UpdateMemberBody = z.strictObject({ role: Role });
export const MemberResponse = z.object({ member: Member });

export const CreateInvitationBody = z.strictObject({ email: Email, role: Role.default('member') });
export type CreateInvitationBody = z.input<typeof CreateInvitationBody>;

/** An invitation as its creators see it; the token is shown only when it is created. */
export const Invitation = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  expiresAt: Timestamp,
  createdAt: Timestamp,
  invitedBy: z.object({ id: Id, name: z.string() }),
});
export type Invitation = z.infer<typeof Invitation>;
export const CreatedInvitation = Invitation.extend({ token: z.string(), url: z.string() });
export const CreatedInvitationResponse = z.object({ invitation: CreatedInvitation });
export type CreatedInvitationResponse = z.infer<typeof CreatedInvitationResponse>;
/** Pending invitations are few; the list is whole (nextCursor always null), in the list shape of api.md. */
export const InvitationList = z.object({ items: z.array(Invitation), nextCursor: z.null() });

/** What the holder of an invitation link may learn before accepting it. */
export const InvitationPreview = z.object({
  invitation: z.object({
    workspaceName: z.string(),
    email: z.string(),
    role: Role,
    invitedBy: z.string(),
    expiresAt: Timestamp,
    status: z.enum(['pending', 'accepted', 'expired']),
  }),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;
