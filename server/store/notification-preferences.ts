import type { DigestFrequency } from '../../domain/digest.js';
import type { NotificationKind } from '../../domain/model.js';
import type { Db } from './db.js';
import { now } from './ids.js';

export interface NotificationPreferences {
  emailDigest: DigestFrequency;
  muted: NotificationKind[];
}

/** Everything in the inbox and no e-mail, until the person says otherwise. */
export const DEFAULT_PREFERENCES: NotificationPreferences = { emailDigest: 'off', muted: [] };

const kinds = (csv: string) => (csv ? (csv.split(',') as NotificationKind[]) : []);

export async function findPreferences(db: Db, userId: string): Promise<NotificationPreferences> {
  const row = await db
    .selectFrom('notification_preferences')
    .select(['email_digest', 'muted'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? { emailDigest: row.email_digest, muted: kinds(row.muted) } : DEFAULT_PREFERENCES;
}

/** Saves preferences; switching a digest on starts its clock now, so the first mail is not a backlog. */
export async function savePreferences(db: Db, userId: string, prefs: NotificationPreferences): Promise<void> {
  const at = now();
  const before = await findPreferences(db, userId);
  const row = { email_digest: prefs.emailDigest, muted: prefs.muted.join(','), updated_at: at };
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, ...row, last_digest_at: at })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet(before.emailDigest === 'off' ? { ...row, last_digest_at: at } : row),
    )
    .execute();
}

/** Of these people, who muted this kind: they are left out when it is sent. */
export async function mutedAmong(
  db: Db,
  userIds: readonly string[],
  kind: NotificationKind,
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['user_id', 'muted'])
    .where('user_id', 'in', [...new Set(userIds)])
    .where('muted', '!=', '')
    .execute();
  return new Set(rows.filter((r) => kinds(r.muted).includes(kind)).map((r) => r.user_id));
}

/** People with a digest whose period may have passed (the caller decides with digestDue). */
export async function digestCandidates(db: Db, before: string, limit: number) {
  return db
    .selectFrom('notification_preferences')
    .innerJoin('users', 'users.id', 'notification_preferences.user_id')
    .select([
      'notification_preferences.user_id as userId',
      'notification_preferences.email_digest as emailDigest',
      'notification_preferences.last_digest_at as lastDigestAt',
      'users.email',
      'users.name',
    ])
    .where('notification_preferences.email_digest', '!=', 'off')
    .where('notification_preferences.last_digest_at', '<=', before)
    .orderBy('notification_preferences.last_digest_at')
    .limit(limit)
    .execute();
}

/** Moves a person's digest clock from `from` to `to`; false when another instance already did. */
export async function advanceDigest(db: Db, userId: string, from: string, to: string): Promise<boolean> {
  const result = await db
    .updateTable('notification_preferences')
    .set({ last_digest_at: to })
    .where('user_id', '=', userId)
    .where('last_digest_at', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
