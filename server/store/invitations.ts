import type { Role } from '../../domain/model.js';
import type { Db } from './db.js';
import { hashToken, newId, newToken, now } from './ids.js';

export interface InvitationRecord {
  id: string;
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: Role;
  invitedBy: { id: string; name: string };
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export type InvitationStatus = 'pending' | 'accepted' | 'expired';

export function invitationStatus(inv: InvitationRecord, at = now()): InvitationStatus {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt || inv.expiresAt <= at) return 'expired';
  return 'pending';
}

function selectInvitations(db: Db) {
  return db
    .selectFrom('invitations')
    .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
    .innerJoin('users', 'users.id', 'invitations.invited_by')
    .select([
      'invitations.id',
      'invitations.workspace_id',
      'workspaces.name as workspace_name',
      'invitations.email',
      'invitations.role',
      'invitations.invited_by',
      'users.name as invited_by_name',
      'invitations.created_at',
      'invitations.expires_at',
      'invitations.accepted_at',
      'invitations.revoked_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectInvitations>['executeTakeFirstOrThrow']>>;
const toRecord = (r: Row): InvitationRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  workspaceName: r.workspace_name,
  email: r.email,
  role: r.role,
  invitedBy: { id: r.invited_by, name: r.invited_by_name },
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  revokedAt: r.revoked_at,
});

/** Creates an invitation; the returned token is the only copy (the database keeps its hash). */
export async function createInvitation(
  db: Db,
  input: { workspaceId: string; email: string; role: Role; invitedBy: string; ttlMs: number },
): Promise<{ invitation: InvitationRecord; token: string }> {
  const token = newToken();
  const id = newId();
  const createdAt = new Date();
  await db
    .insertInto('invitations')
    .values({
      id,
      workspace_id: input.workspaceId,
      email: input.email,
      role: input.role,
      token_hash: hashToken(token),
      invited_by: input.invitedBy,
      created_at: createdAt.toISOString(),
      expires_at: new Date(createdAt.getTime() + input.ttlMs).toISOString(),
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    })
    .execute();
  const invitation = await selectInvitations(db).where('invitations.id', '=', id).executeTakeFirstOrThrow();
  return { invitation: toRecord(invitation), token };
}

export async function findInvitationByToken(db: Db, token: string): Promise<InvitationRecord | null> {
  const row = await selectInvitations(db)
    .where('invitations.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function listPendingInvitations(db: Db, workspaceId: string): Promise<InvitationRecord[]> {
  const rows = await selectInvitations(db)
    .where('invitations.workspace_id', '=', workspaceId)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', now())
    .orderBy('invitations.created_at', 'desc')
    .execute();
  return rows.map(toRecord);
}

/** Marks a pending invitation used; false when someone else used it first (the update is the lock). */
export async function markInvitationAccepted(db: Db, id: string, userId: string): Promise<boolean> {
  const at = now();
  const result = await db
    .updateTable('invitations')
    .set({ accepted_at: at, accepted_by: userId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeInvitation(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ revoked_at: now() })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
