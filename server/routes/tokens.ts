import { ApiTokenList, ApiTokenParams, CreateApiTokenBody, CreatedApiToken } from '../../contract/tokens.js';
import { requireUser } from '../auth/session.js';
import { notFound } from '../errors.js';
import type { ApiTokenRecord } from '../store/api-tokens.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../store/api-tokens.js';
import { type App, type RouteContext, SESSION_ONLY } from './context.js';

const tags = ['api tokens'];
const DAY_MS = 24 * 3600_000;

const present = (t: ApiTokenRecord) => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes,
  prefix: t.prefix,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
});

/** A person's own API tokens; managed from a signed-in session only, never with a token. */
export function tokenRoutes(app: App, ctx: RouteContext): void {
  const { db } = ctx;
  const signedIn = (request: Parameters<typeof requireUser>[1]) =>
    requireUser(db, request, { sessionOnly: true });

  app.get(
    '/api/me/tokens',
    {
      schema: {
        tags,
        summary: 'Your API tokens (never the tokens themselves)',
        security: SESSION_ONLY,
        response: { 200: ApiTokenList },
      },
    },
    async (request) => {
      const user = await signedIn(request);
      return { items: (await listApiTokens(db, user.id)).map(present), nextCursor: null };
    },
  );

  app.post(
    '/api/me/tokens',
    {
      schema: {
        tags,
        summary: 'Make an API token; the response is the only time it is shown',
        security: SESSION_ONLY,
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken },
      },
    },
    async (request, reply) => {
      const user = await signedIn(request);
      const { name, scopes, expiresInDays } = request.body;
      const expiresAt =
        expiresInDays === null ? null : new Date(Date.now() + expiresInDays * DAY_MS).toISOString();
      const { record, secret } = await createApiToken(db, { userId: user.id, name, scopes, expiresAt });
      return reply.status(201).send({ token: present(record), secret });
    },
  );

  app.delete(
    '/api/me/tokens/:tokenId',
    {
      schema: {
        tags,
        summary: 'Revoke one of your API tokens; it stops working at once',
        security: SESSION_ONLY,
        params: ApiTokenParams,
      },
    },
    async (request, reply) => {
      const user = await signedIn(request);
      if (!(await revokeApiToken(db, user.id, request.params.tokenId))) throw notFound('That token');
      return reply.status(204).send();
    },
  );
}
