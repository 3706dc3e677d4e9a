import type { Db } from './db.js';
import { hashToken, now } from './ids.js';

// Sign-ins under way: what the callback must check (state, nonce, PKCE verifier) kept here rather than in
// the browser, so any instance can finish what another started; the browser holds only a random key in a
// short-lived cookie, whose hash names the row. Each row is used once.

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export async function savePendingLogin(
  db: Db,
  key: string,
  login: PendingLogin,
  ttlMs: number,
): Promise<void> {
  const created = new Date();
  // Sign-ins that were never finished go here, so the table stays as small as the sign-ins under way.
  await db.deleteFrom('oidc_logins').where('expires_at', '<', created.toISOString()).execute();
  await db
    .insertInto('oidc_logins')
    .values({
      id: hashToken(key),
      state: login.state,
      nonce: login.nonce,
      code_verifier: login.codeVerifier,
      return_to: login.returnTo,
      created_at: created.toISOString(),
      expires_at: new Date(created.getTime() + ttlMs).toISOString(),
    })
    .execute();
}

/** The sign-in this cookie started, removed so it cannot be finished twice; null when unknown or expired. */
export async function takePendingLogin(db: Db, key: string): Promise<PendingLogin | null> {
  const row = await db
    .deleteFrom('oidc_logins')
    .where('id', '=', hashToken(key))
    .returning(['state', 'nonce', 'code_verifier', 'return_to', 'expires_at'])
    .executeTakeFirst();
  if (!row || row.expires_at <= now()) return null;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
}
