import type { Db } from './db.js';
import { hashToken, newToken, now } from './ids.js';

// One-time password-reset links. Only the token's hash is stored; using one marks it used in the same
// statement that checks it, so a link works once even when clicked twice at the same moment.

/** Makes a link token for the user, valid for `ttlMs`; earlier unused ones stop working. */
export async function createPasswordReset(db: Db, userId: string, ttlMs: number): Promise<string> {
  const token = newToken();
  const at = new Date();
  await db.deleteFrom('password_resets').where('user_id', '=', userId).where('used_at', 'is', null).execute();
  await db
    .insertInto('password_resets')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: at.toISOString(),
      expires_at: new Date(at.getTime() + ttlMs).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** The user a valid, unused token belongs to — the token is used up by asking; null otherwise. */
export async function usePasswordReset(db: Db, token: string): Promise<string | null> {
  const at = now();
  const id = hashToken(token);
  const used = await db
    .updateTable('password_resets')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return null;
  const row = await db
    .selectFrom('password_resets')
    .select('user_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Whether a token would still work (the page checks before asking for a new password). */
export async function passwordResetValid(db: Db, token: string): Promise<boolean> {
  const row = await db
    .selectFrom('password_resets')
    .select('id')
    .where('id', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now())
    .executeTakeFirst();
  return row !== undefined;
}
