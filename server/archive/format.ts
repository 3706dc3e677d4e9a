import { z } from 'zod';
import { Id } from '../../contract/common.js';
import { Proposal } from '../../contract/consent.js';
import { InsightRule, UnderstandingItem, UnderstandingResult } from '../../contract/insights.js';
import { GateSettings, Missing, StoredFitCheck } from '../../contract/mechanics.js';
import { WEBHOOK_FORMATS } from '../../contract/webhooks.js';
import {
  CONFIDENCES,
  CONTRIBUTION_KINDS,
  CONTRIBUTION_STATES,
  LINK_KINDS,
  MODES,
  PHASES,
  ROLES,
} from '../../domain/model.js';

// The workspace archive (docs/archive.md): a gzip'd tar holding manifest.json first, then each kind of
// record as NDJSON parts in the order below (a record only points at kinds before it), then the synthesis
// documents as binary Yjs updates. One record mirrors one table row (column names kept); JSON columns are
// written as JSON, and what only one person may see, or what is a credential, is not there at all.
// Every record is checked against these schemas on import: an archive is input.

export const ARCHIVE_FORMAT = 'colearn.workspace';
export const ARCHIVE_VERSION = 1;

const Time = z.string().min(1).max(32);
const Text = (max: number) => z.string().max(max);
const Bool = z.union([z.literal(0), z.literal(1)]);
const Int = z.number().int();

const Workspace = z.strictObject({ id: Id, name: Text(200), created_at: Time, pulse_threshold: Int });
const User = z.strictObject({ id: Id, email: z.email().max(254), name: Text(200), created_at: Time });
const Member = z.strictObject({ workspace_id: Id, user_id: Id, role: z.enum(ROLES), created_at: Time });
const InsightSettings = z.strictObject({
  workspace_id: Id,
  thresholds: z.record(z.string(), z.number()),
  updated_at: Time,
});
const FacilitatorPrompt = z.strictObject({
  id: Id,
  workspace_id: Id,
  rule: InsightRule,
  text: Text(2_000),
  addressed_to: z.enum(['group', 'person']),
  updated_at: Time,
});
/** Without its signing secret: an imported webhook arrives switched off, with a new secret. */
const Webhook = z.strictObject({
  id: Id,
  workspace_id: Id,
  url: Text(2_000),
  events: Text(500),
  format: z.enum(WEBHOOK_FORMATS),
  description: Text(200).nullable(),
  active: Bool,
  created_by: Id,
  created_at: Time,
});
/** Without last_seq: the event log does not travel, an imported inquiry starts a fresh one. */
const Inquiry = z.strictObject({
  id: Id,
  workspace_id: Id,
  title: Text(200),
  question: Text(2_000),
  context: Text(20_000),
  success_criteria: Text(20_000),
  mode: z.enum(MODES),
  phase: z.enum(PHASES),
  allow_anonymous: Bool,
  facilitator_id: Id,
  created_at: Time,
  updated_at: Time,
  last_activity_at: Time,
  private_mode: Bool,
  leader_speaks_last: Bool,
  revealed_at: Time.nullable(),
  gate_settings: GateSettings.nullable(),
  fit_check: StoredFitCheck.nullable(),
  private_phases: z.array(z.enum(PHASES)),
});
const Participant = z.strictObject({
  inquiry_id: Id,
  user_id: Id,
  perspective: Text(80).nullable(),
  joined_at: Time,
});
const PhaseChange = z.strictObject({
  id: Id,
  inquiry_id: Id,
  from_phase: z.enum(PHASES),
  to_phase: z.enum(PHASES),
  moved_by: Id,
  override_reason: Text(2_000).nullable(),
  missing: z.array(Missing),
  privacy: z.enum(['started', 'revealed']).nullable(),
  created_at: Time,
});
/** An anonymous note has no author here (null), and no perspective: a lens held by one person names them. */
const Contribution = z
  .strictObject({
    id: Id,
    inquiry_id: Id,
    author_id: Id.nullable(),
    kind: z.enum(CONTRIBUTION_KINDS),
    body: Text(20_000),
    confidence: z.enum(CONFIDENCES),
    state: z.enum(CONTRIBUTION_STATES).nullable(),
    anonymous: Bool,
    created_at: Time,
    updated_at: Time,
    perspective: Text(80).nullable(),
  })
  .refine((c) => (c.anonymous === 1) === (c.author_id === null), {
    message: 'An anonymous note has no author and a named note has one.',
    path: ['author_id'],
  });
/** A link made with an anonymous note has no maker here (null), like the note's author. */
const Link = z
  .strictObject({
    id: Id,
    inquiry_id: Id,
    from_id: Id,
    to_id: Id,
    kind: z.enum(LINK_KINDS),
    created_by: Id.nullable(),
    anonymous: Bool,
    created_at: Time,
  })
  .refine((l) => (l.anonymous === 1) === (l.created_by === null), {
    message: 'An anonymous link has no maker and a named link has one.',
    path: ['created_by'],
  });
