import {
  ContributionList,
  ContributionListQuery,
  ContributionParams,
  ContributionResponse,
  CreateContributionBody,
  LinkParams,
  LinkResponse,
  NewLink,
  UpdateContributionBody,
} from '../../contract/contributions.js';
import { InquiryParams } from '../../contract/inquiries.js';
import { authorize, contributionAccess, inquiryAccess, linkAccess } from '../auth/access.js';
import { loadPrivacy, type Privacy } from '../auth/privacy.js';
import { requireUser } from '../auth/session.js';
import {
  editContribution,
  linkContributions,
  postContribution,
  removeContribution,
  unlink,
} from '../commands/contribute.js';
import { presentContribution, presentLink } from '../presenters/index.js';
import {
  type ContributionRecord,
  findContributions,
  listContributions,
  listLinksFrom,
} from '../store/contributions.js';
import type { Db } from '../store/db.js';
import { type App, type RouteContext, SESSION } from './context.js';

const tags = ['contributions'];

export function contributionRoutes(app: App, ctx: RouteContext): void {
  const { db, writer } = ctx;

  app.get(
    '/api/inquiries/:inquiryId/contributions',
    {
      schema: {
        tags,
        summary: "A page of an inquiry's notes, oldest first, with the links they make",
        security: SESSION,
        params: InquiryParams,
        querystring: ContributionListQuery,
        response: { 200: ContributionList },
      },
    },
    async (request) => {
      const access = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(access, 'inquiry.read');
      const { limit, cursor, kind, mine } = request.query;
      const page = await listContributions(db, {
        inquiryId: access.inquiry.id,
        limit,
        cursor,
        kind,
        authorId: mine === 'true' ? access.user.id : undefined,
      });
      const viewer = access.user.id;
      // Private mode: a page may come back shorter than the limit; the cursor still walks every note.
      const privacy = await loadPrivacy(db, access.inquiry);
      const items = page.items.filter((c) => privacy.canSee(viewer, c));
      const links = await visibleLinks(db, privacy, viewer, items);
      return {
        items: items.map((c) => presentContribution(c, viewer)),
        links: links.map((l) => presentLink(l, viewer)),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    '/api/inquiries/:inquiryId/contributions',
    {
      schema: {
        tags,
        summary: 'Post a note, with links to the notes it builds on',
        security: SESSION,
        params: InquiryParams,
        body: CreateContributionBody,
        response: { 201: ContributionResponse },
      },
    },
    async (request, reply) => {
      const access = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(access, 'contribution.create');
      const { contribution } = await postContribution(writer, access.inquiry, access.user, request.body);
      return reply.status(201).send({ contribution: presentContribution(contribution, access.user.id) });
    },
  );

  app.patch(
    '/api/contributions/:contributionId',
    {
      schema: {
        tags,
        summary: 'Edit a note (author) or change its state (author, facilitator)',
        security: SESSION,
        params: ContributionParams,
        body: UpdateContributionBody,
        response: { 200: ContributionResponse },
      },
    },
    async (request) => {
      const access = await contributionAccess(
        db,
        await requireUser(db, request),
        request.params.contributionId,
      );
      const subject = { authorId: access.contribution.authorId, facilitatorId: access.inquiry.facilitatorId };
      const { state, ...content } = request.body;
      if (Object.keys(content).length > 0) authorize(access, 'contribution.edit', subject);
      if (state !== undefined) authorize(access, 'contribution.setState', subject);
      const updated = await editContribution(writer, access.contribution, request.body);
      return { contribution: presentContribution(updated, access.user.id) };
    },
  );

  app.delete(
    '/api/contributions/:contributionId',
    {
      schema: {
        tags,
        summary: 'Delete a note and its links (author, facilitator)',
        security: SESSION,
        params: ContributionParams,
      },
    },
    async (request, reply) => {
      const access = await contributionAccess(
        db,
        await requireUser(db, request),
        request.params.contributionId,
      );
      authorize(access, 'contribution.delete', {
        authorId: access.contribution.authorId,
        facilitatorId: access.inquiry.facilitatorId,
      });
      await removeContribution(writer, access.contribution);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/contributions/:contributionId/links',
    {
      schema: {
        tags,
        summary: 'Link this note to another (builds on, supports, challenges, answers, synthesizes)',
        security: SESSION,
        params: ContributionParams,
        body: NewLink,
        response: { 201: LinkResponse },
      },
    },
    async (request, reply) => {
      const access = await contributionAccess(
        db,
        await requireUser(db, request),
        request.params.contributionId,
      );
      authorize(access, 'link.create');
      const link = await linkContributions(
        writer,
        access.contribution,
        request.body,
        access.user,
        access.privacy,
      );
      return reply.status(201).send({ link: presentLink(link, access.user.id) });
    },
  );

  app.delete(
    '/api/links/:linkId',
    {
      schema: {
        tags,
        summary: 'Remove a link (its maker, facilitator)',
        security: SESSION,
        params: LinkParams,
      },
    },
    async (request, reply) => {
      const access = await linkAccess(db, await requireUser(db, request), request.params.linkId);
      authorize(access, 'link.delete', {
        createdBy: access.link.createdBy,
        facilitatorId: access.inquiry.facilitatorId,
      });
      await unlink(writer, access.link);
      return reply.status(204).send();
    },
  );
}

/** The links starting at these notes whose other end the viewer may see too. */
async function visibleLinks(db: Db, privacy: Privacy, viewerId: string, from: ContributionRecord[]) {
  const links = await listLinksFrom(
    db,
    from.map((c) => c.id),
  );
  if (!privacy.active) return links;
  const known = new Map(from.map((c) => [c.id, c]));
  const unknown = [...new Set(links.map((l) => l.toId).filter((id) => !known.has(id)))];
  for (const c of await findContributions(db, unknown)) known.set(c.id, c);
  return links.filter((l) => {
    const to = known.get(l.toId);
    return to !== undefined && privacy.canSee(viewerId, to);
  });
}
