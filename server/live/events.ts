import type { ContributionRecord, LinkRecord } from '../store/contributions.js';
import type { InquiryRecord } from '../store/inquiries.js';

// What changed on an inquiry, as the server records it: full records, authors included. These never
// leave the server as they are; presenters turn each into what one recipient may see.

/** When and by whom a note was written: what private mode needs to decide who may see it. */
export interface NoteTiming {
  authorId: string;
  createdAt: string;
}

export type ChangeRecord =
  | { type: 'contribution.created' | 'contribution.updated'; data: ContributionRecord }
  | { type: 'contribution.deleted'; data: { id: string } & NoteTiming }
  | { type: 'link.created'; data: LinkRecord & { ends: { from: NoteTiming; to: NoteTiming } } }
  /** The proposed conclusion changed (a version, an endorsement, an objection, the adoption): refetch it. */
  | { type: 'conclusion.updated'; data: { inquiryId: string } }
  /** A commitment or a subtask was added, changed or removed: refetch the list. */
  | { type: 'commitments.changed' | 'subtasks.changed' | 'help.changed'; data: { inquiryId: string } }
  /** A shared-understanding check opened, closed or got an answer; or a pulse opened or closed: refetch. */
  | { type: 'understanding.changed' | 'pulses.changed'; data: { inquiryId: string } }
  /** Someone wrote or rewrote their reflection. */
  | { type: 'reflection.updated'; data: { userId: string } }
  /** Notes hidden until now may have become visible (a reveal, or the leader may now speak): refetch. */
  | { type: 'notes.revealed'; data: { reason: 'revealed' | 'leader_may_speak' } }
  | { type: 'link.deleted'; data: { id: string } }
  | { type: 'inquiry.updated'; data: InquiryRecord }
  | { type: 'participant.joined' | 'participant.left'; data: { user: { id: string; name: string } } };

export type ChangeType = ChangeRecord['type'];

/** A change with its place in the inquiry's log. */
export type StoredEvent = ChangeRecord & { inquiryId: string; seq: number; at: string };
