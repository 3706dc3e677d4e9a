// The vocabulary of Colearn: every enumeration the rest of the code speaks in.

export const CONTRIBUTION_KINDS = [
  'question',
  'hypothesis',
  'evidence',
  'assumption',
  'idea',
  'insight',
  'unknown',
] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const CONFIDENCES = ['unsure', 'leaning', 'confident'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const TESTABLE_STATES = ['untested', 'supported', 'refuted'] as const;
export const QUESTION_STATES = ['open', 'answered'] as const;
export const CONTRIBUTION_STATES = [...TESTABLE_STATES, ...QUESTION_STATES] as const;
export type ContributionState = (typeof CONTRIBUTION_STATES)[number];

export const LINK_KINDS = ['builds_on', 'supports', 'challenges', 'answers', 'synthesizes'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const PHASES = [
  'framing',
  'exploring',
  'challenging',
  'synthesizing',
  'reflecting',
  'concluded',
] as const;
export type Phase = (typeof PHASES)[number];

export const MODES = ['collaborative', 'cooperative'] as const;
export type Mode = (typeof MODES)[number];

export const ROLES = ['owner', 'facilitator', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** The states a contribution of this kind can be in; empty when the kind has no state. */
export function statesFor(kind: ContributionKind): readonly ContributionState[] {
  switch (kind) {
    case 'assumption':
    case 'hypothesis':
      return TESTABLE_STATES;
    case 'question':
      return QUESTION_STATES;
    default:
      return [];
  }
}

/** The state a new contribution starts in: untested, open, or none. */
export function initialState(kind: ContributionKind): ContributionState | null {
  return statesFor(kind)[0] ?? null;
}

export function isValidState(kind: ContributionKind, state: ContributionState | null): boolean {
  const allowed = statesFor(kind);
  return state === null ? allowed.length === 0 : allowed.includes(state);
}

/** What a person is told about in their inbox. */
export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'help_request',
  /** Someone answered my help request. */
  'help_answered',
  'phase_changed',
  'consent_needed',
  /** A psychological-safety pulse opened that I am asked to answer. */
  'pulse_open',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
