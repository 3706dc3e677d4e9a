import type { ContributionKind, LinkKind, Phase } from '../model.js';
import { classifyTransition } from './phases.js';
import { type Missing, type Reflection, reflectionReadiness } from './reflection.js';
import { recordedReason } from './text.js';

// Positive interdependence made concrete: the group moves on together or not at all. Each forward phase
// move has a gate; the facilitator may only pass a closed gate with a recorded reason.

export type { Missing } from './reflection.js';

export interface GateSettings {
  minContributions: number;
  minBuildOnsOrChallenges: number;
  /** Off by default: the facilitator should not have to speak for the group to move (leader speaks last). */
  includeFacilitator: boolean;
}

export const DEFAULT_GATE_SETTINGS: GateSettings = {
  minContributions: 1,
  minBuildOnsOrChallenges: 1,
  includeFacilitator: false,
};

/** Above this a minimum stops being a nudge and becomes busywork. */
export const MAX_GATE_MINIMUM = 20;

/** Plain-words problems with per-inquiry settings; empty when they are fine. */
export function gateSettingsProblems(s: GateSettings): string[] {
  const problems: string[] = [];
  const check = (value: number, what: string) => {
    if (!Number.isInteger(value) || value < 0 || value > MAX_GATE_MINIMUM) {
      problems.push(`The minimum number of ${what} must be a whole number from 0 to ${MAX_GATE_MINIMUM}.`);
    }
  };
  check(s.minContributions, 'contributions');
  check(s.minBuildOnsOrChallenges, 'build-ons or challenges');
  return problems;
}

export interface InquiryPeople {
  facilitatorId: string;
  /** May or may not list the facilitator; either way they are only waited for when the settings say so. */
  participantIds: readonly string[];
}

export interface GateContribution {
  id: string;
  authorId: string;
  kind: ContributionKind;
}

export interface GateLink {
  fromId: string;
  toId: string;
  kind: LinkKind;
}

export interface GateResult {
  met: boolean;
  /** Who the group is waiting for and what each still needs, in the participants' order. */
  missing: Missing[];
  /** What the group as a whole still needs, beyond any one person. */
  groupNeeds: string[];
}

/** The people a gate waits for: the participants, with the facilitator only when the settings include them. */
export function expectedParticipants(people: InquiryPeople, includeFacilitator: boolean): string[] {
  const others = [...new Set(people.participantIds)].filter((id) => id !== people.facilitatorId);
  return includeFacilitator ? [people.facilitatorId, ...others] : others;
}

/**
 * How many times each person responded to someone else's note. Every link kind counts: supporting,
 * answering and synthesizing build on a note as much as "builds on" does, and "challenges" is the other
 * half of the rule. Links between one's own notes do not count, and each pair of notes counts once.
 */
export function responsesToOthers(
  contributions: readonly GateContribution[],
  links: readonly GateLink[],
): Map<string, number> {
  const authorOf = new Map(contributions.map((c) => [c.id, c.authorId]));
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const link of links) {
    const from = authorOf.get(link.fromId);
    const to = authorOf.get(link.toId);
    const pair = `${link.fromId}\u0000${link.toId}`;
    if (from === undefined || to === undefined || from === to || seen.has(pair)) continue;
    seen.add(pair);
    counts.set(from, (counts.get(from) ?? 0) + 1);
  }
  return counts;
}

export const NEEDS_PARTICIPANTS = 'at least one participant besides the facilitator';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The gate into synthesizing: everyone has contributed and responded to someone else's note. */
export function participationGate(
  people: InquiryPeople,
  contributions: readonly GateContribution[],
  links: readonly GateLink[],
  settings: GateSettings = DEFAULT_GATE_SETTINGS,
): GateResult {
  const expected = expectedParticipants(people, settings.includeFacilitator);
  const posted = new Map<string, number>();
  for (const c of contributions) posted.set(c.authorId, (posted.get(c.authorId) ?? 0) + 1);
  const responded = responsesToOthers(contributions, links);

  const missing: Missing[] = [];
  for (const userId of expected) {
    const needs: string[] = [];
    const moreNotes = settings.minContributions - (posted.get(userId) ?? 0);
    if (moreNotes > 0) needs.push(`${plural(moreNotes, 'more contribution', 'more contributions')}`);
    const moreResponses = settings.minBuildOnsOrChallenges - (responded.get(userId) ?? 0);
    if (moreResponses === 1) needs.push('build on or challenge someone else’s note');
    if (moreResponses > 1) needs.push(`build on or challenge ${moreResponses} more of others’ notes`);
    if (needs.length > 0) missing.push({ userId, needs });
  }
  const groupNeeds = expected.length === 0 ? [NEEDS_PARTICIPANTS] : [];
  return { met: missing.length === 0 && groupNeeds.length === 0, missing, groupNeeds };
}

