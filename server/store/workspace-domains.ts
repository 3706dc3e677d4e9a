import type { DomainRole } from '../../domain/sso.js';
import type { Db } from './db.js';
import { isUniqueViolation } from './errors.js';
import { newId, now } from './ids.js';
import type { WorkspaceDomainsTable } from './schema.js';
import { addMember } from './workspaces.js';

// E-mail domains a workspace claims: a person who signs in through SSO with a verified address in one
// joins the workspace with its role. Several workspaces may claim one domain; such a person joins each.

export interface WorkspaceDomainRecord {
  id: string;
  workspaceId: string;
  domain: string;
  role: DomainRole;
  createdBy: string;
  createdAt: string;
}

export class DomainTakenError extends Error {}

const toRecord = (r: WorkspaceDomainsTable): WorkspaceDomainRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  domain: r.domain,
  role: r.role,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export async function listWorkspaceDomains(db: Db, workspaceId: string): Promise<WorkspaceDomainRecord[]> {
  const rows = await db
    .selectFrom('workspace_domains')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('domain')
    .execute();
  return rows.map(toRecord);
}

/** Claims a domain for a workspace; DomainTakenError when this workspace already has it. */
export async function addWorkspaceDomain(
  db: Db,
  input: { workspaceId: string; domain: string; role: DomainRole; createdBy: string },
): Promise<WorkspaceDomainRecord> {
  const row: WorkspaceDomainsTable = {
    id: newId(),
    workspace_id: input.workspaceId,
    domain: input.domain,
    role: input.role,
    created_by: input.createdBy,
    created_at: now(),
  };
  try {
    await db.insertInto('workspace_domains').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainTakenError(input.domain);
    throw error;
  }
  return toRecord(row);
}

/** Removes a workspace's domain; false when it has no such domain. Memberships it gave stay. */
export async function removeWorkspaceDomain(db: Db, workspaceId: string, domainId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('workspace_domains')
    .where('id', '=', domainId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Makes the user a member of every workspace that claims this domain, with its role; an existing
 * membership stays as it is (never lowered, nor raised). Call inside a transaction. Returns the
 * workspaces joined now.
 */
export async function joinWorkspacesOfDomain(db: Db, userId: string, domain: string): Promise<string[]> {
  const claims = await db
    .selectFrom('workspace_domains')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.workspace_id', '=', 'workspace_domains.workspace_id')
        .on('memberships.user_id', '=', userId),
    )
    .select(['workspace_domains.workspace_id', 'workspace_domains.role', 'memberships.role as current'])
    .where('workspace_domains.domain', '=', domain)
    .execute();
  const joined: string[] = [];
  for (const claim of claims) {
    if (claim.current) continue;
    await addMember(db, claim.workspace_id, userId, claim.role);
    joined.push(claim.workspace_id);
  }
  return joined;
}
