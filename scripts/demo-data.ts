import type { Db } from '../server/store/db.js';

export const DEMO_LOGINS = { password: 'colearn-demo', people: [] as { email: string; name: string; role: string }[] };

export async function hasDemoWorkspace(_db: Db): Promise<boolean> {
  return false;
}
