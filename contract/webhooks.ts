import { z } from 'zod';
import { Id, Line, Timestamp } from './common.js';

// Webhooks: a workspace's owners send chosen events to another tool as signed JSON (or a Slack message).

export const WEBHOOK_EVENTS = [
  'inquiry.created',
  'contribution.created',
  'inquiry.phase_changed',
  'conclusion.adopted',
] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEvent>;
export const WEBHOOK_FORMATS = ['json', 'slack'] as const;

export const WebhookParams = z.strictObject({ webhookId: Id });
const HttpUrl = z
  .url({ protocol: /^https?$/, message: 'Use an http:// or https:// address.' })
  .max(2_000, 'At most 2000 characters.');

export const CreateWebhookBody = z.strictObject({
  url: HttpUrl,
  events: z
    .array(WebhookEvent)
    .min(1, 'Choose at least one event.')
    .refine((e) => new Set(e).size === e.length, 'Each event only once.'),
  /** `slack`: a Slack-compatible `{text}` message instead of the JSON event. */
  format: z.enum(WEBHOOK_FORMATS).default('json'),
  description: Line(200).optional(),
});
export type CreateWebhookBody = z.input<typeof CreateWebhookBody>;
export const UpdateWebhookBody = z
  .strictObject({
    url: HttpUrl,
    events: CreateWebhookBody.shape.events,
    format: z.enum(WEBHOOK_FORMATS),
    description: Line(200).nullable(),
    active: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change.');
export type UpdateWebhookBody = z.input<typeof UpdateWebhookBody>;

export const Webhook = z.object({
  id: Id,
  workspaceId: Id,
  url: z.string(),
  events: z.array(WebhookEvent),
  format: z.enum(WEBHOOK_FORMATS),
  description: z.string().nullable(),
  active: z.boolean(),
  /** The signing secret: `X-Colearn-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`. */
  secret: z.string(),
  createdAt: Timestamp,
});
export type Webhook = z.infer<typeof Webhook>;
export const WebhookResponse = z.object({ webhook: Webhook });
export const WebhookList = z.object({ items: z.array(Webhook), nextCursor: z.null() });
export type WebhookList = z.infer<typeof WebhookList>;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const WebhookDelivery = z.object({
  id: Id,
  event: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  /** The receiver's last HTTP status, or null when it could not be reached. */
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: Timestamp.nullable(),
  createdAt: Timestamp,
  deliveredAt: Timestamp.nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
export const WebhookDeliveryList = z.object({ items: z.array(WebhookDelivery), nextCursor: z.null() });
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>;
export const WebhookDeliveryResponse = z.object({ delivery: WebhookDelivery });
