import { z } from 'zod';
import { CONFIDENCES, CONTRIBUTION_KINDS, CONTRIBUTION_STATES, LINK_KINDS } from '../domain/model.js';
import { PersonRef } from './accounts.js';
import { Id, MAX_PAGE, Timestamp } from './common.js';

export const MAX_BODY = 20_000;

export const ContributionKind = z.enum(CONTRIBUTION_KINDS);
export const Confidence = z.enum(CONFIDENCES);
export const ContributionState = z.enum(CONTRIBUTION_STATES);
export const LinkKind = z.enum(LINK_KINDS);

export const ContributionParams = z.strictObject({ contributionId: Id });
export const LinkParams = z.strictObject({ linkId: Id });

const Body = z
  .string()
  .max(MAX_BODY, `At most ${MAX_BODY} characters.`)
  .refine((s) => s.trim().length > 0, 'Write something first.');

export const NewLink = z.strictObject({ toId: Id, kind: LinkKind });
export type NewLink = z.infer<typeof NewLink>;

export const CreateContributionBody = z.strictObject({
  kind: ContributionKind,
  body: Body,
  confidence: Confidence.default('leaning'),
  anonymous: z.boolean().default(false),
  links: z.array(NewLink).max(20).default([]),
});
export type CreateContributionBody = z.input<typeof CreateContributionBody>;

export const UpdateContributionBody = z
  .strictObject({ body: Body, confidence: Confidence, state: ContributionState })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change.');
export type UpdateContributionBody = z.input<typeof UpdateContributionBody>;

export const Contribution = z.object({
  id: Id,
  inquiryId: Id,
  kind: ContributionKind,
  body: z.string(),
  confidence: Confidence,
  state: ContributionState.nullable(),
  anonymous: z.boolean(),
  /** Null for an anonymous note, to everyone but its author. */
  author: PersonRef.nullable(),
  isMine: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The lens the author wrote from (jigsaw perspectives); null for an anonymous note, to all but its author. */
  perspective: z.string().nullable(),
  /** How many people said "this helped me", and whether you did. */
  acknowledgements: z.number().int(),
  acknowledgedByMe: z.boolean(),
});
export type Contribution = z.infer<typeof Contribution>;
export const ContributionResponse = z.object({ contribution: Contribution });

export const Link = z.object({
  id: Id,
  fromId: Id,
  toId: Id,
  kind: LinkKind,
  /** Null when the link was made with an anonymous note, to everyone but its maker. */
  createdBy: Id.nullable(),
  createdAt: Timestamp,
});
export type Link = z.infer<typeof Link>;
export const LinkResponse = z.object({ link: Link });

export const ContributionListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(MAX_PAGE),
  cursor: Id.optional(),
  kind: ContributionKind.optional(),
  mine: z.enum(['true', 'false']).optional(),
});
/** A page of contributions with the links that start from them. */
export const ContributionList = z.object({
  items: z.array(Contribution),
  links: z.array(Link),
  nextCursor: z.string().nullable(),
});
export type ContributionList = z.infer<typeof ContributionList>;
