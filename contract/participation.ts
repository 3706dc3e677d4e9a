import { z } from 'zod';
import { COMMITMENT_STATUSES } from '../domain/mechanics/accountability.js';
import { CONTRIBUTION_KINDS } from '../domain/model.js';
import { Id, Line, Text, Timestamp } from './common.js';

// Promotive interaction and individual accountability: lenses, acknowledgements, commitments, the
// subtasks of a cooperative inquiry, and each person's panel.

export const ParticipantParams = z.strictObject({ inquiryId: Id, userId: Id });
export const CommitmentParams = z.strictObject({ commitmentId: Id });
export const SubtaskParams = z.strictObject({ subtaskId: Id });

/** A lens such as customer, finance, operations, data, or one the facilitator names; null takes it away. */
export const PerspectiveBody = z.strictObject({ perspective: Line(80).nullable() });

const DueDate = z.iso.date({ message: 'Use a date like 2026-12-31.' }).nullable();

export const CreateCommitmentBody = z.strictObject({
  text: Line(500),
  ownerId: Id,
  dueDate: DueDate.default(null),
});
export const UpdateCommitmentBody = z
  .strictObject({ text: Line(500), ownerId: Id, dueDate: DueDate, status: z.enum(COMMITMENT_STATUSES) })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change.');
export const Commitment = z.object({
  id: Id,
  inquiryId: Id,
  text: z.string(),
  owner: z.object({ id: Id, name: z.string() }),
  dueDate: z.string().nullable(),
  status: z.enum(COMMITMENT_STATUSES),
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Commitment = z.infer<typeof Commitment>;
export const CommitmentResponse = z.object({ commitment: Commitment });
export const CommitmentList = z.object({ items: z.array(Commitment), nextCursor: z.null() });

export const SUBTASK_STATUSES = ['todo', 'doing', 'done'] as const;
export const CreateSubtaskBody = z.strictObject({
  title: Line(200),
  detail: Text(5_000).default(''),
  assigneeId: Id,
  dueDate: DueDate.default(null),
});
export const UpdateSubtaskBody = z
  .strictObject({
    title: Line(200),
    detail: Text(5_000),
    assigneeId: Id,
    dueDate: DueDate,
    status: z.enum(SUBTASK_STATUSES),
    result: Text(20_000),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change.');
export const Subtask = z.object({
  id: Id,
  inquiryId: Id,
  title: z.string(),
  detail: z.string(),
  assignee: z.object({ id: Id, name: z.string() }),
  dueDate: z.string().nullable(),
  status: z.enum(SUBTASK_STATUSES),
  result: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Subtask = z.infer<typeof Subtask>;
export const SubtaskResponse = z.object({ subtask: Subtask });
export const SubtaskList = z.object({ items: z.array(Subtask), nextCursor: z.null() });

const Count = z.number().int();
export const PersonPanel = z.object({
  user: z.object({ id: Id, name: z.string() }),
  perspective: z.string().nullable(),
  contributions: Count,
  contributionsByKind: z.record(z.enum(CONTRIBUTION_KINDS), Count),
  buildOnsGiven: Count,
  buildOnsReceived: Count,
  challengesGiven: Count,
  challengesReceived: Count,
  acknowledgementsReceived: Count,
  helpGiven: Count,
  reflection: z.enum(['missing', 'incomplete', 'complete']),
  commitments: z.record(z.enum(COMMITMENT_STATUSES), Count),
});
export type PersonPanel = z.infer<typeof PersonPanel>;
export const PeopleResponse = z.object({
  items: z.array(PersonPanel),
  /** Lenses given to participants, and whether anyone has written from each yet. */
  perspectives: z.array(z.object({ perspective: z.string(), heard: z.boolean() })),
});
export type PeopleResponse = z.infer<typeof PeopleResponse>;

export const HelpRequestParams = z.strictObject({ helpRequestId: Id });
export const CreateHelpRequestBody = z.strictObject({
  body: Line(5_000),
  /** The note I am stuck on, in this inquiry. */
  contributionId: Id.optional(),
});
export const AnswerHelpRequestBody = z.strictObject({ answer: Line(10_000) });
const Person = z.object({ id: Id, name: z.string() });
export const HelpRequest = z.object({
  id: Id,
  inquiryId: Id,
  requester: Person,
  body: z.string(),
  status: z.enum(['open', 'claimed', 'answered']),
  claimedBy: Person.nullable(),
  answer: z.string().nullable(),
  answeredBy: Id.nullable(),
  answeredAt: Timestamp.nullable(),
  createdAt: Timestamp,
  /** The note it is about; null when none, deleted, or hidden from the viewer (private mode). */
  contributionId: Id.nullable(),
});
export type HelpRequest = z.infer<typeof HelpRequest>;
export const HelpRequestResponse = z.object({ helpRequest: HelpRequest });
export const HelpRequestList = z.object({ items: z.array(HelpRequest), nextCursor: z.null() });
