import { InquiryParams } from '../../contract/inquiries.js';
import { LiveQuery } from '../../contract/live.js';
import { authorize, inquiryAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { body } from '../http-errors.js';
import type { App, RouteContext } from '../routes/context.js';
import type { InquiryRecord } from '../store/inquiries.js';
import type { UserRecord } from '../store/users.js';

declare module 'fastify' {
  interface FastifyRequest {
    liveAccess?: { user: UserRecord; inquiry: InquiryRecord };
  }
}

/** WebSocket /api/inquiries/:inquiryId/live?since=<seq>: the inquiry's events and presence. */
export function liveRoutes(app: App, ctx: RouteContext): void {
  const { db, live } = ctx;
  app.route({
    method: 'GET',
    url: '/api/inquiries/:inquiryId/live',
    schema: {
      tags: ['live'],
      summary: 'Live events and presence of an inquiry (WebSocket; see api.md, Live)',
      params: InquiryParams,
      querystring: LiveQuery,
    },
    // Checked before the upgrade, so a refused client gets a plain 401/404 and never a socket.
    preHandler: async (request) => {
      const access = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(access, 'inquiry.read');
      request.liveAccess = { user: access.user, inquiry: access.inquiry };
    },
    handler: async (_request, reply) =>
      reply
        .status(426)
        .send(body('invalid_input', 'This address is a WebSocket; connect with an upgrade request.')),
    wsHandler: async (socket, request) => {
      const access = request.liveAccess;
      if (!access) return socket.close(1011, 'no access');
      await live.connect(socket, request.raw.socket, access.user, access.inquiry, request.query.since);
    },
  });
}
