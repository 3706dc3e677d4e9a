import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import type { Db } from '../store/db.js';
import { clearLoginFailures, recentLoginFailures, recordLoginFailure } from '../store/login-failures.js';

// Failed logins are limited per account (guessing one person's password) and per address (trying many
// accounts). A success clears the account's count, never the address's.

const keysFor = (email: string, ip: string) => ({
  account: `account:${email.toLowerCase()}`,
  ip: `ip:${ip}`,
});

export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly config: Pick<Config, 'loginFailureLimit' | 'loginFailureWindowMs'>,
  ) {}

  /** Throws 429 with Retry-After when either key has used up its failures in the window. */
  async check(email: string, ip: string): Promise<void> {
    const since = new Date(Date.now() - this.config.loginFailureWindowMs).toISOString();
    for (const key of Object.values(keysFor(email, ip))) {
      const { count, oldest } = await recentLoginFailures(this.db, key, since);
      if (count >= this.config.loginFailureLimit && oldest) {
        const retryAfterMs = new Date(oldest).getTime() + this.config.loginFailureWindowMs - Date.now();
        throw new HttpError(429, 'rate_limited', 'Too many failed sign-ins. Try again later.', undefined, {
          retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
        });
      }
    }
  }

  async fail(email: string, ip: string): Promise<void> {
    const keys = keysFor(email, ip);
    await recordLoginFailure(this.db, [keys.account, keys.ip]);
    // Old rows are no longer counted; drop them so the table stays small.
    const before = new Date(Date.now() - this.config.loginFailureWindowMs).toISOString();
    await clearLoginFailures(this.db, keys.account, before);
    await clearLoginFailures(this.db, keys.ip, before);
  }

  async succeed(email: string): Promise<void> {
    await clearLoginFailures(this.db, keysFor(email, '').account);
  }
}
