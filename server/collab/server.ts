import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Hocuspocus } from '@hocuspocus/server';
import { Redis } from 'ioredis';
import type { App, RouteContext } from '../routes/context.js';
import { DocumentAccess } from './access.js';
import { DocumentStore } from './document-store.js';

/**
 * The synthesis documents, co-edited through Hocuspocus at /api/collab on the same port. With Redis,
 * edits made on one instance reach editors on every other.
 */
export function collabRoutes(app: App, ctx: RouteContext): Hocuspocus {
  const { redisUrl } = ctx.config;
  const extensions = [
    new DocumentAccess(ctx.db, (header) => app.parseCookie(header)),
    new DocumentStore(ctx.db),
    // Runs before the store and takes a lock, so of several instances only one stores each change.
    ...(redisUrl ? [new RedisExtension({ createClient: () => new Redis(redisUrl) })] : []),
  ];
  const hocuspocus = new Hocuspocus({
    name: 'colearn',
    quiet: true,
    debounce: 2_000,
    maxDebounce: 10_000,
    extensions,
  });

  app.get('/api/collab', { websocket: true, schema: { hide: true } }, (socket, request) =>
    hocuspocus.handleConnection(socket, request.raw),
  );

  app.addHook('preClose', async () => {
    hocuspocus.closeConnections();
    // Closing the last connection stores and unloads a document; wait (bounded) for that to finish.
    for (let waited = 0; hocuspocus.getDocumentsCount() > 0 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  return hocuspocus;
}
