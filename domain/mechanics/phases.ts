import { PHASES, type Phase } from '../model.js';

// The phases of a collaborative inquiry, what the group does in each, and how the phase may change.
// Whether a forward move's gate is met is gates.ts's job; this module only knows the shape of the path.

export interface PhaseGuide {
  phase: Phase;
  title: string;
  /** One line: what the group does in this phase. */
  does: string;
  /** One line: what has to be true before the group moves on. */
  waitsFor: string;
}

export const PHASE_GUIDES: Record<Phase, PhaseGuide> = {
  framing: {
    phase: 'framing',
    title: 'Framing',
    does: 'The facilitator states the question, the context and what success looks like, and invites the group.',
    waitsFor: 'A question to explore and at least one participant besides the facilitator.',
  },
  exploring: {
    phase: 'exploring',
    title: 'Exploring',
    does: "Everyone posts questions, hypotheses, evidence, assumptions and what they don't know yet.",
    waitsFor: 'At least one note on the board to challenge.',
  },
  challenging: {
    phase: 'challenging',
    title: 'Challenging',
    does: 'The group tests assumptions, builds on and challenges each other’s notes, and looks for ignored data.',
    waitsFor:
      'Every participant has contributed and built on or challenged someone else’s note (the minimums are set per inquiry).',
  },
  synthesizing: {
    phase: 'synthesizing',
    title: 'Synthesizing',
    does: 'The group drafts a conclusion from the notes it rests on; each participant endorses it or objects with a reason.',
    waitsFor: 'A conclusion adopted by consent.',
  },
  reflecting: {
    phase: 'reflecting',
    title: 'Reflecting',
    does: 'Each participant writes what they learned, what they still don’t understand, how the group worked, and the conclusion in their own words.',
    waitsFor: 'Every participant’s reflection, or a recorded reason to conclude without them.',
  },
  concluded: {
    phase: 'concluded',
    title: 'Concluded',
    does: 'The inquiry is closed; its conclusion, evidence and open questions stay in the library for the next team.',
    waitsFor: 'Nothing: this is the end.',
  },
};

export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}

export function nextPhase(phase: Phase): Phase | null {
  return PHASES[phaseIndex(phase) + 1] ?? null;
}

/** The phase one step back, or null at the start and from `concluded`, which is terminal. */
export function previousPhase(phase: Phase): Phase | null {
  if (phase === 'concluded') return null;
  return PHASES[phaseIndex(phase) - 1] ?? null;
}

export type Transition =
  | { kind: 'forward' }
  | { kind: 'back' }
  | { kind: 'invalid'; code: 'same_phase' | 'skips_phases' | 'concluded_is_final'; message: string };

/**
 * Forward one step (gated), or back one step (the facilitator reopening the previous phase, never gated).
 * Anything else would skip a phase the group has not been through, or reopen a closed inquiry.
 */
export function classifyTransition(from: Phase, to: Phase): Transition {
  if (from === to) return { kind: 'invalid', code: 'same_phase', message: `The inquiry is already ${from}.` };
  if (from === 'concluded') {
    return {
      kind: 'invalid',
      code: 'concluded_is_final',
      message: 'A concluded inquiry cannot be reopened.',
    };
  }
  if (nextPhase(from) === to) return { kind: 'forward' };
  if (previousPhase(from) === to) return { kind: 'back' };
  const direction = phaseIndex(to) > phaseIndex(from) ? 'forward' : 'back';
  return {
    kind: 'invalid',
    code: 'skips_phases',
    message: `From ${from} the inquiry can only move one step ${direction}, to ${
      direction === 'forward' ? nextPhase(from) : previousPhase(from)
    }.`,
  };
}

export const ACTIVITIES = [
  'post_contribution',
  'link_contributions',
  'propose_conclusion',
  'respond_to_proposal',
  'write_reflection',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

// Notes and links may be added in every open phase (a late insight should never be refused), but the
// conclusion belongs to synthesizing and reflections to reflecting, so each step is done in its place.
const ALLOWED: Record<Activity, readonly Phase[]> = {
  post_contribution: ['framing', 'exploring', 'challenging', 'synthesizing', 'reflecting'],
  link_contributions: ['framing', 'exploring', 'challenging', 'synthesizing', 'reflecting'],
  propose_conclusion: ['synthesizing'],
  respond_to_proposal: ['synthesizing'],
  write_reflection: ['reflecting'],
};

const REFUSAL: Record<Activity, string> = {
  post_contribution: 'The inquiry is concluded: no new notes can be posted.',
  link_contributions: 'The inquiry is concluded: notes can no longer be linked.',
  propose_conclusion: 'A conclusion can only be proposed while the group is synthesizing.',
  respond_to_proposal:
    'A proposed conclusion can only be endorsed or objected to while the group is synthesizing.',
  write_reflection: 'Reflections are written in the reflecting phase.',
};

export function phaseAllows(phase: Phase, activity: Activity): boolean {
  return ALLOWED[activity].includes(phase);
}

/** Null when the activity is allowed, otherwise a sentence to show the person (and to send with a 409). */
export function activityRefusal(phase: Phase, activity: Activity): string | null {
  return phaseAllows(phase, activity) ? null : REFUSAL[activity];
}

/** The activities open in a phase, for the UI to show only the buttons that will work. */
export function activitiesIn(phase: Phase): Activity[] {
  return ACTIVITIES.filter((a) => phaseAllows(phase, a));
}
