import type { TokenScope } from '../../contract/tokens.js';
import type { Db } from './db.js';
import { hashToken, newId, newToken, now } from './ids.js';
import type { ApiTokensTable } from './schema.js';
import type { UserRecord } from './users.js';

/** Tokens carry a recognisable prefix so secret scanners (and people) can tell what leaked. */
export const TOKEN_PREFIX = 'colearn_';

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  scopes: TokenScope[];
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

const toRecord = (r: ApiTokensTable): ApiTokenRecord => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  scopes: r.scopes.split(',') as TokenScope[],
  prefix: r.prefix,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
});

/** Makes a token and returns it with its secret; only the secret's hash is kept. */
export async function createApiToken(
  db: Db,
  input: { userId: string; name: string; scopes: TokenScope[]; expiresAt: string | null },
): Promise<{ record: ApiTokenRecord; secret: string }> {
  const secret = `${TOKEN_PREFIX}${newToken()}`;
  const row: ApiTokensTable = {
    id: newId(),
    user_id: input.userId,
    name: input.name,
    token_hash: hashToken(secret),
    // write implies read: a token that may change things may also look at them.
    scopes: input.scopes.includes('write') ? 'read,write' : 'read',
    prefix: secret.slice(0, TOKEN_PREFIX.length + 4),
    created_at: now(),
    expires_at: input.expiresAt,
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return { record: toRecord(row), secret };
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenRecord[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toRecord);
}

/** Revokes one of the user's tokens; false when they have no such live token. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The person a live, unexpired token belongs to, and what it may do. */
export async function findTokenUser(
  db: Db,
  secret: string,
): Promise<{ user: UserRecord; token: ApiTokenRecord } | null> {
  const at = now();
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select(['users.email', 'users.name as user_name', 'users.created_at as user_created_at'])
    .where('api_tokens.token_hash', '=', hashToken(secret))
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', at)]))
    .executeTakeFirst();
  if (!row) return null;
  // Last use to the minute is enough to spot a forgotten token, and spares a write per request.
  if (!row.last_used_at || row.last_used_at.slice(0, 16) !== at.slice(0, 16)) {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', row.id).execute();
  }
  return {
    user: { id: row.user_id, email: row.email, name: row.user_name, createdAt: row.user_created_at },
    token: toRecord({ ...row, last_used_at: at }),
  };
}
