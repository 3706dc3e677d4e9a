import { emailDomain, emailRefused, emailTrusted, type SsoError } from '../../domain/sso.js';
import type { OidcProfile } from '../auth/oidc.js';
import type { Db } from '../store/db.js';
import { findIdentityUser, IdentityTakenError, linkIdentity } from '../store/user-identities.js';
import { createUser, EmailTakenError, findCredentials } from '../store/users.js';
import { joinWorkspacesOfDomain } from '../store/workspace-domains.js';

export type SsoSignIn =
  | {
      ok: true;
      userId: string;
      /** How the account was found: its linked identity, its verified e-mail (now linked), or made now. */
      via: 'identity' | 'email' | 'created';
      /** Workspaces joined through their sign-in domains. */
      joined: string[];
    }
  | { ok: false; error: SsoError };

/**
 * Who a verified OpenID Connect sign-in is here, in one transaction:
 * 1. the user already linked to (issuer, subject);
 * 2. else the user with the same e-mail, linked now, only when the provider vouches for the address;
 * 3. else a new account without a password (just in time), linked.
 * An address the provider says it has not verified never signs in anyone new. With a trusted address,
 * the person joins every workspace that claims its domain (an existing membership is kept as it is).
 */
export async function signInWithSso(
  db: Db,
  profile: OidcProfile,
  options: { assumeEmailVerified: boolean },
): Promise<SsoSignIn> {
  try {
    return await attempt(db, profile, options);
  } catch (error) {
    // Two first sign-ins of one person at once: the other made the account or the link; now it exists.
    if (error instanceof EmailTakenError || error instanceof IdentityTakenError) {
      return attempt(db, profile, options);
    }
    throw error;
  }
}

function attempt(
  db: Db,
  profile: OidcProfile,
  options: { assumeEmailVerified: boolean },
): Promise<SsoSignIn> {
  const trusted = profile.email !== null && emailTrusted(profile.emailVerified, options.assumeEmailVerified);
  const domain = profile.email && trusted ? emailDomain(profile.email) : null;

  return db.transaction().execute(async (trx): Promise<SsoSignIn> => {
    const finish = async (userId: string, via: 'identity' | 'email' | 'created'): Promise<SsoSignIn> => ({
      ok: true,
      userId,
      via,
      joined: domain ? await joinWorkspacesOfDomain(trx, userId, domain) : [],
    });

    const linked = await findIdentityUser(trx, profile.issuer, profile.subject);
    if (linked) return finish(linked, 'identity');

    const email = profile.email;
    if (!email) return { ok: false, error: 'email_missing' };
    if (emailRefused(profile.emailVerified)) return { ok: false, error: 'email_not_verified' };
    const link = (userId: string) =>
      linkIdentity(trx, { userId, issuer: profile.issuer, subject: profile.subject, email });

    const existing = await findCredentials(trx, email);
    if (existing) {
      // Linking hands this account to whoever controls the provider's account: only for a vouched address.
      if (!trusted) return { ok: false, error: 'account_exists' };
      await link(existing.user.id);
      return finish(existing.user.id, 'email');
    }
    const name = profile.name ?? email.slice(0, email.indexOf('@'));
    const user = await createUser(trx, { email, name, passwordHash: null });
    await link(user.id);
    return finish(user.id, 'created');
  });
}
