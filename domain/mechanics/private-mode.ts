// Think first, leader speaks last. Private mode hides each person's notes from the other members until
// the facilitator reveals them, so nobody anchors on the first idea posted. Leader-speaks-last hides the
// facilitator's own notes from the members until every member has posted, so the manager's view does not
// become the group's answer. Applied, like anonymity, once at the server's edge for every payload.
//
// Decision: the facilitator sees members' notes before the reveal. Anchoring is a risk between members
// and from the leader's words to the group; the facilitator reading along anchors nobody, and needs to
// see who is stuck to facilitate at all. Leader-speaks-last is what keeps the facilitator's influence out.
// A workspace owner who is not this inquiry's facilitator is treated like any other member.

import { PHASES, type Phase } from '../model.js';

export interface PrivacySettings {
  privateMode: boolean;
  leaderSpeaksLast: boolean;
  /** Notes created up to this moment are revealed; later ones stay private until the next reveal. */
  revealedAt: string | null;
}

export interface PrivacyContext {
  settings: PrivacySettings;
  facilitatorId: string;
  /** The inquiry's participants; listing the facilitator here or not makes no difference. */
  participantIds: readonly string[];
  /** Everyone who has posted at least one note in the inquiry, anonymous notes included. */
  postedIds: readonly string[];
}

export interface TimedNote {
  authorId: string;
  createdAt: string;
}

export type HiddenReason = 'private_until_reveal' | 'leader_speaks_last';

/** Plain words for a hidden note's placeholder, shown only to the author and the facilitator. */
export const HIDDEN_EXPLANATIONS: Record<HiddenReason, string> = {
  private_until_reveal:
    'Private until the facilitator reveals the notes: think first, then see what others think.',
  leader_speaks_last: 'The facilitator’s notes appear once every member has posted: the leader speaks last.',
};

const time = (iso: string): number => Date.parse(iso);

/** True when the note was created no later than the last reveal. Unreadable times count as unrevealed. */
export function isRevealed(settings: PrivacySettings, createdAt: string): boolean {
  if (settings.revealedAt === null) return false;
  const revealed = time(settings.revealedAt);
  const created = time(createdAt);
  return !Number.isNaN(revealed) && !Number.isNaN(created) && created <= revealed;
}

/** The members (participants other than the facilitator) who have not posted yet. */
export function membersYetToPost(ctx: PrivacyContext): string[] {
  const posted = new Set(ctx.postedIds);
  return [...new Set(ctx.participantIds)].filter((id) => id !== ctx.facilitatorId && !posted.has(id));
}

/**
 * Whether the facilitator's notes are still held back from the members. Computed, not latched: adding a
 * participant who has not posted hides them again until that person posts too.
 */
export function leaderStillWaits(ctx: PrivacyContext): boolean {
  return ctx.settings.leaderSpeaksLast && membersYetToPost(ctx).length > 0;
}

// `revealed` is passed in rather than read from a time so that typing (a note not yet written, hence
// after any reveal) follows exactly the rule of notes.
function hiddenBecause(
  ctx: PrivacyContext,
  viewerId: string,
  authorId: string,
  revealed: boolean,
): HiddenReason | null {
  if (viewerId === authorId) return null;
  if (viewerId === ctx.facilitatorId) return null;
  if (ctx.settings.privateMode && !revealed) return 'private_until_reveal';
  if (authorId === ctx.facilitatorId && leaderStillWaits(ctx)) return 'leader_speaks_last';
  return null;
}

/** Why `viewerId` may not see this note yet, or null when they may. */
export function hiddenReason(ctx: PrivacyContext, viewerId: string, note: TimedNote): HiddenReason | null {
  return hiddenBecause(ctx, viewerId, note.authorId, isRevealed(ctx.settings, note.createdAt));
}

export function canSeeNote(ctx: PrivacyContext, viewerId: string, note: TimedNote): boolean {
  return hiddenReason(ctx, viewerId, note) === null;
}

/** A link shows that both its notes exist, so it is visible only when both ends are. */
export function canSeeLink(ctx: PrivacyContext, viewerId: string, from: TimedNote, to: TimedNote): boolean {
  return canSeeNote(ctx, viewerId, from) && canSeeNote(ctx, viewerId, to);
}

/** "X is typing a hypothesis…" is hidden exactly when the note being typed would be. */
export function canSeeTyping(ctx: PrivacyContext, viewerId: string, typistId: string): boolean {
  return hiddenBecause(ctx, viewerId, typistId, false) === null;
}

/** The notes this viewer may see, in their order: the one filter every payload goes through. */
export function visibleNotes<T extends TimedNote>(
  ctx: PrivacyContext,
  viewerId: string,
  notes: readonly T[],
): T[] {
  return notes.filter((n) => canSeeNote(ctx, viewerId, n));
}

/** The settings after the facilitator reveals at `at`; a reveal never moves back in time. */
export function reveal(settings: PrivacySettings, at: string): PrivacySettings {
  if (Number.isNaN(time(at))) throw new RangeError(`Not a time: ${at}`);
  if (settings.revealedAt !== null && time(settings.revealedAt) >= time(at)) return settings;
  return { ...settings, revealedAt: at };
}

// Think first per phase. The facilitator may name phases to think first in (exploring, say): moving into
// one turns private mode on; moving out of one into a phase that is not listed reveals what was hidden and
// turns private mode off. Moves between two unlisted phases leave the settings as the facilitator set them.

/** Phases a group can think first in: every phase that takes notes (a concluded inquiry takes none). */
export type ThinkFirstPhase = Exclude<Phase, 'concluded'>;
export const THINK_FIRST_PHASES = PHASES.filter((p): p is ThinkFirstPhase => p !== 'concluded');

/** What a phase move did to private mode, for the record of the move. */
export type PhasePrivacyEffect = 'started' | 'revealed' | null;

/**
 * The privacy settings after moving from `from` to `to` at `at`, with the effect to record.
 * - Into a listed phase with private mode off: on, and everything written so far stays visible
 *   (revealedAt moves to now, so turning private mode on hides nothing that was already seen).
 * - Into a listed phase with private mode already on: unchanged, still hidden until the phase ends.
 * - Out of a listed phase into an unlisted one with private mode on: revealed (as a reveal at `at`) and
 *   turned off. If the facilitator had already turned it off by hand, nothing is left to reveal.
 */
export function privacyOnPhaseMove(
  settings: PrivacySettings,
  privatePhases: readonly Phase[],
  from: Phase,
  to: Phase,
  at: string,
): { settings: PrivacySettings; effect: PhasePrivacyEffect } {
  const listed = new Set(privatePhases);
  if (listed.has(to)) {
    if (settings.privateMode) return { settings, effect: null };
    return { settings: { ...reveal(settings, at), privateMode: true }, effect: 'started' };
  }
  if (listed.has(from) && settings.privateMode) {
    return { settings: { ...reveal(settings, at), privateMode: false }, effect: 'revealed' };
  }
  return { settings, effect: null };
}

/** Whether an inquiry framed with these think-first phases starts in private mode (framing listed). */
export function startsPrivate(privatePhases: readonly Phase[]): boolean {
  return privatePhases.includes('framing');
}
