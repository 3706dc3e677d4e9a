import { findMentions } from '../../domain/mentions.js';
import type { NotificationKind } from '../../domain/model.js';
import type { Privacy } from '../auth/privacy.js';
import type { ContributionRecord, LinkRecord } from '../store/contributions.js';
import { findContributions } from '../store/contributions.js';
import type { Db } from '../store/db.js';
import { type InquiryRecord, listParticipants } from '../store/inquiries.js';
import { loadInquiryGraph } from '../store/inquiry-graph.js';
import { insertNotifications, type NewNotification } from '../store/notifications.js';
import type { PulseRecord } from '../store/pulses.js';

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

/**
 * Notes that become visible (a reveal, the end of a think-first phase) tell the people who could not be
 * told when they were written: those they @mention and the authors of the notes they reply to, if these
 * could not see them before and can now. Those who could see them then were told then.
 */
export async function notifyAboutRevealedNotes(
  db: Db,
  inquiry: InquiryRecord,
  before: Privacy,
  after: Privacy,
): Promise<void> {
  if (!before.active) return;
  const [participants, graph] = await Promise.all([
    listParticipants(db, inquiry).then((ps) => ps.map((p) => p.user)),
    loadInquiryGraph(db, inquiry.id),
  ]);
  const newlySeen = (userId: string, note: { authorId: string; createdAt: string }) =>
    userId !== note.authorId && !before.canSee(userId, note) && after.canSee(userId, note);
  const revealed = graph.contributions.filter((c) => participants.some((p) => newlySeen(p.id, c)));
  if (revealed.length === 0) return;
  const authorOf = new Map(graph.contributions.map((c) => [c.id, c.authorId]));
  const items: NewNotification[] = [];
  for (const note of await findContributions(
    db,
    revealed.map((c) => c.id),
  )) {
    const told = new Set<string>();
    const tell = (userId: string | undefined, kind: NotificationKind) => {
      if (!userId || told.has(userId) || !newlySeen(userId, note)) return;
      told.add(userId);
      items.push({
        userId,
        kind,
        workspaceId: inquiry.workspaceId,
        inquiryId: inquiry.id,
        actorId: note.anonymous ? null : note.authorId,
        subjectId: note.id,
        summary: note.body,
      });
    };
    for (const id of findMentions(note.body, participants)) tell(id, 'mention');
    for (const link of graph.links) if (link.fromId === note.id) tell(authorOf.get(link.toId), 'reply');
  }
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

/** Asks the people who answer a pulse to do so; answering marks it read (see the pulse routes). */
export async function notifyPulseOpened(
  db: Db,
  pulse: PulseRecord,
  inquiry: InquiryRecord | null,
  respondentIds: readonly string[],
): Promise<void> {
  const about = inquiry ? `“${inquiry.title}”` : 'the team';
  const until = pulse.closesAt ? ` It closes ${pulse.closesAt.slice(0, 10)}.` : '';
  await insertNotifications(
    db,
    respondentIds.map((userId) => ({
      userId,
      workspaceId: pulse.workspaceId,
      inquiryId: pulse.inquiryId,
      kind: 'pulse_open',
      actorId: pulse.openedBy,
      subjectId: pulse.id,
      summary: `How safe does it feel to speak up in ${about}? Seven statements, answered anonymously.${until}`,
    })),
  );
}
