import { z } from 'zod';
import { DIGEST_FREQUENCIES } from '../domain/digest.js';
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

/** What reaches a person: which kinds come into the inbox, and an e-mail digest of them. */
export const NotificationPreferences = z.object({
  /** `hourly` or `daily`: one mail with what reached the inbox since the last (only unread items). */
  emailDigest: z.enum(DIGEST_FREQUENCIES),
  /** Kinds kept out of the inbox (and so out of the digest). */
  muted: z
    .array(z.enum(NOTIFICATION_KINDS))
    .refine((k) => new Set(k).size === k.length, 'Each kind only once.'),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
export const NotificationPreferencesBody = z.strictObject(NotificationPreferences.shape);
export const NotificationPreferencesResponse = z.object({ preferences: NotificationPreferences });
