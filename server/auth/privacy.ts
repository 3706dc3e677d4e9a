import {
  canSeeNote,
  canSeeTyping,
  leaderStillWaits,
  type PrivacyContext,
  type TimedNote,
} from '../../domain/mechanics/private-mode.js';
import type { StoredEvent } from '../live/events.js';
import type { Db } from '../store/db.js';
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

export async function loadPrivacy(db: Db, inquiry: InquiryRecord): Promise<Privacy> {
  if (!inquiry.privateMode && !inquiry.leaderSpeaksLast) return new Privacy(null);
  const [participants, posters] = await Promise.all([
    db.selectFrom('inquiry_participants').select('user_id').where('inquiry_id', '=', inquiry.id).execute(),
    db
      .selectFrom('contributions')
      .select('author_id')
      .distinct()
      .where('inquiry_id', '=', inquiry.id)
      .execute(),
  ]);
  return new Privacy({
    settings: settingsOf(inquiry),
    facilitatorId: inquiry.facilitatorId,
    participantIds: participants.map((p) => p.user_id),
    postedIds: posters.map((p) => p.author_id),
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
