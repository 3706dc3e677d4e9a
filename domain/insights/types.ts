import type { ContributionKind, ContributionState, LinkKind, Phase } from '../model.js';
import type { InsightRule, Severity } from './rules.js';

// What the insights engine reads: an inquiry's notes, links, acknowledgements and people, and the
// changes that arrive afterwards. Plain data, so the server can build it from its store or its live events.

export interface InsightNote {
  id: string;
  /** Known to the engine so private mode can be applied; never put in any figure of an anonymous note. */
  authorId: string;
  /** The author's name; the server leaves it empty for an anonymous note. */
  authorName: string;
  anonymous: boolean;
  kind: ContributionKind;
  state: ContributionState | null;
  body: string;
  createdAt: string;
  /** The lens the author wrote from. */
  perspective: string | null;
}

export interface InsightLink {
  id: string;
  fromId: string;
  toId: string;
  kind: LinkKind;
  createdAt: string;
}

export interface InsightAck {
  contributionId: string;
  userId: string;
  at: string;
}

export interface InsightPerson {
  id: string;
  name: string;
  perspective: string | null;
  joinedAt: string;
}

export interface InsightSnapshot {
  inquiryId: string;
  createdAt: string;
  phase: Phase;
  facilitatorId: string;
  /** When the inquiry left framing (people are expected to speak from then on); null while framing. */
  activeSince: string | null;
  /** A conclusion has been proposed. */
  conclusionProposed: boolean;
  participants: InsightPerson[];
  notes: InsightNote[];
  links: InsightLink[];
  acknowledgements: InsightAck[];
}

/** One change, as the engine applies it. `at` is when it happened (the live event's time). */
export type InsightChange =
  | { type: 'note.upserted'; note: InsightNote; acknowledgedBy?: readonly string[]; at: string }
  | { type: 'note.deleted'; id: string; at: string }
  | { type: 'link.added'; link: InsightLink; at: string }
  | { type: 'link.removed'; id: string; at: string }
  | { type: 'inquiry.changed'; phase: Phase; facilitatorId: string; at: string }
  | { type: 'conclusion.proposed'; at: string }
  | { type: 'participant.joined'; person: InsightPerson; at: string }
  | { type: 'participant.left'; userId: string; at: string }
  /** The participant list as it stands (names, lenses): sent after a lens change. */
  | { type: 'participants.set'; participants: InsightPerson[]; at: string };

export interface Subject {
  type: 'contribution' | 'user';
  id: string;
}

/** A rule that fired, before its question is filled in from the workspace's prompt library. */
export interface Detection {
  /** Stable while the finding holds: `rule:subject`. */
  id: string;
  rule: InsightRule;
  severity: Severity;
  explanation: string;
  subjects: Subject[];
  /** What the prompt's placeholders are filled from. */
  fill: { personIds: string[]; noteId: string | null; lens: string | null };
  /** When the condition started to hold, for ordering; null when it has no one moment. */
  since: string | null;
}
