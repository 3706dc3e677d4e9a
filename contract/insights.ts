import { z } from 'zod';
import { INSIGHT_RULES, SEVERITIES } from '../domain/insights/rules.js';
import { PersonRef } from './accounts.js';
import { Id, Line, Timestamp } from './common.js';
import { Contribution } from './contributions.js';

// The facilitator's console (#5): findings with their suggested questions, participation, knowledge
// resilience and the shared-understanding check. Every figure says which rule fired on what.

export const InsightRule = z.enum(INSIGHT_RULES);
export const Severity = z.enum(SEVERITIES);

export const InsightSubject = z.object({ type: z.enum(['contribution', 'user']), id: Id });
export type InsightSubject = z.infer<typeof InsightSubject>;

/** A suggested question once the facilitator has posted it into the inquiry. */
export const AskedPrompt = z.object({
  /** The question contribution the facilitator posted. */
  contributionId: Id,
  askedAt: Timestamp,
  /** True once a contribution `answers` it. */
  answered: z.boolean(),
});

/** A posted question as the console tracks it, also once its finding has cleared. */
export const AskedPromptStatus = AskedPrompt.extend({
  findingId: z.string(),
  rule: InsightRule,
  promptId: Id.nullable(),
  /** False once the finding it was asked about no longer holds (the group took it up). */
  findingOpen: z.boolean(),
});
export type AskedPromptStatus = z.infer<typeof AskedPromptStatus>;

export const Finding = z.object({
  /** Stable while the finding holds: the rule and its subjects, e.g. `silent_participant:<userId>`. */
  id: z.string(),
  rule: InsightRule,
  severity: Severity,
  /** Plain words: what the rule saw, on which notes or people, and the threshold it used. */
  explanation: z.string(),
  subjects: z.array(InsightSubject),
  /** The facilitator prompt suggested for this finding, with names filled in. */
  question: z.string(),
  /** The person the question is addressed to, or null for the whole group. */
  addressedTo: PersonRef.nullable(),
  /** The prompt in the workspace's library the question came from. */
  promptId: Id.nullable(),
  asked: AskedPrompt.nullable(),
});
export type Finding = z.infer<typeof Finding>;

const Count = z.number().int().min(0);

export const PersonParticipation = z.object({
  user: PersonRef,
  role: z.enum(['facilitator', 'participant']),
  perspective: z.string().nullable(),
  contributions: Count,
  /** Builds-on and challenges this person made on others' notes. */
  buildOns: Count,
  challenges: Count,
  acknowledgementsGiven: Count,
  acknowledgementsReceived: Count,
  /** This person's share of all attributed contributions, 0..1. */
  share: z.number(),
  firstContributionAt: Timestamp.nullable(),
  lastContributionAt: Timestamp.nullable(),
});
export type PersonParticipation = z.infer<typeof PersonParticipation>;

export const Participation = z.object({
  people: z.array(PersonParticipation),
  /** Anonymous notes are counted here and never attributed to anyone. */
  anonymousContributions: Count,
  /** Contributions, build-ons and acknowledgements per person per time bucket, oldest first. */
  bucket: z.enum(['hour', 'day', 'week']),
  timeline: z.array(
    z.object({
      start: Timestamp,
      userId: Id,
      contributions: Count,
      buildOns: Count,
      acknowledgements: Count,
    }),
  ),
  /** Who builds on (or challenges, supports, answers) whom: an edge per ordered pair of people. */
  network: z.array(z.object({ from: Id, to: Id, count: Count })),
  balance: z.object({
    /** Gini coefficient of contributions per person (0 = everyone equal, 1 = one voice). */
    gini: z.number(),
    topVoice: PersonRef.nullable(),
    topShare: z.number(),
    facilitatorShare: z.number(),
    /** 1 / number of people: what an equal share would be. */
    fairShare: z.number(),
  }),
});
export type Participation = z.infer<typeof Participation>;

