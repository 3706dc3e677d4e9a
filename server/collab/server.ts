import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Hocuspocus } from '@hocuspocus/server';
import { Redis } from 'ioredis';
import { channel } from '../live/hub.js';
import type { App, RouteContext } from '../routes/context.js';
import type { Db } from '../store/db.js';
import { DocumentAccess, inquiryIdOf } from './access.js';
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

  // Access is checked when an editor connects; when it changes (a member removed, the inquiry concluded),
  // the connections it concerns are closed on every instance, and a reconnect is checked afresh.
  const close = (concerns: (documentName: string, userId: string | undefined) => boolean) => {
    for (const [name, document] of hocuspocus.documents) {
      for (const connection of document.getConnections()) {
        const userId = (connection.context as { user?: { id: string } } | undefined)?.user?.id;
        if (concerns(name, userId)) connection.close({ code: 4403, reason: 'access changed' });
      }
    }
  };
  const stops = [
    ctx.bus.subscribe(channel.access, (message) => {
      const { workspaceId, userId } = JSON.parse(message) as { workspaceId: string; userId: string };
      void inquiriesOf(ctx.db, workspaceId).then((ids) =>
        close((name, user) => user === userId && ids.has(inquiryIdOf(name) ?? '')),
      );
    }),
    ctx.bus.subscribe(channel.documents, (message) => {
      const { inquiryId } = JSON.parse(message) as { inquiryId: string };
      close((name) => inquiryIdOf(name) === inquiryId);
    }),
  ];

  app.addHook('preClose', async () => {
    for (const stop of await Promise.all(stops)) await stop();
    hocuspocus.closeConnections();
    // Closing the last connection stores and unloads a document; wait (bounded) for that to finish.
    for (let waited = 0; hocuspocus.getDocumentsCount() > 0 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  return hocuspocus;
}

async function inquiriesOf(db: Db, workspaceId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('inquiries')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Set(rows.map((r) => r.id));
}
