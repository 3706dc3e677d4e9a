import { findMentions } from '../../domain/mentions.js';
import type { NotificationKind } from '../../domain/model.js';
import type { Privacy } from '../auth/privacy.js';
import type { ContributionRecord, LinkRecord } from '../store/contributions.js';
import { findContributions } from '../store/contributions.js';
import type { Db } from '../store/db.js';
import { type InquiryRecord, listParticipants } from '../store/inquiries.js';
import { insertNotifications, type NewNotification } from '../store/notifications.js';

// Who hears about what, in the inbox. Decided inside the transaction of the change, so a notification
// exists exactly when its change does; nobody is told of a note they may not see, and an anonymous note
// never names its author.

/** A new note tells the people it @mentions and the authors of the notes it replies to. */
export async function notifyAboutNote(
  db: Db,
  inquiry: InquiryRecord,
  note: ContributionRecord,
  links: readonly LinkRecord[],
  privacy: Privacy,
): Promise<void> {
  const participants = (await listParticipants(db, inquiry)).map((p) => p.user);
  const base = {
    workspaceId: inquiry.workspaceId,
    inquiryId: inquiry.id,
    actorId: note.anonymous ? null : note.authorId,
    subjectId: note.id,
    summary: note.body,
  };
  const told = new Set<string>([note.authorId]);
  const items: NewNotification[] = [];
  const tell = (userId: string, kind: NotificationKind) => {
    if (told.has(userId) || !privacy.canSee(userId, note)) return;
    told.add(userId);
    items.push({ ...base, userId, kind });
  };
  for (const id of findMentions(note.body, participants)) tell(id, 'mention');
  const targets = await findContributions(
    db,
    links.map((l) => l.toId),
  );
  for (const target of targets) tell(target.authorId, 'reply');
  await insertNotifications(db, items);
}

/** Tells every participant but `except` about something that concerns the whole group. */
export async function notifyParticipants(
  db: Db,
  inquiry: InquiryRecord,
  input: {
    kind: NotificationKind;
    actorId: string;
    subjectId: string | null;
    summary: string;
    except: string;
  },
): Promise<void> {
  const participants = await listParticipants(db, inquiry);
  await insertNotifications(
    db,
    participants
      .filter((p) => p.user.id !== input.except)
      .map((p) => ({
        userId: p.user.id,
        workspaceId: inquiry.workspaceId,
        inquiryId: inquiry.id,
        kind: input.kind,
        actorId: input.actorId,
        subjectId: input.subjectId,
        summary: input.summary,
      })),
  );
}

/** Tells the person who asked for help that someone answered. */
export async function notifyHelpAnswered(
  db: Db,
  inquiry: InquiryRecord,
  input: { helpRequestId: string; requesterId: string; answererId: string; answer: string },
): Promise<void> {
  await insertNotifications(db, [
    {
      userId: input.requesterId,
      workspaceId: inquiry.workspaceId,
      inquiryId: inquiry.id,
      kind: 'help_answered',
      actorId: input.answererId,
      subjectId: input.helpRequestId,
      summary: input.answer,
    },
  ]);
}