/** Why a person counts as able to explain a piece of knowledge. */
export const HolderReason = z.enum(['contributed', 'endorsed', 'taught_back']);
export const KnowledgeHolder = z.object({
  user: PersonRef,
  reasons: z.array(HolderReason),
  /** Holders who can explain it: taught it back, or contributed to it and endorsed it. */
  canExplain: z.boolean(),
});
export type KnowledgeHolder = z.infer<typeof KnowledgeHolder>;

export const KnowledgeResilience = z.object({
  /** The inquiry or the conclusion this is about. */
  subject: z.object({ type: z.enum(['inquiry', 'conclusion']), id: Id, title: z.string() }),
  holders: z.array(KnowledgeHolder),
  /** How many of the people who can explain it must be away before nobody left can (0 = nobody can now). */
  busFactor: Count,
});
export type KnowledgeResilience = z.infer<typeof KnowledgeResilience>;

export const AwayImpact = z.object({
  user: PersonRef,
  /** Bus factors with this person away, for the inquiry and each conclusion. */
  busFactorAfter: Count,
  /** Subjects nobody left could explain. */
  lost: z.array(z.object({ type: z.enum(['inquiry', 'conclusion']), id: Id, title: z.string() })),
});
export type AwayImpact = z.infer<typeof AwayImpact>;

export const InquiryResilience = z.object({
  inquiry: KnowledgeResilience,
  conclusions: z.array(KnowledgeResilience),
  /** "What if X were away", for every person involved, the facilitator included. */
  away: z.array(AwayImpact),
});
export type InquiryResilience = z.infer<typeof InquiryResilience>;

export const WorkspaceResilience = z.object({
  topics: z.array(
    z.object({
      inquiry: z.object({ id: Id, title: z.string(), phase: z.string() }),
      busFactor: Count,
      holders: z.array(PersonRef),
    }),
  ),
  /** People who are the only one able to explain at least one topic. */
  singlePointsOfFailure: z.array(z.object({ user: PersonRef, topics: z.array(Id) })),
  away: z.array(AwayImpact),
});
export type WorkspaceResilience = z.infer<typeof WorkspaceResilience>;

// Shared understanding check: private rankings of the inquiry's candidate explanations, compared with
// Kendall's W. Individual rankings and theories are returned to their author only.

export const UNDERSTANDING_STAGES = ['exploring', 'reflecting'] as const;
export const UnderstandingStage = z.enum(UNDERSTANDING_STAGES);
export const UnderstandingItem = z.object({ id: Id, label: z.string(), contributionId: Id.nullable() });
export const UnderstandingCheck = z.object({
  id: Id,
  inquiryId: Id,
  stage: UnderstandingStage,
  items: z.array(UnderstandingItem),
  openedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  responses: Count,
  /** The viewer's own answer, never anyone else's. */
  myResponse: z.object({ ranking: z.array(Id), theory: z.string() }).nullable(),
});
export type UnderstandingCheck = z.infer<typeof UnderstandingCheck>;

export const OpenUnderstandingBody = z.strictObject({
  stage: UnderstandingStage,
  /** Options the facilitator lists; without them the inquiry's hypotheses are the items. */
  items: z
    .array(z.strictObject({ label: Line(200), contributionId: Id.nullable().default(null) }))
    .max(20)
    .optional(),
});
export const UnderstandingResponseBody = z.strictObject({
  /** Every item id once, most convincing first. */
  ranking: z.array(Id).min(2).max(20),
  theory: Line(600),
});
export const UnderstandingParams = z.strictObject({ checkId: Id });
export const UnderstandingCheckResponse = z.object({ check: UnderstandingCheck });
export const UnderstandingCheckList = z.object({ items: z.array(UnderstandingCheck), nextCursor: z.null() });

