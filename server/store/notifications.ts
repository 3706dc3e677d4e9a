import type { NotificationKind } from '../../domain/model.js';
import type { Db } from './db.js';
import { newId, now } from './ids.js';
import { mutedAmong } from './notification-preferences.js';

export interface NewNotification {
  userId: string;
  workspaceId: string;
  inquiryId: string | null;
  kind: NotificationKind;
  actorId: string | null;
  subjectId: string | null;
  summary: string;
}

export interface NotificationRecord extends NewNotification {
  id: string;
  actor: { id: string; name: string } | null;
  inquiryTitle: string | null;
  readAt: string | null;
  createdAt: string;
}

/** Short enough for an inbox line; the whole note is one click away. */
export const summarize = (text: string, max = 140): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Stores notifications, leaving out the people who muted that kind (notification preferences). */
export async function insertNotifications(db: Db, all: readonly NewNotification[]): Promise<void> {
  const items = await withoutMuted(db, all);
  if (items.length === 0) return;
  const at = now();
  await db
    .insertInto('notifications')
    .values(
      items.map((n) => ({
        id: newId(),
        user_id: n.userId,
        workspace_id: n.workspaceId,
        inquiry_id: n.inquiryId,
        kind: n.kind,
        actor_id: n.actorId,
        subject_id: n.subjectId,
        summary: summarize(n.summary, 300),
        read_at: null,
        created_at: at,
      })),
    )
    .execute();
}

async function withoutMuted(db: Db, items: readonly NewNotification[]): Promise<readonly NewNotification[]> {
  if (items.length === 0) return items;
  const kept: NewNotification[] = [];
  for (const kind of new Set(items.map((n) => n.kind))) {
    const ofKind = items.filter((n) => n.kind === kind);
    const muted = await mutedAmong(
      db,
      ofKind.map((n) => n.userId),
      kind,
    );
    kept.push(...ofKind.filter((n) => !muted.has(n.userId)));
  }
  return kept;
}

/** A page of someone's inbox, newest first, with how many are unread in all. */
export async function listNotifications(
  db: Db,
  input: { userId: string; unreadOnly: boolean; limit: number; cursor?: string },
): Promise<{ items: NotificationRecord[]; nextCursor: string | null; unreadCount: number }> {
  let query = db
    .selectFrom('notifications')
    .leftJoin('users', 'users.id', 'notifications.actor_id')
    .leftJoin('inquiries', 'inquiries.id', 'notifications.inquiry_id')
    .selectAll('notifications')
    .select(['users.name as actor_name', 'inquiries.title as inquiry_title'])
    .where('notifications.user_id', '=', input.userId)
    .orderBy('notifications.id', 'desc')
    .limit(input.limit + 1);
  if (input.unreadOnly) query = query.where('notifications.read_at', 'is', null);
  if (input.cursor) query = query.where('notifications.id', '<', input.cursor);
  const [rows, unread] = await Promise.all([
    query.execute(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('user_id', '=', input.userId)
      .where('read_at', 'is', null)
      .executeTakeFirst(),
  ]);
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      userId: r.user_id,
      workspaceId: r.workspace_id,
      inquiryId: r.inquiry_id,
      inquiryTitle: r.inquiry_title ?? null,
      kind: r.kind,
      actorId: r.actor_id,
      actor: r.actor_id && r.actor_name ? { id: r.actor_id, name: r.actor_name } : null,
      subjectId: r.subject_id,
      summary: r.summary,
      readAt: r.read_at,
      createdAt: r.created_at,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    unreadCount: Number(unread?.n ?? 0),
  };
}

/** Marks read what someone was told about one thing (a pulse they have now answered). */
export async function markSubjectRead(
  db: Db,
  input: { userId: string; kind: NotificationKind; subjectId: string },
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: now() })
    .where('user_id', '=', input.userId)
    .where('kind', '=', input.kind)
    .where('subject_id', '=', input.subjectId)
    .where('read_at', 'is', null)
    .execute();
}

/** Marks some (or, without ids, all) of someone's notifications read; returns how many changed. */
export async function markRead(db: Db, userId: string, ids?: readonly string[]): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: now() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return 0;
    query = query.where('id', 'in', [...ids]);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
