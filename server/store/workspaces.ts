import type { Role } from '../../domain/model.js';
import type { Db } from './db.js';
import { newId, now } from './ids.js';

export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: string;
}

export interface MembershipRecord extends WorkspaceRecord {
  role: Role;
}

export interface MemberRecord {
  user: { id: string; name: string; email: string };
  role: Role;
  joinedAt: string;
}

export class LastOwnerError extends Error {}

/** Creates a workspace with its first owner; call inside a transaction. */
export async function createWorkspace(db: Db, name: string, ownerId: string): Promise<MembershipRecord> {
  const record = { id: newId(), name, created_at: now() };
  await db.insertInto('workspaces').values(record).execute();
  await addMember(db, record.id, ownerId, 'owner');
  return { id: record.id, name, createdAt: record.created_at, role: 'owner' };
}

/** The viewer's membership of a workspace, or null when they are not in it. */
export async function findMembership(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<MembershipRecord | null> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'workspaces.created_at', 'memberships.role'])
    .where('memberships.workspace_id', '=', workspaceId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, createdAt: row.created_at, role: row.role } : null;
}

export async function listMemberships(db: Db, userId: string): Promise<MembershipRecord[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'workspaces.created_at', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('workspaces.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, role: r.role }));
}

export async function listMembers(db: Db, workspaceId: string): Promise<MemberRecord[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.workspace_id', '=', workspaceId)
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({
    user: { id: r.id, name: r.name, email: r.email },
    role: r.role,
    joinedAt: r.created_at,
  }));
}

/** Adds a member, or keeps an existing membership as it is (an invitation never demotes anyone). */
export async function addMember(db: Db, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ workspace_id: workspaceId, user_id: userId, role, created_at: now() })
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
    .execute();
}

async function ownerCount(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Changes a role; a workspace always keeps at least one owner. Call inside a transaction. */
export async function setMemberRole(
  db: Db,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<boolean> {
  const current = await findMembership(db, workspaceId, userId);
  if (!current) return false;
  if (current.role === 'owner' && role !== 'owner' && (await ownerCount(db, workspaceId)) <= 1) {
    throw new LastOwnerError();
  }
  await db
    .updateTable('memberships')
    .set({ role })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
  return true;
}

/** Removes a member; the last owner cannot be removed. Call inside a transaction. */
export async function removeMember(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  const current = await findMembership(db, workspaceId, userId);
  if (!current) return false;
  if (current.role === 'owner' && (await ownerCount(db, workspaceId)) <= 1) throw new LastOwnerError();
  await db
    .deleteFrom('memberships')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
  return true;
}

/** Of these user ids, the ones that are members of the workspace. */
export async function filterMembers(
  db: Db,
  workspaceId: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/**
 * Holds the workspace's row until the transaction ends, so a check-then-insert in it (one open pulse per
 * scope) cannot interleave with another's on PostgreSQL. A write that changes nothing is the portable lock;
 * SQLite serialises writers anyway.
 */
export async function lockWorkspace(db: Db, workspaceId: string): Promise<void> {
  await db
    .updateTable('workspaces')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('id', '=', workspaceId)
    .execute();
}
