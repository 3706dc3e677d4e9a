import {
  ChangePasswordBody,
  PasswordResetBody,
  PasswordResetParams,
  PasswordResetRequestBody,
  PasswordResetStatus,
  UserResponse,
} from '../../contract/accounts.js';
import { ErrorBody } from '../../contract/common.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { requireUser, SESSION_COOKIE, startSession } from '../auth/session.js';
import { conflict, invalidField } from '../errors.js';
import { presentUser } from '../presenters/index.js';
import { queueMail } from '../store/mail-outbox.js';
import { createPasswordReset, passwordResetValid, usePasswordReset } from '../store/password-resets.js';
import { deleteSessionsOf } from '../store/sessions.js';
import { findCredentials, findUserById, setPasswordHash } from '../store/users.js';
import { type App, type RouteContext, SESSION_ONLY } from './context.js';

// Passwords: "forgot your password?" by a one-time link sent through the mail outbox, and changing it
// when signed in. A new password signs the account out everywhere else.

const RESET_TTL_MS = 60 * 60_000;

export function passwordRoutes(app: App, ctx: RouteContext): void {
  const { db, config, mailer } = ctx;
  const perIp = { rateLimit: { max: config.authRequestsPerMinute, timeWindow: 60_000 } };
  const tags = ['accounts'];

  app.post(
    '/api/auth/password-reset',
    {
      config: perIp,
      schema: {
        tags,
        summary:
          'Send a one-time link to set a new password (the same answer whether or not the account exists)',
        body: PasswordResetRequestBody,
        response: { 202: PasswordResetStatus },
      },
    },
    async (request, reply) => {
      const found = await findCredentials(db, request.body.email);
      if (found) {
        await db.transaction().execute(async (trx) => {
          const token = await createPasswordReset(trx, found.user.id, RESET_TTL_MS);
          const link = mailer.link(`/reset-password/${token}`);
          await queueMail(trx, {
            to: found.user.email,
            subject: 'Colearn: set a new password',
            text: [
              `Hello ${found.user.name},`,
              '',
              'Someone (hopefully you) asked to set a new password for your Colearn account.',
              `Open this link within the hour to choose one: ${link}`,
              '',
              'If it was not you, ignore this mail: your password stays as it is.',
            ].join('\n'),
          });
        });
        mailer.sendSoon();
      }
      return reply.status(202).send({ valid: true });
    },
  );

  app.get(
    '/api/auth/password-reset/:token',
    {
      config: perIp,
      schema: {
        tags,
        summary: 'Whether a password-reset link still works',
        params: PasswordResetParams,
        response: { 200: PasswordResetStatus },
      },
    },
    async (request) => ({ valid: await passwordResetValid(db, request.params.token) }),
  );

  app.post(
    '/api/auth/password-reset/:token',
    {
      config: perIp,
      schema: {
        tags,
        summary: 'Set a new password with a one-time link; signs in, and out everywhere else',
        params: PasswordResetParams,
        body: PasswordResetBody,
        response: { 200: UserResponse, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const passwordHash = await hashPassword(request.body.password);
      const userId = await db.transaction().execute(async (trx) => {
        const owner = await usePasswordReset(trx, request.params.token);
        if (!owner) return null;
        await setPasswordHash(trx, owner, passwordHash);
        await deleteSessionsOf(trx, owner);
        return owner;
      });
      const user = userId ? await findUserById(db, userId) : null;
      if (!user) throw conflict('This link has expired or was already used. Ask for a new one.');
      await startSession(db, config, reply, user.id);
      return { user: presentUser(user) };
    },
  );

  app.put(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change your password (or set one, for an account made by single sign-on)',
        security: SESSION_ONLY,
        body: ChangePasswordBody,
      },
    },
    async (request, reply) => {
      const user = await requireUser(db, request, { sessionOnly: true });
      const current = (await findCredentials(db, user.email))?.passwordHash ?? null;
      if (current !== null) {
        const given = request.body.currentPassword ?? '';
        if (!(await verifyPassword(current, given))) {
          throw invalidField('body.currentPassword', 'That is not your current password.');
        }
      }
      await setPasswordHash(db, user.id, await hashPassword(request.body.newPassword));
      await deleteSessionsOf(db, user.id, request.cookies[SESSION_COOKIE]);
      return reply.status(204).send();
    },
  );
}
