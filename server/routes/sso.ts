import { AuthProviders, OidcCallbackQuery, OidcStartQuery } from '../../contract/sso.js';
import { type SsoError, safeReturnTo } from '../../domain/sso.js';
import { OidcFailure, OidcRelyingParty } from '../auth/oidc.js';
import { startSession } from '../auth/session.js';
import { signInWithSso } from '../commands/sso-sign-in.js';
import { newToken } from '../store/ids.js';
import { savePendingLogin, takePendingLogin } from '../store/oidc-logins.js';
import type { App, RouteContext } from './context.js';

const tags = ['accounts'];
/** Holds the random key of one sign-in under way, only on its way to the callback. */
const LOGIN_COOKIE = 'colearn_oidc';
const COOKIE_PATH = '/api/auth/oidc';

/** Where a failed sign-in lands: the sign-in page, which explains the code. */
function signInPage(error: SsoError, returnTo = '/'): string {
  const next = returnTo === '/' ? '' : `&next=${encodeURIComponent(returnTo)}`;
  return `/signin?sso_error=${error}${next}`;
}

/**
 * Single sign-on with OpenID Connect (configured by OIDC_*): start sends the browser to the provider,
 * the callback verifies its answer, finds or makes the account and starts the usual session. Every
 * failure ends on the sign-in page with a code it explains, never an error page.
 */
export function ssoRoutes(app: App, ctx: RouteContext): void {
  const { db, config } = ctx;
  const rp = config.oidc ? new OidcRelyingParty(config.oidc) : null;
  const perIp = { rateLimit: { max: config.authRequestsPerMinute, timeWindow: 60_000 } };

  app.get(
    '/api/auth/providers',
    {
      schema: {
        tags,
        summary: 'Ways to sign in besides a password (single sign-on), for the sign-in page',
        response: { 200: AuthProviders },
      },
    },
    async () => ({
      oidc: config.oidc ? { enabled: true as const, name: config.oidc.name } : { enabled: false as const },
    }),
  );

  app.get(
    '/api/auth/oidc/start',
    {
      config: perIp,
      schema: {
        tags,
        summary: 'Sign in with single sign-on: redirects to the OpenID Connect provider',
        description:
          '302 to the provider. `returnTo` is a path on this site to come back to after signing in; ' +
          'anything else is ignored. Without single sign-on configured, redirects to the sign-in page.',
        querystring: OidcStartQuery,
      },
    },
    async (request, reply) => {
      const returnTo = safeReturnTo(request.query.returnTo);
      if (!rp) return reply.redirect(signInPage('sso_disabled', returnTo));
      try {
        const { url, checks } = await rp.start();
        const key = newToken();
        await savePendingLogin(db, key, { ...checks, returnTo }, rp.config.loginTtlMs);
        reply.setCookie(LOGIN_COOKIE, key, {
          path: COOKIE_PATH,
          httpOnly: true,
          // Lax: the provider's redirect back is a top-level GET from another site, which Lax lets through.
          sameSite: 'lax',
          secure: config.production,
          maxAge: Math.floor(rp.config.loginTtlMs / 1000),
        });
        return reply.redirect(url.href);
      } catch (error) {
        request.log.warn({ err: error }, 'single sign-on could not start');
        const code = error instanceof OidcFailure ? error.code : 'sso_unavailable';
        return reply.redirect(signInPage(code, returnTo));
      }
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: perIp,
      schema: {
        tags,
        summary: 'Where the OpenID Connect provider sends the browser back (register this URL there)',
        description:
          'Verifies the answer, signs in (an account linked to the provider, else the one with the same ' +
          'verified e-mail, else a new one) and redirects to where the sign-in started; on failure to ' +
          '`/signin?sso_error=<code>`.',
        querystring: OidcCallbackQuery,
      },
    },
    async (request, reply) => {
      const key = request.cookies[LOGIN_COOKIE];
      reply.clearCookie(LOGIN_COOKIE, { path: COOKIE_PATH });
      if (!rp) return reply.redirect(signInPage('sso_disabled'));
      let returnTo = '/';
      try {
        const pending = key ? await takePendingLogin(db, key) : null;
        // No cookie (another browser, or it expired) or a used one: nothing to check the answer against.
        if (!pending) return reply.redirect(signInPage('sso_expired'));
        returnTo = pending.returnTo;
        const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const profile = await rp.finish(search, pending);
        const outcome = await signInWithSso(db, profile, {
          assumeEmailVerified: rp.config.assumeEmailVerified,
        });
        if (!outcome.ok) {
          request.log.info({ code: outcome.error, issuer: profile.issuer }, 'single sign-on refused');
          return reply.redirect(signInPage(outcome.error, returnTo));
        }
        request.log.info(
          { userId: outcome.userId, via: outcome.via, joined: outcome.joined.length },
          'signed in with single sign-on',
        );
        await startSession(db, config, reply, outcome.userId);
        return reply.redirect(returnTo);
      } catch (error) {
        if (error instanceof OidcFailure) {
          request.log.warn({ code: error.code, reason: error.reason }, 'single sign-on failed');
          return reply.redirect(signInPage(error.code, returnTo));
        }
        request.log.error({ err: error }, 'single sign-on failed');
        return reply.redirect(signInPage('sso_failed', returnTo));
      }
    },
  );
}
