import type { LiveEvent } from '../../contract/live.js';
import type { Privacy } from '../auth/privacy.js';
import type { StoredEvent } from '../live/events.js';
import { presentContribution, presentInquiry, presentLink } from './index.js';

// Live events carry what the REST API would return for the same object to the same recipient.

export function presentEvent(event: StoredEvent, viewerId: string): LiveEvent {
  const head = { seq: event.seq, at: event.at };
  switch (event.type) {
    case 'contribution.created':
    case 'contribution.updated':
      return { ...head, type: event.type, data: presentContribution(event.data, viewerId) };
    case 'link.created':
      return { ...head, type: event.type, data: presentLink(event.data, viewerId) };
    case 'inquiry.updated':
      return { ...head, type: event.type, data: presentInquiry(event.data) };
    case 'contribution.deleted':
    case 'link.deleted':
      return { ...head, type: event.type, data: { id: event.data.id } };
    case 'participant.joined':
    case 'participant.left':
      return { ...head, type: event.type, data: event.data };
    case 'notes.revealed':
      return { ...head, type: event.type, data: event.data };
    case 'conclusion.updated':
      return { ...head, type: event.type, data: event.data };
    case 'reflection.updated':
      return { ...head, type: event.type, data: event.data };
    case 'commitments.changed':
    case 'subtasks.changed':
    case 'help.changed':
      return { ...head, type: event.type, data: event.data };
    // Never an answer, a ranking or a count: only that something changed.
    case 'understanding.changed':
    case 'pulses.changed':
      return { ...head, type: event.type, data: { inquiryId: event.data.inquiryId } };
  }
}

/**
 * Recipients in the same audience get the same bytes, so a broadcast presents each event once per
 * audience instead of once per person: an author sees their own anonymous note's name, others don't.
 * Null: this viewer may not see the event at all (private mode, leader speaks last).
 */
export function audienceOf(event: StoredEvent, viewerId: string, privacy: Privacy): string | null {
  switch (event.type) {
    case 'contribution.created':
    case 'contribution.updated':
      if (!privacy.canSee(viewerId, event.data)) return null;
      if (event.data.authorId === viewerId) return 'author';
      // acknowledgedByMe differs between those who said "this helped me" and the rest.
      return event.data.acknowledgedBy.includes(viewerId) ? 'acknowledged' : 'others';
    case 'contribution.deleted':
      return privacy.canSee(viewerId, event.data) ? 'everyone' : null;
    case 'link.created':
      if (!privacy.canSee(viewerId, event.data.ends.from) || !privacy.canSee(viewerId, event.data.ends.to))
        return null;
      return event.data.createdBy === viewerId ? 'author' : 'others';
    default:
      return 'everyone';
  }
}
