import type { Db } from './db.js';
import { isUniqueViolation } from './errors.js';
import { newId, now } from './ids.js';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

export class EmailTakenError extends Error {}

// An account made by single sign-on or restored from an archive has no password: the column stays NOT NULL
// (SQLite cannot drop that without rebuilding the table) and holds this marker, which no hash equals.
const NO_PASSWORD = '';

const columns = ['id', 'email', 'name', 'created_at'] as const;
type Row = { id: string; email: string; name: string; created_at: string };
const toRecord = (r: Row): UserRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  createdAt: r.created_at,
});

export async function createUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string | null; id?: string },
): Promise<UserRecord> {
  const record = {
    id: input.id ?? newId(),
    email: input.email.toLowerCase(),
    name: input.name,
    created_at: now(),
  };
  try {
    await db
      .insertInto('users')
      .values({ ...record, password_hash: input.passwordHash ?? NO_PASSWORD })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError(input.email);
    throw error;
  }
  return toRecord(record);
}

/** Sets (or replaces) the account's password hash. */
export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | null> {
  const row = await db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The user with this e-mail and their password hash (null: the account has none), for checking a login. */
export async function findCredentials(
  db: Db,
  email: string,
): Promise<{ user: UserRecord; passwordHash: string | null } | null> {
  const row = await db
    .selectFrom('users')
    .select([...columns, 'password_hash'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row
    ? { user: toRecord(row), passwordHash: row.password_hash === NO_PASSWORD ? null : row.password_hash }
    : null;
}
