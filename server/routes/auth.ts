import { LoginBody, MeResponse, SignupBody, UserResponse } from '../../contract/accounts.js';
import { ErrorBody } from '../../contract/common.js';
import { decoyHash, hashPassword, verifyPassword } from '../auth/password.js';
import { endSession, requireUser, startSession } from '../auth/session.js';
import { HttpError } from '../errors.js';
import { presentUser } from '../presenters/index.js';
import { createUser, EmailTakenError, findCredentials } from '../store/users.js';
import { listMemberships } from '../store/workspaces.js';
import { type App, type RouteContext, SESSION } from './context.js';

export function authRoutes(app: App, ctx: RouteContext): void {
  const { db, config, throttle } = ctx;
  const perIp = { rateLimit: { max: config.authRequestsPerMinute, timeWindow: 60_000 } };

  app.post(
    '/api/auth/signup',
    {
      config: perIp,
      schema: {
        tags: ['accounts'],
        summary: 'Create an account and sign in',
        body: SignupBody,
        response: { 201: UserResponse, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const { email, name, password } = request.body;
      try {
        const user = await createUser(db, { email, name, passwordHash: await hashPassword(password) });
        await startSession(db, config, reply, user.id);
        return reply.status(201).send({ user: presentUser(user) });
      } catch (error) {
        if (error instanceof EmailTakenError) {
          throw new HttpError(409, 'conflict', 'An account with this e-mail already exists.', [
            { path: 'body.email', message: 'An account with this e-mail already exists. Sign in instead?' },
          ]);
        }
        throw error;
      }
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: perIp,
      schema: {
        tags: ['accounts'],
        summary: 'Sign in',
        body: LoginBody,
        response: { 200: UserResponse, 401: ErrorBody },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      await throttle.check(email, request.ip);
      const found = await findCredentials(db, email);
      // An account without a password (single sign-on) still costs one hash, so timing tells nothing.
      const ok = await verifyPassword(found?.passwordHash ?? (await decoyHash), password);
      if (!found?.passwordHash || !ok) {
        await throttle.fail(email, request.ip);
        throw new HttpError(401, 'invalid_credentials', 'That e-mail and password do not match an account.');
      }
      await throttle.succeed(email);
      await startSession(db, config, reply, found.user.id);
      return { user: presentUser(found.user) };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['accounts'], summary: 'Sign out and revoke the session', security: SESSION } },
    async (request, reply) => {
      await requireUser(db, request);
      await endSession(db, request, reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user and their workspaces',
        security: SESSION,
        response: { 200: MeResponse },
      },
    },
    async (request) => {
      const user = await requireUser(db, request);
      const workspaces = await listMemberships(db, user.id);
      return {
        user: presentUser(user),
        workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role })),
      };
    },
  );
}
