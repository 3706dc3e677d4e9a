import * as client from 'openid-client';
import { Email } from '../../contract/accounts.js';
import type { SsoError } from '../../domain/sso.js';
import type { OidcConfig } from '../config.js';

// The relying party: sends people to the OpenID Connect provider and checks what comes back. The checks
// themselves (state, nonce, PKCE, the ID token's signature, issuer, audience and lifetime) are
// openid-client's; this module only holds the provider's configuration and turns failures into codes the
// sign-in page explains.

/** What the callback needs to finish a sign-in it started. */
export interface AuthorizationChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the provider says signed in. */
export interface OidcProfile {
  issuer: string;
  subject: string;
  email: string | null;
  /** As the provider sent it: true, false, or absent. */
  emailVerified: unknown;
  name: string | null;
}

/** A sign-in that could not be finished, with the code shown on the sign-in page. */
export class OidcFailure extends Error {
  constructor(
    readonly code: SsoError,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
  }
}

export class OidcRelyingParty {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(readonly config: OidcConfig) {}

  /**
   * The provider's metadata, discovered once on first use (so a provider that is down does not stop the
   * server from starting) and again after a failed attempt.
   */
  private configuration(): Promise<client.Configuration> {
    this.discovered ??= client
      .discovery(
        new URL(this.config.issuer),
        this.config.clientId,
        undefined,
        // Basic is the method every OpenID provider must support (openid-client's default is post).
        client.ClientSecretBasic(this.config.clientSecret),
        // Plain http only for a provider on this machine or when OIDC_ALLOW_INSECURE_HTTP says so (config.ts).
        { execute: this.config.allowInsecureRequests ? [client.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw new OidcFailure('sso_unavailable', `discovery failed: ${(error as Error).message}`);
      });
    return this.discovered;
  }

  /** Fresh checks for one sign-in and the provider's address to send the browser to. */
  async start(): Promise<{ url: URL; checks: AuthorizationChecks }> {
    const configuration = await this.configuration();
    const checks = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUrl,
      scope: this.config.scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, checks };
  }

  /**
   * Verifies the provider's answer (the callback's query string) against the checks kept at the start,
   * exchanges the code, and reads who signed in: from the ID token, or the UserInfo endpoint when the
   * token does not carry the e-mail.
   */
  async finish(search: string, checks: AuthorizationChecks): Promise<OidcProfile> {
    const configuration = await this.configuration();
    // The URL the provider redirected to, from configuration rather than the Host header (proxies).
    const current = new URL(this.config.redirectUrl);
    current.search = search;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw classify(error);
    }
    const claims = tokens.claims();
    if (!claims) throw new OidcFailure('sso_failed', 'no ID token');
    let profile: Record<string, unknown> = claims;
    if (typeof claims.email !== 'string' && tokens.access_token) {
      try {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        profile = { ...info, ...claims, email: info.email, email_verified: info.email_verified };
      } catch (error) {
        throw classify(error);
      }
    }
    return {
      issuer: claims.iss,
      subject: claims.sub,
      // An address Colearn could not take at sign-up counts as none.
      email: Email.safeParse(profile.email).data ?? null,
      emailVerified: profile.email_verified,
      name: displayName(profile),
    };
  }
}

/** A person's name from the claims they shared, or null (the caller falls back to the address). */
function displayName(claims: Record<string, unknown>): string | null {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const joined = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  const name = text(claims.name) ?? (joined || null) ?? text(claims.preferred_username);
  return name ? name.slice(0, 80) : null;
}

function classify(error: unknown): OidcFailure {
  if (error instanceof OidcFailure) return error;
  if (error instanceof client.AuthorizationResponseError) {
    return new OidcFailure(error.error === 'access_denied' ? 'sso_denied' : 'sso_failed', error.error);
  }
  const message = error instanceof Error ? error.message : String(error);
  // fetch failing to reach the provider at all (refused, DNS, timeout), rather than a bad answer.
  if (error instanceof TypeError && message === 'fetch failed')
    return new OidcFailure('sso_unavailable', message);
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new OidcFailure('sso_unavailable', message);
  }
  return new OidcFailure('sso_failed', message);
}
