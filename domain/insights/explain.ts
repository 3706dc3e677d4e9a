import type { Phase } from '../model.js';
import type { InsightRule, InsightThresholds, Severity } from './rules.js';
import { INSIGHT_RULES, SEVERITIES } from './rules.js';
import { duration, names, percent, plural } from './text.js';
import type { Detection, Subject } from './types.js';

// How each rule says what it saw, in plain words with the threshold it used, and how loud it is. Shared
// by the incremental engine and the plain restatement the tests check it against, so both say the same.

export const MINUTE = 60_000;

const NOTE_RULES = {
  untested_assumption: {
    base: 'warning',
    words: (quote: string, age: string, limit: string) =>
      `The assumption “${quote}” has had no note supporting or challenging it for ${age} (threshold: ${limit}).`,
  },
  unused_evidence: {
    base: 'info',
    words: (quote: string, age: string, limit: string) =>
      `The evidence “${quote}” has not been used by any hypothesis or idea for ${age} (threshold: ${limit}).`,
  },
  unsupported_hypothesis: {
    base: 'info',
    words: (quote: string, age: string, limit: string) =>
      `The hypothesis “${quote}” has rested on no evidence for ${age} (threshold: ${limit}).`,
  },
  unanswered_question: {
    base: 'info',
    words: (quote: string, age: string, limit: string) =>
      `The question “${quote}” has been open with no answer for ${age} (threshold: ${limit}).`,
  },
} as const satisfies Record<
  string,
  { base: Severity; words: (quote: string, age: string, limit: string) => string }
>;
export type NoteRule = keyof typeof NOTE_RULES;

const louder = (s: Severity): Severity => SEVERITIES[SEVERITIES.indexOf(s) + 1] ?? s;

/** A note rule: fires once the note has been in its state for the threshold; louder after four times it. */
export function noteDetection(
  rule: NoteRule,
  /** `quote` is the note's excerpt (text.ts), computed once per body by the caller. */
  note: { id: string; quote: string; createdAt: string },
  ageMinutes: number,
  limitMinutes: number,
): Detection {
  const { base, words } = NOTE_RULES[rule];
  const severity = limitMinutes > 0 && ageMinutes >= 4 * limitMinutes ? louder(base) : base;
  return {
    id: `${rule}:${note.id}`,
    rule,
    severity,
    explanation: words(note.quote, duration(ageMinutes), duration(limitMinutes)),
    subjects: [{ type: 'contribution', id: note.id }],
    fill: { personIds: [], noteId: note.id, lens: null },
    since: note.createdAt,
  };
}

export function silentDetection(
  person: { id: string; name: string },
  how: { never: true; sinceMinutes: number } | { never: false; lastAt: string; sinceMinutes: number },
  t: InsightThresholds,
  since: string,
): Detection {
  const limit = duration(t.silentParticipantMinutes);
  const explanation = how.never
    ? `${person.name} has not written a named note in the ${duration(how.sinceMinutes)} since the inquiry opened for them (threshold: ${limit}). Anonymous notes are not counted for anyone.`
    : `${person.name} last wrote a named note ${duration(how.sinceMinutes)} ago, while the group went on for that long or more without them (threshold: ${limit}). Anonymous notes are not counted for anyone.`;
  return {
    id: `silent_participant:${person.id}`,
    rule: 'silent_participant',
    severity: 'warning',
    explanation,
    subjects: [{ type: 'user', id: person.id }],
    fill: { personIds: [person.id], noteId: null, lens: null },
    since,
  };
}

export function dominantDetection(
  top: { id: string; name: string; count: number },
  figures: { total: number; share: number; gini: number },
  t: InsightThresholds,
): Detection {
  return {
    id: `dominant_voice:${top.id}`,
    rule: 'dominant_voice',
    severity: 'warning',
    explanation:
      `${top.name} wrote ${top.count} of the ${plural(figures.total, 'named note')} (${percent(figures.share)}); ` +
      `the Gini coefficient of notes per person is ${figures.gini.toFixed(2)} (thresholds: a top share above ` +
      `${percent(t.dominantVoiceShare)}, or a Gini above ${t.dominantVoiceGini.toFixed(2)} with one voice ahead of all others).`,
    subjects: [{ type: 'user', id: top.id }],
    fill: { personIds: [top.id], noteId: null, lens: null },
    since: null,
  };
}

