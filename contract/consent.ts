import { z } from 'zod';
import { Id, Line, Text, Timestamp } from './common.js';

// Conclusion by consent and reflections (see docs/mechanics.md).

export const ObjectionParams = z.strictObject({ inquiryId: Id, objectionId: Id });

export const ProposeBody = z.strictObject({
  text: Line(10_000),
  restsOn: z.array(Id).min(1, 'Link the conclusion to the notes it rests on.').max(200),
});
export const ObjectBody = z.strictObject({ reason: Line(2_000) });
export const AnswerBody = z.strictObject({ response: Line(2_000) });

const ObjectionStatus = z.enum(['open', 'answered', 'withdrawn', 'stands_answered']);
export const Objection = z.object({
  id: Id,
  userId: Id,
  version: z.number().int(),
  reason: z.string(),
  raisedAt: Timestamp,
  status: ObjectionStatus,
  answer: z.object({ by: Id, response: z.string(), at: Timestamp }).nullable(),
  settledAt: Timestamp.nullable(),
});
export const Proposal = z.object({
  versions: z.array(
    z.object({
      version: z.number().int(),
      text: z.string(),
      restsOn: z.array(Id),
      proposedBy: Id,
      proposedAt: Timestamp,
    }),
  ),
  endorsements: z.array(z.object({ userId: Id, version: z.number().int(), at: Timestamp })),
  objections: z.array(Objection),
  adopted: z
    .object({ version: z.number().int(), by: Id, at: Timestamp, basis: z.enum(['consent', 'facilitator']) })
    .nullable(),
});
export const ConsentState = z.object({
  version: z.number().int(),
  adoptable: z.boolean(),
  consented: z.array(
    z.object({ userId: Id, how: z.enum(['endorsed', 'objection_answered', 'objection_withdrawn']) }),
  ),
  waitingFor: z.array(Id),
  openObjections: z.array(Objection),
});
export const ConclusionResponse = z.object({
  conclusion: z.object({ proposal: Proposal, state: ConsentState }).nullable(),
});
export type ConclusionResponse = z.infer<typeof ConclusionResponse>;

const ReflectionText = Text(5_000);
export const ReflectionBody = z.strictObject({
  learned: ReflectionText,
  stillUnclear: ReflectionText,
  keep: ReflectionText,
  change: ReflectionText,
  teachBack: ReflectionText,
});
export const Reflection = ReflectionBody.extend({ userId: Id, updatedAt: Timestamp, complete: z.boolean() });
export type Reflection = z.infer<typeof Reflection>;
export const ReflectionList = z.object({
  items: z.array(Reflection),
  readiness: z.object({
    ready: z.boolean(),
    missing: z.array(z.object({ userId: Id, needs: z.array(z.string()) })),
  }),
});
export type ReflectionList = z.infer<typeof ReflectionList>;
