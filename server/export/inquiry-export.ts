import { synthesisDocumentName } from '../../contract/collab.js';
import { MAX_PAGE } from '../../contract/common.js';
import type { ExportedContribution, InquiryExport } from '../../contract/export.js';
import type { InquiryAccess } from '../auth/access.js';
import { loadPrivacy } from '../auth/privacy.js';
import { reflectionsOf } from '../commands/reflect.js';
import { presentInquiry, presentParticipant } from '../presenters/index.js';
import { listCommitments } from '../store/commitments.js';
import { findProposal } from '../store/conclusions.js';
import {
  type ContributionRecord,
  type LinkRecord,
  listContributions,
  listLinksFrom,
} from '../store/contributions.js';
import type { Db } from '../store/db.js';
import { loadDocumentUpdates } from '../store/documents.js';
import { now } from '../store/ids.js';
import { listParticipants } from '../store/inquiries.js';
import { listSubtasks } from '../store/subtasks.js';
import { synthesisMarkdownFromUpdates } from './synthesis-markdown.js';

// Everything of an inquiry the exporter may see, as one document that the Markdown, JSON and CSV formats
// are written from. Visibility follows the board (private mode, leader speaks last); anonymous notes lose
// their author for everyone, the exporter included, because a file travels further than a screen.

function exportContribution(c: ContributionRecord): ExportedContribution {
  return {
    id: c.id,
    kind: c.kind,
    body: c.body,
    confidence: c.confidence,
    state: c.state,
    author: c.anonymous ? null : { id: c.authorId, name: c.authorName },
    anonymous: c.anonymous,
    // A lens held by one person would name the author of an anonymous note.
    perspective: c.anonymous ? null : c.perspective,
    acknowledgements: c.acknowledgedBy.length,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** Every note and link of the inquiry the viewer may see, oldest first. */
async function visibleGraph(db: Db, access: InquiryAccess) {
  const privacy = await loadPrivacy(db, access.inquiry);
  const viewer = access.user.id;
  const notes: ContributionRecord[] = [];
  const links: LinkRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listContributions(db, { inquiryId: access.inquiry.id, limit: MAX_PAGE, cursor });
    notes.push(...page.items.filter((c) => privacy.canSee(viewer, c)));
    links.push(
      ...(await listLinksFrom(
        db,
        page.items.map((c) => c.id),
      )),
    );
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const seen = new Set(notes.map((c) => c.id));
  // A link is exported only when the viewer may see both of its ends (a hidden end would leak through it).
  const visibleLinks = links.filter((l) => seen.has(l.fromId) && seen.has(l.toId));
  return { notes, links: visibleLinks };
}

export async function loadInquiryExport(db: Db, access: InquiryAccess): Promise<InquiryExport> {
  const { inquiry } = access;
  const [graph, participants, proposal, reflections, commitments, subtasks, synthesis] = await Promise.all([
    visibleGraph(db, access),
    listParticipants(db, inquiry),
    findProposal(db, inquiry.id),
    reflectionsOf(db, inquiry),
    listCommitments(db, inquiry.id),
    listSubtasks(db, inquiry.id),
    loadDocumentUpdates(db, synthesisDocumentName(inquiry.id)),
  ]);
  return {
    format: 'colearn.inquiry',
    version: 1,
    exportedAt: now(),
    inquiry: presentInquiry(inquiry),
    participants: participants.map(presentParticipant),
    contributions: graph.notes.map(exportContribution),
    links: graph.links.map((l) => ({
      id: l.id,
      fromId: l.fromId,
      toId: l.toId,
      kind: l.kind,
      createdAt: l.createdAt,
    })),
    synthesis: synthesisMarkdownFromUpdates(synthesis),
    conclusion: proposal?.proposal ?? null,
    reflections: reflections.items,
    commitments,
    subtasks,
  };
}
