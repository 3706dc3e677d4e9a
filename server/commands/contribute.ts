import type { NewLink } from '../../contract/contributions.js';
import { checkLink, type LinkProblem } from '../../domain/links.js';
import {
  type Confidence,
  type ContributionKind,
  type ContributionState,
  initialState,
  isValidState,
} from '../../domain/model.js';
import { conflict, type HttpError, invalidField } from '../errors.js';
import {
  type ContributionRecord,
  deleteContribution,
  deleteLink,
  findContributions,
  insertContribution,
  insertLink,
  type LinkRecord,
  listLinksBetween,
  updateContribution,
} from '../store/contributions.js';
import type { Db } from '../store/db.js';
import { isUniqueViolation } from '../store/errors.js';
import { addParticipants, type InquiryRecord, touchInquiry } from '../store/inquiries.js';
import type { UserRecord } from '../store/users.js';

function linkError(problem: LinkProblem, path: string): HttpError {
  return problem.code === 'duplicate' ? conflict(problem.message) : invalidField(path, problem.message);
}

/** Checks and stores one link from `from`; `path` names the field for errors. */
async function addLink(
  db: Db,
  from: ContributionRecord,
  link: NewLink,
  createdBy: string,
  anonymous: boolean,
  path: string,
): Promise<LinkRecord> {
  const [to] = await findContributions(db, [link.toId]);
  // A note outside this inquiry, in this workspace or any other, gets the same answer.
  const target =
    to && to.inquiryId === from.inquiryId ? to : { id: link.toId, inquiryId: '', kind: 'idea' as const };
  const problem = checkLink(from, target, link.kind, await listLinksBetween(db, from.id, link.toId));
  if (problem) throw linkError(problem, path);
  try {
    return await insertLink(db, {
      inquiryId: from.inquiryId,
      fromId: from.id,
      toId: link.toId,
      kind: link.kind,
      createdBy,
      anonymous,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('These notes are already linked this way.');
    throw error;
  }
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
  db: Db,
  inquiry: InquiryRecord,
  author: UserRecord,
  input: ContributionInput,
): Promise<{ contribution: ContributionRecord; links: LinkRecord[] }> {
  if (input.anonymous && !inquiry.allowAnonymous) {
    throw invalidField('body.anonymous', 'This inquiry does not allow anonymous notes.');
  }
  if (inquiry.phase === 'concluded') throw conflict('This inquiry is concluded; it takes no new notes.');
  return db.transaction().execute(async (trx) => {
    const contribution = await insertContribution(trx, {
      inquiryId: inquiry.id,
      authorId: author.id,
      authorName: author.name,
      kind: input.kind,
      body: input.body,
      confidence: input.confidence,
      state: initialState(input.kind),
      anonymous: input.anonymous,
    });
    const links: LinkRecord[] = [];
    for (const [i, link] of input.links.entries()) {
      links.push(await addLink(trx, contribution, link, author.id, input.anonymous, `body.links.${i}.toId`));
    }
    await addParticipants(trx, inquiry.id, [author.id]);
    await touchInquiry(trx, inquiry.id);
    return { contribution, links };
  });
}

/** Links an existing note to another; a link made on your own anonymous note stays anonymous. */
export async function linkContributions(
  db: Db,
  from: ContributionRecord,
  link: NewLink,
  by: UserRecord,
): Promise<LinkRecord> {
  return db.transaction().execute(async (trx) => {
    const made = await addLink(
      trx,
      from,
      link,
      by.id,
      from.anonymous && from.authorId === by.id,
      'body.toId',
    );
    await addParticipants(trx, from.inquiryId, [by.id]);
    await touchInquiry(trx, from.inquiryId);
    return made;
  });
}

export async function editContribution(
  db: Db,
  contribution: ContributionRecord,
  patch: { body?: string; confidence?: Confidence; state?: ContributionState },
): Promise<void> {
  if (patch.state !== undefined && !isValidState(contribution.kind, patch.state)) {
    throw invalidField('body.state', `A ${contribution.kind} cannot be “${patch.state}”.`);
  }
  await db.transaction().execute(async (trx) => {
    await updateContribution(trx, contribution.id, patch);
    await touchInquiry(trx, contribution.inquiryId);
  });
}

export async function removeContribution(db: Db, contribution: ContributionRecord): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteContribution(trx, contribution.id);
    await touchInquiry(trx, contribution.inquiryId);
  });
}

export async function unlink(db: Db, link: LinkRecord): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteLink(trx, link.id);
    await touchInquiry(trx, link.inquiryId);
  });
}
