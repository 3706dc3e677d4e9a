import { z } from 'zod';
import { RECOMMENDATIONS, STAKES, TIME_AVAILABLE, YES_NO } from '../domain/mechanics/fit-check.js';
import { MAX_GATE_MINIMUM } from '../domain/mechanics/gates.js';
import { MODES, PHASES } from '../domain/model.js';
import { Id, Text, Timestamp } from './common.js';

// The collaborative-learning mechanics: fit check, gates, phase moves (see docs/mechanics.md).

const YesNo = z.enum(YES_NO);
export const FitAnswers = z.strictObject({
  answerKnown: YesNo,
  routine: YesNo,
  newToEveryone: YesNo,
  goalUnclear: YesNo,
  needsPerspectives: YesNo,
  stakes: z.enum(STAKES),
  time: z.enum(TIME_AVAILABLE),
});
export type FitAnswers = z.infer<typeof FitAnswers>;

export const FitCheckBody = z.strictObject({ answers: FitAnswers });
export const FitCheckResult = z.object({
  recommendation: z.enum(RECOMMENDATIONS),
  reasons: z.array(z.string()),
});
export type FitCheckResult = z.infer<typeof FitCheckResult>;

/** Sent with an inquiry: the answers, and why the mode differs from the recommendation if it does. */
export const FitCheckInput = z.strictObject({ answers: FitAnswers, overrideReason: Text(1_000).optional() });

/** Stored on the inquiry and shown with it. */
export const StoredFitCheck = FitCheckResult.extend({
  answers: FitAnswers,
  chosenMode: z.enum(MODES),
  overridden: z.boolean(),
  overrideReason: z.string().nullable(),
});
export type StoredFitCheck = z.infer<typeof StoredFitCheck>;

const Minimum = z.number().int().min(0).max(MAX_GATE_MINIMUM);
export const GateSettings = z.strictObject({
  minContributions: Minimum,
  minBuildOnsOrChallenges: Minimum,
  includeFacilitator: z.boolean(),
});
export type GateSettings = z.infer<typeof GateSettings>;

export const Missing = z.object({ userId: Id, needs: z.array(z.string()) });
export type Missing = z.infer<typeof Missing>;

export const MovePhaseBody = z.strictObject({
  phase: z.enum(PHASES),
  overrideReason: Text(1_000).optional(),
});

/** Where the group stands with the gate into the next phase. */
export const GateStatus = z.object({
  next: z.enum(PHASES).nullable(),
  met: z.boolean(),
  missing: z.array(Missing),
  groupNeeds: z.array(z.string()),
  message: z.string().nullable(),
});
export type GateStatus = z.infer<typeof GateStatus>;

export const PhaseChange = z.object({
  id: Id,
  from: z.enum(PHASES),
  to: z.enum(PHASES),
  movedBy: Id,
  overrideReason: z.string().nullable(),
  missing: z.array(Missing),
  /** What the move did to private mode: started it (into a think-first phase), revealed the notes. */
  privacy: z.enum(['started', 'revealed']).nullable(),
  at: Timestamp,
});
export type PhaseChange = z.infer<typeof PhaseChange>;
export const PhaseHistory = z.object({ items: z.array(PhaseChange) });
