import { z } from 'zod';
import { THINK_FIRST_PHASES } from '../domain/mechanics/private-mode.js';
import { MODES, PHASES } from '../domain/model.js';
import { PersonRef } from './accounts.js';
import { Id, Line, PageQuery, Text, Timestamp } from './common.js';
import { FitCheckInput, GateSettings, StoredFitCheck } from './mechanics.js';

export const Phase = z.enum(PHASES);
export const Mode = z.enum(MODES);

export const InquiryParams = z.strictObject({ inquiryId: Id });

/**
 * "Think first in these phases": private mode turns on when the inquiry moves into one, and what was
 * hidden is revealed when it moves on to a phase that is not listed. Any phase but concluded.
 */
export const PrivatePhases = z
  .array(z.enum(THINK_FIRST_PHASES))
  .max(THINK_FIRST_PHASES.length)
  .refine((phases) => new Set(phases).size === phases.length, 'Each phase only once.');

const framing = {
  title: Line(120),
  question: Line(500),
  context: Text(10_000),
  successCriteria: Text(2_000),
};

export const ParticipantIds = z
  .array(Id)
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, 'Each person only once.');

export const CreateInquiryBody = z.strictObject({
  ...framing,
  context: framing.context.default(''),
  successCriteria: framing.successCriteria.default(''),
  mode: Mode.default('collaborative'),
  allowAnonymous: z.boolean().default(false),
  participantIds: ParticipantIds.default([]),
  /** Think first: notes stay private to their authors (and the facilitator) until revealed. */
  privateMode: z.boolean().default(false),
  /** The facilitator's notes stay hidden until every member has posted. */
  leaderSpeaksLast: z.boolean().default(false),
  privatePhases: PrivatePhases.default([]),
  gateSettings: GateSettings.optional(),
  fitCheck: FitCheckInput.optional(),
});
export type CreateInquiryBody = z.input<typeof CreateInquiryBody>;

export const UpdateInquiryBody = z
  .strictObject({
    title: framing.title,
    question: framing.question,
    context: framing.context,
    successCriteria: framing.successCriteria,
    mode: Mode,
    allowAnonymous: z.boolean(),
    participantIds: ParticipantIds,
    privateMode: z.boolean(),
    leaderSpeaksLast: z.boolean(),
    privatePhases: PrivatePhases,
    gateSettings: GateSettings,
    fitCheck: FitCheckInput,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change.');
export type UpdateInquiryBody = z.input<typeof UpdateInquiryBody>;

export const Inquiry = z.object({
  id: Id,
  workspaceId: Id,
  title: z.string(),
  question: z.string(),
  context: z.string(),
  successCriteria: z.string(),
  mode: Mode,
  phase: Phase,
  allowAnonymous: z.boolean(),
  facilitatorId: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Changes whenever anything on the board changes; clients poll it to know when to refetch. */
  lastActivityAt: Timestamp,
  /** The newest live event's sequence number: open the live stream with `?since=` this. */
  lastSeq: z.number().int(),
  privateMode: z.boolean(),
  leaderSpeaksLast: z.boolean(),
  /** Notes written up to this time have been revealed (private mode). */
  revealedAt: Timestamp.nullable(),
  /** Phases to think first in (private mode on while the inquiry is in one). */
  privatePhases: z.array(z.enum(THINK_FIRST_PHASES)),
  gateSettings: GateSettings,
  fitCheck: StoredFitCheck.nullable(),
});
export type Inquiry = z.infer<typeof Inquiry>;

export const InquirySummary = Inquiry.extend({
  facilitator: PersonRef,
  participantCount: z.number().int(),
  contributionCount: z.number().int(),
  /** Contributions by the viewer, so the home page can say what is waiting for them. */
  myContributionCount: z.number().int(),
});
export type InquirySummary = z.infer<typeof InquirySummary>;

export const InquiryListQuery = PageQuery.extend({ phase: Phase.optional() });
export const InquiryList = z.object({ items: z.array(InquirySummary), nextCursor: z.string().nullable() });
export type InquiryList = z.infer<typeof InquiryList>;

export const Participant = z.object({
  user: PersonRef,
  role: z.enum(['facilitator', 'participant']),
  perspective: z.string().nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const InquiryResponse = z.object({ inquiry: Inquiry });
export const InquiryDetail = z.object({ inquiry: Inquiry, participants: z.array(Participant) });
export type InquiryDetail = z.infer<typeof InquiryDetail>;
