import type { Db } from './db.js';
import { hashToken, newToken, now } from './ids.js';
import type { UserRecord } from './users.js';

/** Starts a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(db: Db, userId: string, ttlMs: number): Promise<string> {
  const token = newToken();
  const createdAt = new Date();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: createdAt.toISOString(),
      expires_at: new Date(createdAt.getTime() + ttlMs).toISOString(),
    })
    .execute();
  return token;
}

export async function findSessionUser(db: Db, token: string): Promise<UserRecord | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.created_at'])
    .where('sessions.id', '=', hashToken(token))
    .where('sessions.expires_at', '>', now())
    .executeTakeFirst();
  return row ? { id: row.id, email: row.email, name: row.name, createdAt: row.created_at } : null;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Signs someone out everywhere (a new password), except the session whose token is `keep`. */
export async function deleteSessionsOf(db: Db, userId: string, keep?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) query = query.where('id', '<>', hashToken(keep));
  await query.execute();
}
