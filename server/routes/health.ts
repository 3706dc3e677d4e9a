import { z } from 'zod';
import { Health } from '../../contract/health.js';
import type { App, RouteContext } from './context.js';

const Hello = z.object({ hello: z.literal('world') });

export function healthRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'Liveness and the database in use', response: { 200: Health } } },
    async () => {
      await ctx.db.selectFrom('users').select('id').limit(1).execute();
      return { ok: true, database: ctx.databaseKind, version: ctx.version };
    },
  );

  // No database and no session: the ceiling that bench/api.ts compares the real routes to.
  app.get(
    '/api/hello',
    { schema: { tags: ['health'], summary: 'Hello world, for benchmarks', response: { 200: Hello } } },
    async () => ({ hello: 'world' as const }),
  );
}
