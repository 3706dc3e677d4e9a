import type { CardNote, LibraryCard, LibraryList } from '../../contract/library.js';
import { versionThatCounts } from '../../domain/insights/resilience.js';
import { visibleAuthorId } from '../../domain/visibility.js';
import type { InquiryAccess, WorkspaceAccess } from '../auth/access.js';
import { loadPrivacy } from '../auth/privacy.js';
import { invalidField } from '../errors.js';
import { loadInquiryResilience } from '../insights/resilience.js';
import { findProposal } from '../store/conclusions.js';
import type { Db } from '../store/db.js';
import { findInquiry, type InquiryRecord } from '../store/inquiries.js';
import {
  type CardNoteRecord,
  concludedAtOf,
  countParticipants,
  decodeLibraryCursor,
  listConcluded,
  listNotesById,
  listOpenNotes,
  listStillUnclear,
} from '../store/library.js';

// A library card: what an inquiry concluded and how far it can be trusted — the question, the adopted
// conclusion, the notes it rests on, what stayed open, what people still did not understand, and who can
// explain it. Notes obey the board's rules for the viewer (private mode, leader speaks last, anonymity);
// who can explain it is the knowledge-resilience answer (server/insights/resilience.ts).

function presentNote(note: CardNoteRecord, viewerId: string): CardNote {
  const authorId = visibleAuthorId(note, viewerId);
  return {
    id: note.id,
    kind: note.kind,
    state: note.state,
    body: note.body,
    author: authorId ? { id: authorId, name: note.authorName } : null,
  };
}

/** Who can explain the conclusion, or — before there is one — the inquiry. */
async function explainersOf(db: Db, inquiryId: string) {
  const resilience = await loadInquiryResilience(db, inquiryId);
  const subject = resilience.conclusions[0] ?? resilience.inquiry;
  return subject.holders.filter((h) => h.canExplain).map((h) => h.user);
}

async function assembleCard(
  db: Db,
  inquiry: InquiryRecord,
  viewerId: string,
  knownConcludedAt?: string,
): Promise<LibraryCard> {
  const stored = await findProposal(db, inquiry.id);
  const adopted = stored?.proposal.adopted ? versionThatCounts(stored.proposal) : null;
  const restsOnIds = adopted?.restsOn ?? [];
  const [restsOn, open, privacy, stillUnclear, canExplain, participantCount, concludedAt] = await Promise.all(
    [
      listNotesById(db, inquiry.id, restsOnIds),
      listOpenNotes(db, inquiry.id),
      loadPrivacy(db, inquiry),
      listStillUnclear(db, inquiry.id),
      explainersOf(db, inquiry.id),
      countParticipants(db, inquiry.id),
      knownConcludedAt !== undefined ? knownConcludedAt : concludedAtOf(db, inquiry.workspaceId, inquiry.id),
    ],
  );
  const visible = (n: CardNoteRecord) => privacy.canSee(viewerId, n);
  const byId = new Map(restsOn.filter(visible).map((n) => [n.id, n]));
  return {
    inquiry: { id: inquiry.id, title: inquiry.title, question: inquiry.question, phase: inquiry.phase },
    concludedAt,
    conclusion: adopted?.text ?? null,
    // In the order the proposer listed them.
    restsOn: restsOnIds.flatMap((id) => {
      const note = byId.get(id);
      return note ? [presentNote(note, viewerId)] : [];
    }),
    stayedOpen: open.filter(visible).map((n) => presentNote(n, viewerId)),
    stillUnclear,
    canExplain,
    participantCount,
  };
}

/** The card of one inquiry, concluded or not (its conclusion is null until one is adopted). */
export async function loadLibraryCard(db: Db, access: InquiryAccess): Promise<LibraryCard> {
  return assembleCard(db, access.inquiry, access.user.id);
}

/** A page of the workspace's library: its concluded inquiries as cards, the most recently concluded first. */
export async function loadLibrary(
  db: Db,
  access: WorkspaceAccess,
  query: { limit: number; cursor?: string },
): Promise<LibraryList> {
  const after = query.cursor === undefined ? undefined : decodeLibraryCursor(query.cursor);
  if (after === null) throw invalidField('query.cursor', 'This is not a cursor from a previous page.');
  const page = await listConcluded(db, { workspaceId: access.workspace.id, limit: query.limit, after });
  const items = await Promise.all(
    page.items.map(async (ref) => {
      const inquiry = await findInquiry(db, ref.id);
      return inquiry ? assembleCard(db, inquiry, access.user.id, ref.concludedAt) : null;
    }),
  );
  return { items: items.filter((c): c is LibraryCard => c !== null), nextCursor: page.nextCursor };
}
