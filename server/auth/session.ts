import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { forbidden, HttpError, unauthenticated } from '../errors.js';
import { findTokenUser } from '../store/api-tokens.js';
import type { Db } from '../store/db.js';
import { createSession, deleteSession, findSessionUser } from '../store/sessions.js';
import type { UserRecord } from '../store/users.js';

export const SESSION_COOKIE = 'colearn_session';

export async function startSession(
  db: Db,
  config: Config,
  reply: FastifyReply,
  userId: string,
): Promise<void> {
  const token = await createSession(db, userId, config.sessionTtlMs);
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.production,
    maxAge: Math.floor(config.sessionTtlMs / 1000),
  });
}

export async function endSession(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await deleteSession(db, token);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

const BEARER = /^Bearer\s+(\S+)$/i;
/** What a `read` token may do: look, never change. */
const READING = new Set(['GET', 'HEAD']);

/**
 * The signed-in user, or a 401: from the session cookie, or from `Authorization: Bearer <API token>`
 * (which wins when both are sent). A `read` token may only GET; `sessionOnly` routes (managing tokens)
 * refuse tokens altogether, so a leaked token cannot mint more.
 */
export async function requireUser(
  db: Db,
  request: FastifyRequest,
  options: { sessionOnly?: boolean } = {},
): Promise<UserRecord> {
  const bearer = request.headers.authorization?.match(BEARER)?.[1];
  if (bearer) {
    if (options.sessionOnly) throw forbidden('Sign in to the web app for this; an API token cannot do it.');
    const found = await findTokenUser(db, bearer);
    if (!found) {
      throw new HttpError(
        401,
        'unauthenticated',
        'This API token is not valid: it was revoked, has expired or never existed.',
      );
    }
    if (!READING.has(request.method) && !found.token.scopes.includes('write')) {
      throw forbidden(
        'This API token may only read (scope "read"); make one with the "write" scope to change things.',
      );
    }
    return found.user;
  }
  const token = request.cookies[SESSION_COOKIE];
  const user = token ? await findSessionUser(db, token) : null;
  if (!user) throw unauthenticated();
  return user;
}
