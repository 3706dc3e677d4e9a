import { z } from 'zod';
import { PersonRef } from './accounts.js';
import { Id, Timestamp } from './common.js';
import { Proposal, Reflection } from './consent.js';
import { Confidence, ContributionKind, ContributionState, LinkKind } from './contributions.js';
import { Inquiry, InquiryParams, Participant } from './inquiries.js';
import { Commitment, Subtask } from './participation.js';

// An inquiry as a file: readable Markdown, a JSON document, or CSV tables. What the exporter may see is
// what is exported, and anonymous notes stay anonymous in every format, even in their author's own export.

export const EXPORT_FORMATS = ['markdown', 'json', 'contributions-csv', 'links-csv'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportParams = InquiryParams;
export const ExportQuery = z.strictObject({ format: ExportFormat.default('markdown') });

export const ExportedContribution = z.object({
  id: Id,
  kind: ContributionKind,
  body: z.string(),
  confidence: Confidence,
  state: ContributionState.nullable(),
  /** Null for an anonymous note. */
  author: PersonRef.nullable(),
  anonymous: z.boolean(),
  perspective: z.string().nullable(),
  acknowledgements: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ExportedContribution = z.infer<typeof ExportedContribution>;

export const ExportedLink = z.object({ id: Id, fromId: Id, toId: Id, kind: LinkKind, createdAt: Timestamp });
export type ExportedLink = z.infer<typeof ExportedLink>;

export const InquiryExport = z.object({
  format: z.literal('colearn.inquiry'),
  version: z.literal(1),
  exportedAt: Timestamp,
  inquiry: Inquiry,
  participants: z.array(Participant),
  contributions: z.array(ExportedContribution),
  links: z.array(ExportedLink),
  /** The co-edited synthesis as Markdown. */
  synthesis: z.string(),
  conclusion: Proposal.nullable(),
  reflections: z.array(Reflection),
  commitments: z.array(Commitment),
  subtasks: z.array(Subtask),
});
export type InquiryExport = z.infer<typeof InquiryExport>;
