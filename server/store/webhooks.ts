import type { WebhookEvent } from '../../contract/webhooks.js';
import type { Db } from './db.js';
import { newId, newToken, now } from './ids.js';
import { claim, dueRows } from './outbox.js';
import type { WebhookDeliveriesTable, WebhooksTable } from './schema.js';

export interface WebhookRecord {
  id: string;
  workspaceId: string;
  url: string;
  events: WebhookEvent[];
  format: 'json' | 'slack';
  description: string | null;
  secret: string;
  active: boolean;
  createdBy: string;
  createdAt: string;
}

export interface DeliveryRecord {
  id: string;
  webhookId: string;
  event: string;
  payload: string;
  status: WebhookDeliveriesTable['status'];
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

const toWebhook = (r: WebhooksTable): WebhookRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  url: r.url,
  events: r.events.split(',') as WebhookEvent[],
  format: r.format,
  description: r.description,
  secret: r.secret,
  active: r.active === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const toDelivery = (r: WebhookDeliveriesTable): DeliveryRecord => ({
  id: r.id,
  webhookId: r.webhook_id,
  event: r.event,
  payload: r.payload,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

export async function insertWebhook(
  db: Db,
  input: Pick<WebhookRecord, 'workspaceId' | 'url' | 'events' | 'format' | 'description' | 'createdBy'>,
): Promise<WebhookRecord> {
  const row: WebhooksTable = {
    id: newId(),
    workspace_id: input.workspaceId,
    url: input.url,
    events: input.events.join(','),
    format: input.format,
    description: input.description,
    secret: `whsec_${newToken()}`,
    active: 1,
    created_by: input.createdBy,
    created_at: now(),
  };
  await db.insertInto('webhooks').values(row).execute();
  return toWebhook(row);
}

export async function findWebhook(db: Db, id: string): Promise<WebhookRecord | null> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toWebhook(row) : null;
}

export async function listWebhooks(db: Db, workspaceId: string): Promise<WebhookRecord[]> {
  const rows = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  return rows.map(toWebhook);
}

/** The active webhooks of a workspace that want an event. */
export async function subscribers(db: Db, workspaceId: string, event: string): Promise<WebhookRecord[]> {
  const rows = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', 1)
    .execute();
  return rows.map(toWebhook).filter((w) => (w.events as string[]).includes(event) || event === 'ping');
}

export async function updateWebhook(
  db: Db,
  id: string,
  change: Partial<Pick<WebhookRecord, 'url' | 'events' | 'format' | 'description' | 'active'>>,
): Promise<void> {
  await db
    .updateTable('webhooks')
    .set({
      ...(change.url !== undefined && { url: change.url }),
      ...(change.events !== undefined && { events: change.events.join(',') }),
      ...(change.format !== undefined && { format: change.format }),
      ...(change.description !== undefined && { description: change.description }),
      ...(change.active !== undefined && { active: change.active ? 1 : 0 }),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteWebhook(db: Db, id: string): Promise<void> {
  await db.deleteFrom('webhooks').where('id', '=', id).execute();
}

export async function insertDelivery(
  db: Db,
  webhookId: string,
  event: string,
  payload: string,
): Promise<DeliveryRecord> {
  const at = now();
  const row: WebhookDeliveriesTable = {
    id: newId(),
    webhook_id: webhookId,
    event,
    payload,
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    claimed_until: null,
    last_status_code: null,
    last_error: null,
    created_at: at,
    delivered_at: null,
  };
  await db.insertInto('webhook_deliveries').values(row).execute();
  return toDelivery(row);
}

export async function listDeliveries(db: Db, webhookId: string, limit = 50): Promise<DeliveryRecord[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toDelivery);
}

export async function findDelivery(db: Db, id: string): Promise<DeliveryRecord | null> {
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDelivery(row) : null;
}

/** Pending deliveries whose time has come and that no worker holds, oldest first. */
export async function dueDeliveries(db: Db, at: string, limit: number): Promise<DeliveryRecord[]> {
  return (await dueRows(db, 'webhook_deliveries', at, limit)).map(toDelivery);
}

/** Takes a delivery for one attempt; false when another worker (or instance) got it first. */
export const claimDelivery = (db: Db, id: string, at: string, until: string) =>
  claim(db, 'webhook_deliveries', id, at, until);

export async function recordAttempt(
  db: Db,
  id: string,
  outcome: {
    status: DeliveryRecord['status'];
    attempts: number;
    nextAttemptAt: string | null;
    statusCode: number | null;
    error: string | null;
  },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      next_attempt_at: outcome.nextAttemptAt,
      last_status_code: outcome.statusCode,
      last_error: outcome.error?.slice(0, 500) ?? null,
      claimed_until: null,
      delivered_at: outcome.status === 'delivered' ? now() : null,
    })
    .where('id', '=', id)
    .execute();
}