const Acknowledgement = z.strictObject({ contribution_id: Id, user_id: Id, created_at: Time });
const Conclusion = z.strictObject({ inquiry_id: Id, proposal: Proposal, revision: Int, updated_at: Time });
const Reflection = z.strictObject({
  inquiry_id: Id,
  user_id: Id,
  learned: Text(20_000),
  still_unclear: Text(20_000),
  keep: Text(20_000),
  change: Text(20_000),
  teach_back: Text(20_000),
  updated_at: Time,
});
const DueDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Commitment = z.strictObject({
  id: Id,
  inquiry_id: Id,
  text: Text(2_000),
  owner_id: Id,
  due_date: DueDate.nullable(),
  status: z.enum(['open', 'done', 'dropped']),
  created_by: Id,
  created_at: Time,
  updated_at: Time,
});
const Subtask = z.strictObject({
  id: Id,
  inquiry_id: Id,
  title: Text(200),
  detail: Text(20_000),
  assignee_id: Id,
  due_date: DueDate.nullable(),
  status: z.enum(['todo', 'doing', 'done']),
  result: Text(20_000),
  created_at: Time,
  updated_at: Time,
});
const HelpRequest = z.strictObject({
  id: Id,
  inquiry_id: Id,
  requester_id: Id,
  body: Text(20_000),
  claimed_by: Id.nullable(),
  answer: Text(20_000).nullable(),
  answered_by: Id.nullable(),
  answered_at: Time.nullable(),
  created_at: Time,
  /** The note the person is stuck on, if they asked from one. */
  contribution_id: Id.nullable(),
});
/** A check travels closed, with its agreement as it stood; nobody's ranking or theory. */
const UnderstandingCheck = z.strictObject({
  id: Id,
  inquiry_id: Id,
  stage: z.enum(['exploring', 'reflecting']),
  items: z.array(UnderstandingItem),
  opened_by: Id,
  opened_at: Time,
  closed_at: Time,
  result: UnderstandingResult,
});
/** A pulse travels closed, with how many answered and, only when its results were shown, the item sums. */
const Pulse = z.strictObject({
  id: Id,
  workspace_id: Id,
  inquiry_id: Id.nullable(),
  opened_by: Id,
  opened_at: Time,
  closes_at: Time.nullable(),
  closed_at: Time,
  threshold: Int,
  responses: Int.min(0),
  sums: z.array(Int.min(0)).length(7).nullable(),
});
const AskedPrompt = z.strictObject({
  id: Id,
  inquiry_id: Id,
  rule: InsightRule,
  finding_id: Text(200),
  prompt_id: Id.nullable(),
  contribution_id: Id,
  asked_by: Id,
  asked_at: Time,
});

/** Every kind of record, in archive order: a record refers only to records of kinds listed before it. */
export const RECORD_SCHEMAS = {
  workspace: Workspace,
  users: User,
  members: Member,
  insight_settings: InsightSettings,
  facilitator_prompts: FacilitatorPrompt,
  webhooks: Webhook,
  inquiries: Inquiry,
  participants: Participant,
  phase_changes: PhaseChange,
  contributions: Contribution,
  links: Link,
  acknowledgements: Acknowledgement,
  conclusions: Conclusion,
  reflections: Reflection,
  commitments: Commitment,
  subtasks: Subtask,
  help_requests: HelpRequest,
  understanding_checks: UnderstandingCheck,
  pulses: Pulse,
  asked_prompts: AskedPrompt,
} as const;

export type RecordKind = keyof typeof RECORD_SCHEMAS;
export const RECORD_KINDS = Object.keys(RECORD_SCHEMAS) as RecordKind[];
export type ArchiveRecord<K extends RecordKind> = z.infer<(typeof RECORD_SCHEMAS)[K]>;

export const Manifest = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: Time,
  source: z.strictObject({ app: z.literal('colearn'), version: z.string().max(40) }),
  workspaceId: Id,
  /** How many records of each kind follow, and how many synthesis documents. */
  counts: z.strictObject(
    Object.fromEntries(RECORD_KINDS.map((k) => [k, z.number().int().min(0)])) as Record<
      RecordKind,
      z.ZodNumber
    >,
  ),
  documents: z.number().int().min(0),
});
export type Manifest = z.infer<typeof Manifest>;

/** `contributions/00001.ndjson`: the kind and the part's number. */
export const partName = (kind: RecordKind, part: number): string =>
  `${kind}/${String(part).padStart(5, '0')}.ndjson`;
export const PART_NAME = /^([a-z_]+)\/(\d{5})\.ndjson$/;

/** A synthesis document "inquiry:<id>:synthesis" is stored as documents/inquiry.<id>.synthesis.bin. */
export const documentFile = (inquiryId: string): string => `documents/inquiry.${inquiryId}.synthesis.bin`;
export const DOCUMENT_FILE = /^documents\/inquiry\.([0-9a-f-]{36})\.synthesis\.bin$/;
