// The console's detectors: their names, how loud each finding is, and the thresholds a workspace may tune.
// The detectors themselves live beside this file; this is the vocabulary shared with the contract.

export const INSIGHT_RULES = [
  'untested_assumption',
  'unused_evidence',
  'unsupported_hypothesis',
  'unanswered_question',
  'silent_participant',
  'dominant_voice',
  'facilitator_dominance',
  'no_challenges',
  'premature_convergence',
  'unheard_lens',
] as const;
export type InsightRule = (typeof INSIGHT_RULES)[number];

export const SEVERITIES = ['info', 'warning', 'alert'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Tunable per workspace. Durations are minutes so a workspace can set them in plain numbers. */
export interface InsightThresholds {
  /** An assumption with no supporting or challenging link after this long is untested. */
  untestedAssumptionMinutes: number;
  /** Evidence no hypothesis or idea uses after this long is unused. */
  unusedEvidenceMinutes: number;
  /** A hypothesis with no supporting evidence after this long is unsupported. */
  unsupportedHypothesisMinutes: number;
  /** A question with no answer after this long is unanswered. */
  unansweredQuestionMinutes: number;
  /** A participant with no contribution this long after the inquiry opened, or none in this long, is silent. */
  silentParticipantMinutes: number;
  /** Gini coefficient of contributions per person above which one voice dominates (0..1). */
  dominantVoiceGini: number;
  /** Share of all contributions by the top voice above which it dominates (0..1). */
  dominantVoiceShare: number;
  /** The facilitator's share as a multiple of a fair share (1 / people) above which they dominate. */
  facilitatorShareMultiple: number;
  /** Contributions needed before the absence of challenges counts as a groupthink risk. */
  noChallengesMinContributions: number;
  /** Named contributions needed before the balance rules (dominant voice, facilitator) judge anyone. */
  balanceMinContributions: number;
  /** Key questions and assumptions that may stay open once a synthesis has started. */
  prematureConvergenceOpenItems: number;
  /** Contributions the group has written before a lens with no note of its own counts as unheard. */
  unheardLensMinContributions: number;
}

export const DEFAULT_INSIGHT_THRESHOLDS: InsightThresholds = {
  untestedAssumptionMinutes: 60,
  unusedEvidenceMinutes: 60,
  unsupportedHypothesisMinutes: 60,
  unansweredQuestionMinutes: 120,
  silentParticipantMinutes: 120,
  dominantVoiceGini: 0.5,
  dominantVoiceShare: 0.5,
  facilitatorShareMultiple: 1.5,
  noChallengesMinContributions: 10,
  balanceMinContributions: 8,
  prematureConvergenceOpenItems: 0,
  unheardLensMinContributions: 5,
};
