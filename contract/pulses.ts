import { z } from 'zod';
import { Id, Text, Timestamp } from './common.js';

// Psychological-safety pulse (Edmondson, 1999): seven 7-point items, 1, 3 and 5 reverse-scored. Answers are
// stored without any link to the person; results exist only in aggregate and only from k answers on.

export const PULSE_ANSWER_MIN = 1;
export const PULSE_ANSWER_MAX = 7;
export const PulseAnswers = z
  .array(z.number().int().min(PULSE_ANSWER_MIN).max(PULSE_ANSWER_MAX))
  .length(7, 'Answer all seven statements.');

export const PulseParams = z.strictObject({ pulseId: Id });
export const CreatePulseBody = z.strictObject({ closesAt: Timestamp.nullable().default(null) });
export const PulseResponseBody = z.strictObject({ answers: PulseAnswers, comment: Text(1_000).default('') });

export const Pulse = z.object({
  id: Id,
  workspaceId: Id,
  /** Null for a team pulse across the workspace. */
  inquiryId: Id.nullable(),
  openedBy: Id,
  openedAt: Timestamp,
  closesAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  responses: z.number().int(),
  threshold: z.number().int(),
  answeredByMe: z.boolean(),
});
export type Pulse = z.infer<typeof Pulse>;
export const PulseResponse = z.object({ pulse: Pulse });
export const PulseList = z.object({ items: z.array(Pulse), nextCursor: z.null() });

export const PulseItemResult = z.object({
  item: z.number().int(),
  statement: z.string(),
  reversed: z.boolean(),
  mean: z.number(),
});
export const PulseResults = z.object({
  responses: z.number().int(),
  threshold: z.number().int(),
  /** Mean of the seven (reverse-scored) items on the 1..7 scale; null while responses < threshold. */
  score: z.number().nullable(),
  items: z.array(PulseItemResult).nullable(),
  /** Shuffled, and only with at least `threshold` comments. */
  comments: z.array(z.string()).nullable(),
  /** Earlier pulses of the same inquiry or team that reached the threshold, oldest first. */
  trend: z.array(z.object({ pulseId: Id, openedAt: Timestamp, score: z.number() })),
});
export type PulseResults = z.infer<typeof PulseResults>;

/** Workspace settings the owner edits; so far the pulse threshold k (never below 3). */
export const WorkspaceSettings = z.object({ pulseThreshold: z.number().int() });
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;
export const WorkspaceSettingsBody = z.strictObject({
  pulseThreshold: z.number().int().min(3, 'Never fewer than 3.').max(50, 'At most 50.'),
});
export const WorkspaceSettingsResponse = z.object({ settings: WorkspaceSettings });
export type PulseList = z.infer<typeof PulseList>;
export type PulseItemResult = z.infer<typeof PulseItemResult>;
export type CreatePulseBody = z.input<typeof CreatePulseBody>;
export type PulseResponseBody = z.input<typeof PulseResponseBody>;
