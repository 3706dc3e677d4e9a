import {
  MarkReadBody,
  MarkReadResponse,
  NotificationList,
  NotificationPreferencesBody,
  NotificationPreferencesResponse,
  NotificationQuery,
} from '../../contract/notifications.js';
import { requireUser } from '../auth/session.js';
import { findPreferences, savePreferences } from '../store/notification-preferences.js';
import { listNotifications, markRead } from '../store/notifications.js';
import { type App, type RouteContext, SESSION } from './context.js';

const tags = ['notifications'];

/** The caller's own inbox; nobody can read or mark anyone else's. */
export function notificationRoutes(app: App, ctx: RouteContext): void {
  const { db } = ctx;

  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'Your inbox, newest first (?unread=true for the unread only), with the unread count',
        security: SESSION,
        querystring: NotificationQuery,
        response: { 200: NotificationList },
      },
    },
    async (request) => {
      const user = await requireUser(db, request);
      const { limit, cursor, unread } = request.query;
      const page = await listNotifications(db, {
        userId: user.id,
        unreadOnly: unread === 'true',
        limit,
        cursor,
      });
      return {
        items: page.items.map((n) => ({
          id: n.id,
          kind: n.kind,
          workspaceId: n.workspaceId,
          inquiryId: n.inquiryId,
          inquiryTitle: n.inquiryTitle,
          actor: n.actor,
          subjectId: n.subjectId,
          summary: n.summary,
          readAt: n.readAt,
          createdAt: n.createdAt,
        })),
        nextCursor: page.nextCursor,
        unreadCount: page.unreadCount,
      };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark notifications read: the given ids, or all of them without ids',
        security: SESSION,
        body: MarkReadBody,
        response: { 200: MarkReadResponse },
      },
    },
    async (request) => {
      const user = await requireUser(db, request);
      const marked = await markRead(db, user.id, request.body.ids);
      const { unreadCount } = await listNotifications(db, { userId: user.id, unreadOnly: true, limit: 1 });
      return { marked, unreadCount };
    },
  );

  app.get(
    '/api/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Which kinds reach your inbox, and your e-mail digest',
        security: SESSION,
        response: { 200: NotificationPreferencesResponse },
      },
    },
    async (request) => ({ preferences: await findPreferences(db, (await requireUser(db, request)).id) }),
  );

  app.put(
    '/api/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Choose which kinds reach your inbox and whether you get an hourly or daily digest',
        security: SESSION,
        body: NotificationPreferencesBody,
        response: { 200: NotificationPreferencesResponse },
      },
    },
    async (request) => {
      const user = await requireUser(db, request);
      await savePreferences(db, user.id, request.body);
      return { preferences: await findPreferences(db, user.id) };
    },
  );
}
