import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/model.js';
import { Id, MAX_PAGE, Timestamp } from './common.js';

export const NotificationParams = z.strictObject({ notificationId: Id });
export const NotificationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  cursor: Id.optional(),
  unread: z.enum(['true', 'false']).optional(),
});

export const Notification = z.object({
  id: Id,
  kind: z.enum(NOTIFICATION_KINDS),
  workspaceId: Id,
  inquiryId: Id.nullable(),
  inquiryTitle: z.string().nullable(),
  /** Who did it; null for an anonymous note. */
  actor: z.object({ id: Id, name: z.string() }).nullable(),
  /** The note or help request it is about, to open it. */
  subjectId: Id.nullable(),
  summary: z.string(),
  readAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Notification = z.infer<typeof Notification>;
export const NotificationList = z.object({
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;
export const MarkReadBody = z.strictObject({ ids: z.array(Id).max(200).optional() });
export const MarkReadResponse = z.object({ marked: z.number().int(), unreadCount: z.number().int() });
