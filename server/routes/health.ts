import { Health } from '../../contract/health.js';
import type { App, RouteContext } from './context.js';

export function healthRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'Liveness and the database in use', response: { 200: Health } } },
    async () => {
      await ctx.db.selectFrom('users').select('id').limit(1).execute();
      return { ok: true, database: ctx.databaseKind, version: ctx.version };
    },
  );
}
