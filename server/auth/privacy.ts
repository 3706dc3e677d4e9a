import {
  canSeeNote,
  canSeeTyping,
  leaderStillWaits,
  type PrivacyContext,
  type TimedNote,
} from '../../domain/mechanics/private-mode.js';
import type { StoredEvent } from '../live/events.js';
import type { Db } from '../store/db.js';
import { listEventsSince } from '../store/events.js';
import type { InquiryRecord } from '../store/inquiries.js';

// Think first, leader speaks last: which notes of an inquiry a viewer may see right now. The rules are in
// domain/mechanics/private-mode.ts; this gathers the facts they need. With both settings off everything
// is visible and nothing is read.

export class Privacy {
  constructor(readonly context: PrivacyContext | null) {}

  get active(): boolean {
    return this.context !== null;
  }

  canSee(viewerId: string, note: TimedNote): boolean {
    return this.context === null || canSeeNote(this.context, viewerId, note);
  }

  canSeeTyping(viewerId: string, typistId: string): boolean {
    return this.context === null || canSeeTyping(this.context, viewerId, typistId);
  }

  /** Whether the facilitator's notes are still held back from the members. */
  leaderWaits(): boolean {
    return this.context !== null && leaderStillWaits(this.context);
  }

  /** The same rules after someone posts (the leader may then speak) — used by the live rooms. */
  withPoster(authorId: string): Privacy {
    if (!this.context || this.context.postedIds.includes(authorId)) return this;
    return new Privacy({ ...this.context, postedIds: [...this.context.postedIds, authorId] });
  }

  withInquiry(inquiry: InquiryRecord): Privacy {
    if (!inquiry.privateMode && !inquiry.leaderSpeaksLast) return new Privacy(null);
    const base = this.context ?? { participantIds: [], postedIds: [] };
    return new Privacy({ ...base, facilitatorId: inquiry.facilitatorId, settings: settingsOf(inquiry) });
  }

  withParticipants(participantIds: readonly string[]): Privacy {
    return this.context ? new Privacy({ ...this.context, participantIds }) : this;
  }
}

const settingsOf = (i: InquiryRecord) => ({
  privateMode: i.privateMode,
  leaderSpeaksLast: i.leaderSpeaksLast,
  revealedAt: i.revealedAt,
});

/**
 * The rules for an inquiry now, or — given `asOfSeq` — as they stood right after that event of its log
 * (settings from `inquiry`): a live room that switches the rules on mid-stream must not count people who
 * join or post only in events it has not delivered yet.
 */
export async function loadPrivacy(db: Db, inquiry: InquiryRecord, asOfSeq?: number): Promise<Privacy> {
  if (!inquiry.privateMode && !inquiry.leaderSpeaksLast) return new Privacy(null);
  const notes = db.selectFrom('contributions').where('inquiry_id', '=', inquiry.id);
  const [participants, posters]: [{ user_id: string }[], { author_id: string; id?: string }[]] =
    await Promise.all([
      db.selectFrom('inquiry_participants').select('user_id').where('inquiry_id', '=', inquiry.id).execute(),
      // Now: one row per author. As of an event: every note, to leave out those written after it.
      asOfSeq === undefined
        ? notes.select('author_id').distinct().execute()
        : notes.select(['author_id', 'id']).execute(),
    ]);
  const participantIds = new Set(participants.map((p) => p.user_id));
  const laterNotes = new Set<string>();
  if (asOfSeq !== undefined) {
    // Read after the rows: every change seen above has its event here (committed together), so undoing
    // the later events, newest first, gives the facts as of `asOfSeq`.
    for (const event of (await listEventsSince(db, inquiry.id, asOfSeq)).reverse()) {
      if (event.type === 'contribution.created') laterNotes.add(event.data.id);
      else if (event.type === 'participant.joined') participantIds.delete(event.data.user.id);
      else if (event.type === 'participant.left') participantIds.add(event.data.user.id);
    }
  }
  const postedIds = posters.filter((p) => !(p.id && laterNotes.has(p.id))).map((p) => p.author_id);
  return new Privacy({
    settings: settingsOf(inquiry),
    facilitatorId: inquiry.facilitatorId,
    participantIds: [...participantIds],
    postedIds: [...new Set(postedIds)],
  });
}

/** The rules as they stand after an event: live rooms keep them current without asking the database. */
export function privacyAfter(privacy: Privacy, event: StoredEvent): Privacy {
  if (!privacy.context && event.type !== 'inquiry.updated') return privacy;
  switch (event.type) {
    case 'contribution.created':
      return privacy.withPoster(event.data.authorId);
    case 'inquiry.updated':
      return privacy.withInquiry(event.data);
    case 'participant.joined': {
      const ids = privacy.context?.participantIds ?? [];
      return privacy.withParticipants([...ids.filter((id) => id !== event.data.user.id), event.data.user.id]);
    }
    case 'participant.left':
      return privacy.withParticipants(
        (privacy.context?.participantIds ?? []).filter((id) => id !== event.data.user.id),
      );
    default:
      return privacy;
  }
}
