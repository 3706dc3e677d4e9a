import type { NewLink } from '../../contract/contributions.js';
import { checkLink, type LinkProblem } from '../../domain/links.js';
import {
  type Confidence,
  type ContributionKind,
  type ContributionState,
  initialState,
  isValidState,
} from '../../domain/model.js';
import { loadPrivacy, type Privacy } from '../auth/privacy.js';
import { conflict, type HttpError, invalidField, notFound } from '../errors.js';
import { type Record, transact, type Writer } from '../live/transact.js';
import {
  type ContributionRecord,
  deleteContribution,
  deleteLink,
  findContribution,
  findContributions,
  insertContribution,
  insertLink,
  type LinkRecord,
  listLinksBetween,
  setAcknowledgement,
  updateContribution,
} from '../store/contributions.js';
import type { Db } from '../store/db.js';
import { isUniqueViolation } from '../store/errors.js';
import { addParticipants, findPerspective, type InquiryRecord } from '../store/inquiries.js';
import type { UserRecord } from '../store/users.js';
import { enqueueNoteCreated, enqueueRevealedNotes, OUTSIDER } from '../webhooks/outbox.js';
import { notifyAboutNote, notifyAboutRevealedNotes } from './notify.js';

function linkError(problem: LinkProblem, path: string): HttpError {
  return problem.code === 'duplicate' ? conflict(problem.message) : invalidField(path, problem.message);
}

const timing = (c: ContributionRecord) => ({ authorId: c.authorId, createdAt: c.createdAt });