/** Everything any gate may look at. Left out, a fact counts as not there yet, so a gate fails closed. */
export interface GateFacts extends InquiryPeople {
  question?: string;
  contributions?: readonly GateContribution[];
  links?: readonly GateLink[];
  conclusionAdopted?: boolean;
  reflections?: readonly Reflection[];
  /** The adopted conclusion, so a pasted teach-back is not counted as a reflection. */
  conclusionText?: string;
}

function groupGate(groupNeeds: string[]): GateResult {
  return { met: groupNeeds.length === 0, missing: [], groupNeeds };
}

export const NEEDS_QUESTION = 'a question to explore';
export const NEEDS_A_NOTE = 'at least one note on the board to challenge';
export const NEEDS_CONCLUSION = 'a conclusion adopted by consent';

/** The gate the group must pass to enter `phase`. Entering `framing` has none: an inquiry starts there. */
export function gateInto(
  phase: Phase,
  facts: GateFacts,
  settings: GateSettings = DEFAULT_GATE_SETTINGS,
): GateResult {
  switch (phase) {
    case 'framing':
      return groupGate([]);
    case 'exploring': {
      const needs: string[] = [];
      if ((facts.question ?? '').trim() === '') needs.push(NEEDS_QUESTION);
      if (expectedParticipants(facts, false).length === 0) needs.push(NEEDS_PARTICIPANTS);
      return groupGate(needs);
    }
    case 'challenging':
      return groupGate((facts.contributions ?? []).length > 0 ? [] : [NEEDS_A_NOTE]);
    case 'synthesizing':
      return participationGate(facts, facts.contributions ?? [], facts.links ?? [], settings);
    case 'reflecting':
      return groupGate(facts.conclusionAdopted === true ? [] : [NEEDS_CONCLUSION]);
    case 'concluded': {
      const expected = expectedParticipants(facts, settings.includeFacilitator);
      const readiness = reflectionReadiness(expected, facts.reflections ?? [], facts.conclusionText);
      const groupNeeds = expected.length === 0 ? [NEEDS_PARTICIPANTS] : [];
      return { met: readiness.ready && groupNeeds.length === 0, missing: readiness.missing, groupNeeds };
    }
  }
}

export type MoveDecision =
  | { outcome: 'allowed'; direction: 'forward' | 'back'; overridden: false }
  /** Passed a closed gate: store the reason together with what was missing at that moment. */
  | {
      outcome: 'allowed';
      direction: 'forward';
      overridden: true;
      reason: string;
      missing: Missing[];
      groupNeeds: string[];
    }
  | { outcome: 'needs_override'; message: string; missing: Missing[]; groupNeeds: string[] }
  | { outcome: 'invalid'; message: string };

/**
 * Decides a phase move by the facilitator. Back one step is always allowed (reopening is never harmful);
 * forward one step needs its gate met or a recorded reason; anything else is not a move at all.
 */
export function moveRule(
  from: Phase,
  to: Phase,
  gate: GateResult,
  overrideReason?: string | null,
): MoveDecision {
  const transition = classifyTransition(from, to);
  if (transition.kind === 'invalid') return { outcome: 'invalid', message: transition.message };
  if (transition.kind === 'back') return { outcome: 'allowed', direction: 'back', overridden: false };
  if (gate.met) return { outcome: 'allowed', direction: 'forward', overridden: false };
  const reason = recordedReason(overrideReason);
  const { missing, groupNeeds } = gate;
  if (reason !== null) {
    return { outcome: 'allowed', direction: 'forward', overridden: true, reason, missing, groupNeeds };
  }
  return { outcome: 'needs_override', message: gateMessage(to, gate), missing, groupNeeds };
}

/** One sentence for the 409 and the board: what the group still needs, and that an override exists. */
export function gateMessage(to: Phase, gate: GateResult): string {
  const parts = [...gate.groupNeeds];
  if (gate.missing.length > 0) {
    parts.push(`waiting for ${plural(gate.missing.length, 'participant', 'participants')}`);
  }
  return `The group cannot move to ${to} yet: ${parts.join('; ')}. The facilitator can move on anyway with a recorded reason.`;
}

export interface ConflictBody {
  error: { code: 'conflict'; message: string; missing: Missing[] };
}

/** The API's `409 conflict` body for a refused move, or null when the move was allowed. */
export function moveConflict(decision: MoveDecision): ConflictBody | null {
  if (decision.outcome === 'needs_override') {
    return { error: { code: 'conflict', message: decision.message, missing: decision.missing } };
  }
  if (decision.outcome === 'invalid')
    return { error: { code: 'conflict', message: decision.message, missing: [] } };
  return null;
}
