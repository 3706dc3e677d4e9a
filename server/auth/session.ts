import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { unauthenticated } from '../errors.js';
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

/** The signed-in user, or a 401. */
export async function requireUser(db: Db, request: FastifyRequest): Promise<UserRecord> {
  const token = request.cookies[SESSION_COOKIE];
  const user = token ? await findSessionUser(db, token) : null;
  if (!user) throw unauthenticated();
  return user;
}