export const UnderstandingResult = z.object({
  checkId: Id,
  stage: UnderstandingStage,
  responses: Count,
  /** Kendall's coefficient of concordance with tie correction; null with fewer than two rankings. */
  w: z.number().nullable(),
  /** Per item: mean rank and spread; `split` when the group disagrees on it. */
  items: z.array(
    z.object({ id: Id, label: z.string(), meanRank: z.number(), spread: z.number(), split: z.boolean() }),
  ),
});
export const Understanding = z.object({
  before: UnderstandingResult.nullable(),
  after: UnderstandingResult.nullable(),
});
export type Understanding = z.infer<typeof Understanding>;

export const InsightsResponse = z.object({
  findings: z.array(Finding),
  participation: Participation,
  resilience: InquiryResilience,
  understanding: Understanding,
  /** When the figures were last brought up to date, and the live event they include. */
  computedAt: Timestamp,
  seq: z.number().int(),
  /** Every suggested question posted into the inquiry, newest first: answered yet, and whether its finding still holds. */
  askedPrompts: z.array(AskedPromptStatus),
});
export type InsightsResponse = z.infer<typeof InsightsResponse>;

// Facilitator prompts: the library suggested questions come from, editable per workspace.
export const Prompt = z.object({
  id: Id,
  rule: InsightRule,
  /** May use {person}, {note} and {lens}, filled in from the finding's subjects. */
  text: z.string(),
  addressedTo: z.enum(['group', 'person']),
  updatedAt: Timestamp,
});
export type Prompt = z.infer<typeof Prompt>;
export const PromptList = z.object({ items: z.array(Prompt), nextCursor: z.null() });
export type PromptList = z.infer<typeof PromptList>;
export type UnderstandingCheckList = z.infer<typeof UnderstandingCheckList>;
export type UnderstandingResult = z.infer<typeof UnderstandingResult>;
export type OpenUnderstandingBody = z.input<typeof OpenUnderstandingBody>;
export type UnderstandingResponseBody = z.infer<typeof UnderstandingResponseBody>;
export type AskedPrompt = z.infer<typeof AskedPrompt>;

export const PromptParams = z.strictObject({ workspaceId: Id, promptId: Id });
export const PromptResponse = z.object({ prompt: Prompt });
export const UpdatePromptBody = z.strictObject({
  text: Line(600),
  addressedTo: z.enum(['group', 'person']),
});
/** Without a rule, every prompt goes back to its default. */
export const ResetPromptsBody = z.strictObject({ rule: InsightRule.optional() });

const Minutes = z
  .number()
  .int('Whole minutes.')
  .min(0, 'Not negative.')
  .max(60 * 24 * 60, 'At most 60 days.');
const Share = z.number().min(0, 'Between 0 and 1.').max(1, 'Between 0 and 1.');
const Notes = z.number().int('A whole number.').min(0, 'Not negative.').max(10_000, 'At most 10,000.');
/** The thresholds a workspace may tune; a PUT may send only the ones it changes. */
export const InsightThresholdsSchema = z.strictObject({
  untestedAssumptionMinutes: Minutes,
  unusedEvidenceMinutes: Minutes,
  unsupportedHypothesisMinutes: Minutes,
  unansweredQuestionMinutes: Minutes,
  silentParticipantMinutes: Minutes,
  dominantVoiceGini: Share,
  dominantVoiceShare: Share,
  facilitatorShareMultiple: z.number().min(1, 'At least 1 (a fair share).').max(10, 'At most 10.'),
  noChallengesMinContributions: Notes,
  balanceMinContributions: Notes,
  prematureConvergenceOpenItems: Notes,
  unheardLensMinContributions: Notes,
});
export const UpdateInsightSettingsBody = InsightThresholdsSchema.partial();
export const InsightSettingsResponse = z.object({
  thresholds: InsightThresholdsSchema,
  /** The defaults, for a form's "reset" button. */
  defaults: InsightThresholdsSchema,
});

export const AskInsightBody = z.strictObject({ findingId: z.string().min(1).max(300) });
export const AskInsightResponse = z.object({ contribution: Contribution, finding: Finding });
