import type { Db } from './db.js';
import { isUniqueViolation } from './errors.js';
import { newId, now } from './ids.js';

// Accounts at OpenID Connect providers linked to accounts here: (issuer, subject) names one person for
// good, whatever their e-mail becomes.

/** The user linked to this provider account, noting the sign-in; null when none is linked yet. */
export async function findIdentityUser(db: Db, issuer: string, subject: string): Promise<string | null> {
  const row = await db
    .selectFrom('user_identities')
    .select(['id', 'user_id'])
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  if (!row) return null;
  await db.updateTable('user_identities').set({ last_login_at: now() }).where('id', '=', row.id).execute();
  return row.user_id;
}

export class IdentityTakenError extends Error {}

/** Links a provider account to a user; call inside a transaction. */
export async function linkIdentity(
  db: Db,
  input: { userId: string; issuer: string; subject: string; email: string },
): Promise<void> {
  const at = now();
  try {
    await db
      .insertInto('user_identities')
      .values({
        id: newId(),
        user_id: input.userId,
        issuer: input.issuer,
        subject: input.subject,
        email: input.email.toLowerCase(),
        created_at: at,
        last_login_at: at,
      })
      .execute();
  } catch (error) {
    // Two callbacks of one person at once: the other one linked it first.
    if (isUniqueViolation(error)) throw new IdentityTakenError(input.subject);
    throw error;
  }
}