export function facilitatorDetection(
  facilitator: { id: string; name: string; count: number },
  figures: { total: number; share: number; fairShare: number; people: number },
  t: InsightThresholds,
): Detection {
  return {
    id: `facilitator_dominance:${facilitator.id}`,
    rule: 'facilitator_dominance',
    severity: 'alert',
    explanation:
      `The facilitator, ${facilitator.name}, wrote ${facilitator.count} of the ${plural(figures.total, 'named note')} ` +
      `(${percent(figures.share)}), more than ${t.facilitatorShareMultiple}× a fair share of ${percent(figures.fairShare)} ` +
      `among ${plural(figures.people, 'person', 'people')}: the instructor trap, where the group waits for the manager’s answer.`,
    subjects: [{ type: 'user', id: facilitator.id }],
    fill: { personIds: [facilitator.id], noteId: null, lens: null },
    since: null,
  };
}

export function noChallengesDetection(inquiryId: string, total: number, t: InsightThresholds): Detection {
  return {
    id: `no_challenges:${inquiryId}`,
    rule: 'no_challenges',
    severity: 'warning',
    explanation:
      `${plural(total, 'note')} and not one “challenges” link (threshold: ${plural(t.noChallengesMinContributions, 'note')}). ` +
      'Agreement nobody has tested is a groupthink risk.',
    subjects: [],
    fill: { personIds: [], noteId: null, lens: null },
    since: null,
  };
}

export type SynthesisReason = 'phase' | 'synthesizes' | 'conclusion';
const SYNTHESIS_WORDS: Record<SynthesisReason, (phase: Phase) => string> = {
  phase: (phase) => `the inquiry is ${phase}`,
  synthesizes: () => 'a note synthesizes others',
  conclusion: () => 'a conclusion has been proposed',
};

export function prematureDetection(
  inquiryId: string,
  reason: SynthesisReason,
  phase: Phase,
  open: { questions: string[]; assumptions: string[] },
  key: string,
  t: InsightThresholds,
): Detection {
  const parts: string[] = [];
  if (open.questions.length > 0) parts.push(plural(open.questions.length, 'question'));
  if (open.assumptions.length > 0) parts.push(plural(open.assumptions.length, 'untested assumption'));
  const ids = [...open.questions, ...open.assumptions];
  return {
    id: `premature_convergence:${inquiryId}`,
    rule: 'premature_convergence',
    severity: 'alert',
    explanation:
      `The synthesis has started (${SYNTHESIS_WORDS[reason](phase)}) while ${names(parts)} ${ids.length === 1 ? 'is' : 'are'} still open ` +
      `(threshold: more than ${t.prematureConvergenceOpenItems} open). Converging now may settle on an answer the group has not tested.`,
    subjects: ids.map((id): Subject => ({ type: 'contribution', id })),
    fill: { personIds: [], noteId: key, lens: null },
    since: null,
  };
}

export function unheardLensDetection(
  lens: string,
  holders: { id: string; name: string }[],
  total: number,
  t: InsightThresholds,
): Detection {
  return {
    id: `unheard_lens:${lens}`,
    rule: 'unheard_lens',
    severity: 'info',
    explanation:
      `The ${lens} lens, given to ${names(holders.map((h) => h.name))}, has no named note from it after ` +
      `${plural(total, 'note')} in the inquiry (threshold: ${plural(t.unheardLensMinContributions, 'note')}).`,
    subjects: holders.map((h): Subject => ({ type: 'user', id: h.id })),
    fill: { personIds: holders.map((h) => h.id), noteId: null, lens },
    since: null,
  };
}

const SEVERITY_RANK: Record<Severity, number> = { alert: 0, warning: 1, info: 2 };
const RULE_RANK = new Map<InsightRule, number>(INSIGHT_RULES.map((r, i) => [r, i]));

// Plain code-unit order: ISO times and ids sort correctly, and it is much cheaper than localeCompare.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Loudest first, then in the rules' order, then the longest-standing first. */
export function compareDetections(a: Detection, b: Detection): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (RULE_RANK.get(a.rule) ?? 0) - (RULE_RANK.get(b.rule) ?? 0) ||
    compareText(a.since ?? '\uffff', b.since ?? '\uffff') ||
    compareText(a.id, b.id)
  );
}
