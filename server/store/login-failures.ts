import type { Db } from './db.js';
import { now } from './ids.js';

// Failed logins, kept in the database so every instance behind a load balancer counts the same.

export async function recordLoginFailure(db: Db, keys: string[]): Promise<void> {
  const at = now();
  await db
    .insertInto('login_failures')
    .values(keys.map((key) => ({ key, at })))
    .execute();
}

/** How many failures each key has since `since`, and the oldest of them (which decides Retry-After). */
export async function recentLoginFailures(
  db: Db,
  key: string,
  since: string,
): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.min('at').as('oldest')])
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), oldest: row?.oldest ?? null };
}

export async function clearLoginFailures(db: Db, key: string, before?: string): Promise<void> {
  let query = db.deleteFrom('login_failures').where('key', '=', key);
  if (before) query = query.where('at', '<', before);
  await query.execute();
}
