import {
  CreateWebhookBody,
  UpdateWebhookBody,
  WebhookDeliveryList,
  WebhookDeliveryResponse,
  WebhookList,
  WebhookParams,
  WebhookResponse,
} from '../../contract/webhooks.js';
import { WorkspaceParams } from '../../contract/workspaces.js';
import { authorize, workspaceAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { notFound } from '../errors.js';
import type { Db } from '../store/db.js';
import type { UserRecord } from '../store/users.js';
import {
  type DeliveryRecord,
  deleteWebhook,
  findDelivery,
  findWebhook,
  insertDelivery,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  updateWebhook,
  type WebhookRecord,
} from '../store/webhooks.js';
import { eventPayload } from '../webhooks/outbox.js';
import { type App, type RouteContext, SESSION } from './context.js';

const tags = ['webhooks'];

const present = (w: WebhookRecord) => ({
  id: w.id,
  workspaceId: w.workspaceId,
  url: w.url,
  events: w.events,
  format: w.format,
  description: w.description,
  active: w.active,
  secret: w.secret,
  createdAt: w.createdAt,
});

const presentDelivery = (d: DeliveryRecord) => ({
  id: d.id,
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
  createdAt: d.createdAt,
  deliveredAt: d.deliveredAt,
});

/** A webhook the caller may configure: missing, or in a workspace they are not in, is the same 404. */
async function webhookAccess(db: Db, user: UserRecord, webhookId: string): Promise<WebhookRecord> {
  const hook = await findWebhook(db, webhookId);
  if (!hook) throw notFound('That webhook');
  const access = await workspaceAccess(db, user, hook.workspaceId).catch(() => {
    throw notFound('That webhook');
  });
  authorize(access, 'workspace.configure');
  return hook;
}

/** A workspace's webhooks: owners choose events, a URL and a format; deliveries are logged. */
export function webhookRoutes(app: App, ctx: RouteContext): void {
  const { db, webhooks } = ctx;
  const owner = async (request: Parameters<typeof requireUser>[1], workspaceId: string) => {
    const access = await workspaceAccess(db, await requireUser(db, request), workspaceId);
    authorize(access, 'workspace.configure');
    return access;
  };

  app.get(
    '/api/workspaces/:workspaceId/webhooks',
    {
      schema: {
        tags,
        summary: "The workspace's webhooks (owners)",
        security: SESSION,
        params: WorkspaceParams,
        response: { 200: WebhookList },
      },
    },
    async (request) => {
      const access = await owner(request, request.params.workspaceId);
      return { items: (await listWebhooks(db, access.workspace.id)).map(present), nextCursor: null };
    },
  );

  app.post(
    '/api/workspaces/:workspaceId/webhooks',
    {
      schema: {
        tags,
        summary: 'Send chosen events to a URL, signed with the returned secret (owners)',
        security: SESSION,
        params: WorkspaceParams,
        body: CreateWebhookBody,
        response: { 201: WebhookResponse },
      },
    },
    async (request, reply) => {
      const access = await owner(request, request.params.workspaceId);
      const hook = await insertWebhook(db, {
        workspaceId: access.workspace.id,
        url: request.body.url,
        events: request.body.events,
        format: request.body.format,
        description: request.body.description ?? null,
        createdBy: access.user.id,
      });
      return reply.status(201).send({ webhook: present(hook) });
    },
  );

  app.patch(
    '/api/webhooks/:webhookId',
    {
      schema: {
        tags,
        summary: 'Change or pause a webhook (owners)',
        security: SESSION,
        params: WebhookParams,
        body: UpdateWebhookBody,
        response: { 200: WebhookResponse },
      },
    },
    async (request) => {
      const hook = await webhookAccess(db, await requireUser(db, request), request.params.webhookId);
      await updateWebhook(db, hook.id, request.body);
      const updated = await findWebhook(db, hook.id);
      if (!updated) throw notFound('That webhook');
      return { webhook: present(updated) };
    },
  );

  app.delete(
    '/api/webhooks/:webhookId',
    {
      schema: {
        tags,
        summary: 'Remove a webhook and its delivery log (owners)',
        security: SESSION,
        params: WebhookParams,
      },
    },
    async (request, reply) => {
      const hook = await webhookAccess(db, await requireUser(db, request), request.params.webhookId);
      await deleteWebhook(db, hook.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/webhooks/:webhookId/deliveries',
    {
      schema: {
        tags,
        summary: 'The latest 50 deliveries with their status, attempts and the last error (owners)',
        security: SESSION,
        params: WebhookParams,
        response: { 200: WebhookDeliveryList },
      },
    },
    async (request) => {
      const hook = await webhookAccess(db, await requireUser(db, request), request.params.webhookId);
      return { items: (await listDeliveries(db, hook.id)).map(presentDelivery), nextCursor: null };
    },
  );

  app.post(
    '/api/webhooks/:webhookId/test',
    {
      schema: {
        tags,
        summary: 'Send a `ping` event now and answer with how it went (owners)',
        security: SESSION,
        params: WebhookParams,
        response: { 200: WebhookDeliveryResponse },
      },
    },
    async (request) => {
      const hook = await webhookAccess(db, await requireUser(db, request), request.params.webhookId);
      const ping = await insertDelivery(
        db,
        hook.id,
        'ping',
        await eventPayload(db, { workspaceId: hook.workspaceId, event: 'ping' }),
      );
      await webhooks.attempt(ping);
      const sent = await findDelivery(db, ping.id);
      if (!sent) throw notFound('That delivery');
      return { delivery: presentDelivery(sent) };
    },
  );
}