/** Checks and stores one link from `from`, and logs it; `path` names the field for errors. */
async function addLink(
  db: Db,
  record: Record,
  from: ContributionRecord,
  link: NewLink,
  by: { id: string; privacy: Privacy },
  anonymous: boolean,
  path: string,
): Promise<LinkRecord> {
  const [found] = await findContributions(db, [link.toId]);
  // A note outside this inquiry, in this workspace or any other, or one the linker may not see yet, gets
  // the same answer.
  const to = found && found.inquiryId === from.inquiryId && by.privacy.canSee(by.id, found) ? found : null;
  const target = to ?? { id: link.toId, inquiryId: '', kind: 'idea' as const };
  const problem = checkLink(from, target, link.kind, await listLinksBetween(db, from.id, link.toId));
  if (problem) throw linkError(problem, path);
  if (!to) throw invalidField(path, 'Both notes must belong to the same inquiry.');
  let made: LinkRecord;
  try {
    made = await insertLink(db, {
      inquiryId: from.inquiryId,
      fromId: from.id,
      toId: to.id,
      kind: link.kind,
      createdBy: by.id,
      anonymous,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('These notes are already linked this way.');
    throw error;
  }
  await record(from.inquiryId, {
    type: 'link.created',
    data: { ...made, ends: { from: timing(from), to: timing(to) } },
  });
  return made;
}

/** Someone acting on an inquiry becomes one of its participants, and the others hear so. */
async function join(trx: Db, record: Record, inquiryId: string, person: UserRecord): Promise<void> {
  const added = await addParticipants(trx, inquiryId, [person.id]);
  if (added.length > 0)
    await record(inquiryId, {
      type: 'participant.joined',
      data: { user: { id: person.id, name: person.name } },
    });
}

export interface ContributionInput {
  kind: ContributionKind;
  body: string;
  confidence: Confidence;
  anonymous: boolean;
  links: NewLink[];
}

/** Posts a note with the links it makes; the author joins the inquiry if they had not yet. */
export async function postContribution(
  writer: Writer,
  inquiry: InquiryRecord,
  author: UserRecord,
  input: ContributionInput,
  /** More to write in the same transaction once the note and its links exist (e.g. the console's record of a question asked). */
  andThen?: (trx: Db, made: { contribution: ContributionRecord; links: LinkRecord[] }) => Promise<void>,
): Promise<{ contribution: ContributionRecord; links: LinkRecord[] }> {
  if (input.anonymous && !inquiry.allowAnonymous) {
    throw invalidField('body.anonymous', 'This inquiry does not allow anonymous notes.');
  }
  if (inquiry.phase === 'concluded') throw conflict('This inquiry is concluded; it takes no new notes.');
  return transact(writer, async (trx, record) => {
    const privacy = await loadPrivacy(trx, inquiry);
    const contribution = await insertContribution(trx, {
      inquiryId: inquiry.id,
      authorId: author.id,
      authorName: author.name,
      kind: input.kind,
      body: input.body,
      confidence: input.confidence,
      state: initialState(input.kind),
      anonymous: input.anonymous,
      perspective: await findPerspective(trx, inquiry.id, author.id),
    });
    // Joining is announced before the note, and an anonymous author's joining not at all: the two
    // events side by side would name them.
    if (!input.anonymous) await join(trx, record, inquiry.id, author);
    else await addParticipants(trx, inquiry.id, [author.id]);
    await record(inquiry.id, { type: 'contribution.created', data: contribution });
    // Outside tools hear of a note only when every member may see it, and never who wrote an anonymous one.
    if (privacy.canSee(OUTSIDER, contribution)) await enqueueNoteCreated(trx, inquiry, contribution);
    // The last member to post lets the leader speak: their held-back notes become visible.
    if (privacy.leaderWaits() && !privacy.withPoster(author.id).leaderWaits()) {
      await record(inquiry.id, { type: 'notes.revealed', data: { reason: 'leader_may_speak' } });
      const after = privacy.withPoster(author.id);
      await notifyAboutRevealedNotes(trx, inquiry, privacy, after);
      await enqueueRevealedNotes(trx, inquiry, privacy, after);
    }
    const links: LinkRecord[] = [];
    const linker = { id: author.id, privacy };
    for (const [i, link] of input.links.entries()) {
      links.push(
        await addLink(trx, record, contribution, link, linker, input.anonymous, `body.links.${i}.toId`),
      );
    }
    await notifyAboutNote(trx, inquiry, contribution, links, privacy.withPoster(author.id));
    await andThen?.(trx, { contribution, links });
    return { contribution, links };
  });
}

/** Links an existing note to another; a link made on your own anonymous note stays anonymous. */
export async function linkContributions(
  writer: Writer,
  from: ContributionRecord,
  link: NewLink,
  by: UserRecord,
  privacy: Privacy,
): Promise<LinkRecord> {
  return transact(writer, async (trx, record) => {
    const anonymous = from.anonymous && from.authorId === by.id;
    if (!anonymous) await join(trx, record, from.inquiryId, by);
    const made = await addLink(trx, record, from, link, { id: by.id, privacy }, anonymous, 'body.toId');
    return made;
  });
}

export async function editContribution(
  writer: Writer,
  contribution: ContributionRecord,
  patch: { body?: string; confidence?: Confidence; state?: ContributionState },
): Promise<ContributionRecord> {
  if (patch.state !== undefined && !isValidState(contribution.kind, patch.state)) {
    throw invalidField('body.state', `A ${contribution.kind} cannot be “${patch.state}”.`);
  }
  return transact(writer, async (trx, record) => {
    await updateContribution(trx, contribution.id, patch);
    const updated = await findContribution(trx, contribution.id);
    if (!updated) throw notFound('Contribution');
    await record(contribution.inquiryId, { type: 'contribution.updated', data: updated });
    return updated;
  });
}

export async function removeContribution(writer: Writer, contribution: ContributionRecord): Promise<void> {
  await transact(writer, async (trx, record) => {
    await deleteContribution(trx, contribution.id);
    await record(contribution.inquiryId, {
      type: 'contribution.deleted',
      data: { id: contribution.id, ...timing(contribution) },
    });
  });
}

export async function unlink(writer: Writer, link: LinkRecord): Promise<void> {
  await transact(writer, async (trx, record) => {
    await deleteLink(trx, link.id);
    await record(link.inquiryId, { type: 'link.deleted', data: { id: link.id } });
  });
}

/** "This helped me": someone else's note only; the author hears it through the updated note. */
export async function acknowledge(
  writer: Writer,
  contribution: ContributionRecord,
  by: UserRecord,
  on: boolean,
): Promise<ContributionRecord> {
  if (contribution.authorId === by.id) throw conflict('Acknowledge what helped you in someone else’s note.');
  return transact(writer, async (trx, record) => {
    if (await setAcknowledgement(trx, contribution.id, by.id, on)) {
      const updated = await findContribution(trx, contribution.id);
      if (!updated) throw notFound('Contribution');
      await record(contribution.inquiryId, { type: 'contribution.updated', data: updated });
      return updated;
    }
    return contribution;
  });
}
