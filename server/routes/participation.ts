import { ContributionParams, ContributionResponse } from '../../contract/contributions.js';
import { InquiryDetail, InquiryParams } from '../../contract/inquiries.js';
import {
  AnswerHelpRequestBody,
  CommitmentList,
  CommitmentParams,
  CommitmentResponse,
  CreateCommitmentBody,
  CreateHelpRequestBody,
  CreateSubtaskBody,
  HelpRequestList,
  HelpRequestParams,
  HelpRequestResponse,
  ParticipantParams,
  PeopleResponse,
  PerspectiveBody,
  SubtaskList,
  SubtaskParams,
  SubtaskResponse,
  UpdateCommitmentBody,
  UpdateSubtaskBody,
} from '../../contract/participation.js';
import {
  accessThrough,
  authorize,
  contributionAccess,
  type InquiryAccess,
  inquiryAccess,
} from '../auth/access.js';
import { loadPrivacy } from '../auth/privacy.js';
import { requireUser } from '../auth/session.js';
import { acknowledge } from '../commands/contribute.js';
import { notifyHelpAnswered, notifyParticipants } from '../commands/notify.js';
import { assignPerspective, peoplePanels, requireParticipant } from '../commands/participate.js';
import { conflict, invalidField, notFound } from '../errors.js';
import { transact } from '../live/transact.js';
import { presentContribution, presentInquiry, presentParticipant } from '../presenters/index.js';
import {
  deleteCommitment,
  findCommitment,
  insertCommitment,
  listCommitments,
  updateCommitment,
} from '../store/commitments.js';
import { findContribution, findContributions } from '../store/contributions.js';
import type { Db } from '../store/db.js';
import {
  answerHelpRequest,
  claimHelpRequest,
  findHelpRequest,
  type HelpRequestRecord,
  insertHelpRequest,
  listHelpRequests,
} from '../store/help-requests.js';
import { findInquiry, listParticipants } from '../store/inquiries.js';
import { deleteSubtask, findSubtask, insertSubtask, listSubtasks, updateSubtask } from '../store/subtasks.js';
import { type App, type RouteContext, SESSION } from './context.js';

const tags = ['participation'];

export function participationRoutes(app: App, ctx: RouteContext): void {
  const { db, writer } = ctx;
  const access = async (request: Parameters<typeof requireUser>[1], inquiryId: string) =>
    inquiryAccess(db, await requireUser(db, request), inquiryId);
  /** Makes a change and announces it, in one transaction. */
  const write = <T>(
    granted: InquiryAccess,
    type: 'commitments.changed' | 'subtasks.changed' | 'help.changed',
    work: (trx: Db) => Promise<T>,
  ) =>
    transact(writer, async (trx, record) => {
      const result = await work(trx);
      await record(granted.inquiry.id, { type, data: { inquiryId: granted.inquiry.id } });
      return result;
    });

  app.patch(
    '/api/inquiries/:inquiryId/participants/:userId',
    {
      schema: {
        tags,
        summary: 'Give a participant a lens, or take it away (facilitator)',
        security: SESSION,
        params: ParticipantParams,
        body: PerspectiveBody,
        response: { 200: InquiryDetail },
      },
    },
    async (request) => {
      const granted = await access(request, request.params.inquiryId);
      authorize(granted, 'inquiry.assignPerspective', { facilitatorId: granted.inquiry.facilitatorId });
      await assignPerspective(writer, granted.inquiry, request.params.userId, request.body.perspective);
      const inquiry = (await findInquiry(db, granted.inquiry.id)) ?? granted.inquiry;
      return {
        inquiry: presentInquiry(inquiry),
        participants: (await listParticipants(db, inquiry)).map(presentParticipant),
      };
    },
  );

  for (const [method, on] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/api/contributions/:contributionId/acknowledgement',
      schema: {
        tags,
        summary: on ? 'Say "this helped me" about someone else’s note' : 'Take back "this helped me"',
        security: SESSION,
        params: ContributionParams,
        response: { 200: ContributionResponse },
      },
      handler: async (request) => {
        const granted = await contributionAccess(
          db,
          await requireUser(db, request),
          request.params.contributionId,
        );
        authorize(granted, 'contribution.create');
        const updated = await acknowledge(writer, granted.contribution, granted.user, on);
        return { contribution: presentContribution(updated, granted.user.id) };
      },
    });
  }

  app.get(
    '/api/inquiries/:inquiryId/people',
    {
      schema: {
        tags,
        summary: "Each participant's panel (individual accountability) and which lenses have been heard",
        security: SESSION,
        params: InquiryParams,
        response: { 200: PeopleResponse },
      },
    },
    async (request) => {
      const granted = await access(request, request.params.inquiryId);
      authorize(granted, 'inquiry.read');
      return peoplePanels(db, granted.inquiry, granted.user.id, await loadPrivacy(db, granted.inquiry));
    },
  );

  // Commitments: the actions that come out of the conclusion.
  app.get(
    '/api/inquiries/:inquiryId/commitments',
    {
      schema: {
        tags,
        summary: 'Commitments with owner, due date and status',
        security: SESSION,
        params: InquiryParams,
        response: { 200: CommitmentList },
      },
    },
    async (request) => {
      const granted = await access(request, request.params.inquiryId);
      authorize(granted, 'inquiry.read');
      return { items: await listCommitments(db, granted.inquiry.id), nextCursor: null };
    },
  );

  app.post(
    '/api/inquiries/:inquiryId/commitments',
    {
      schema: {
        tags,
        summary: 'Add a commitment owned by a participant',
        security: SESSION,
        params: InquiryParams,
        body: CreateCommitmentBody,
        response: { 201: CommitmentResponse },
      },
    },
    async (request, reply) => {
      const granted = await access(request, request.params.inquiryId);
      authorize(granted, 'contribution.create');
      await requireParticipant(db, granted.inquiry, request.body.ownerId, 'body.ownerId');
      const id = await write(granted, 'commitments.changed', (trx) =>
        insertCommitment(trx, { ...request.body, inquiryId: granted.inquiry.id, createdBy: granted.user.id }),
      );
      const commitment = await findCommitment(db, id);
      if (!commitment) throw notFound('Commitment');
      return reply.status(201).send({ commitment });
    },
  );

  const commitmentAccess = async (request: Parameters<typeof requireUser>[1], commitmentId: string) => {
    const user = await requireUser(db, request);
    const { found: commitment, ...granted } = await accessThrough(
      db,
      user,
      await findCommitment(db, commitmentId),
      'Commitment',
    );
    authorize(granted, 'commitment.edit', {
      authorId: commitment.owner.id,
      createdBy: commitment.createdBy,
      facilitatorId: granted.inquiry.facilitatorId,
    });
    return { granted, commitment };
  };

  app.patch(
    '/api/commitments/:commitmentId',
    {
      schema: {
        tags,
        summary: 'Change a commitment (its owner, its maker, the facilitator)',
        security: SESSION,
        params: CommitmentParams,
        body: UpdateCommitmentBody,
        response: { 200: CommitmentResponse },
      },
    },
    async (request) => {
      const { granted, commitment } = await commitmentAccess(request, request.params.commitmentId);
      if (request.body.ownerId)
        await requireParticipant(db, granted.inquiry, request.body.ownerId, 'body.ownerId');
      await write(granted, 'commitments.changed', (trx) =>
        updateCommitment(trx, commitment.id, request.body),
      );
      const updated = await findCommitment(db, commitment.id);
      if (!updated) throw notFound('Commitment');
      return { commitment: updated };
    },
  );

  app.delete(
    '/api/commitments/:commitmentId',
    {
      schema: {
        tags,
        summary: 'Remove a commitment (its owner, its maker, the facilitator)',
        security: SESSION,
        params: CommitmentParams,
      },
    },
    async (request, reply) => {
      const { granted, commitment } = await commitmentAccess(request, request.params.commitmentId);
      await write(granted, 'commitments.changed', (trx) => deleteCommitment(trx, commitment.id));
      return reply.status(204).send();
    },
  );

  // Subtasks: cooperative mode, where the facilitator splits the task and keeps the authority.
  app.get(
    '/api/inquiries/:inquiryId/subtasks',
    {
      schema: {
        tags,
        summary: 'The subtasks of a cooperative inquiry',
        security: SESSION,
        params: InquiryParams,
        response: { 200: SubtaskList },
      },
    },
    async (request) => {
      const granted = await access(request, request.params.inquiryId);
      authorize(granted, 'inquiry.read');
      return { items: await listSubtasks(db, granted.inquiry.id), nextCursor: null };
    },
  );

  app.post(
    '/api/inquiries/:inquiryId/subtasks',
    {
      schema: {
        tags,
        summary: 'Split off a subtask and assign it to a participant (facilitator)',
        security: SESSION,
        params: InquiryParams,
        body: CreateSubtaskBody,
        response: { 201: SubtaskResponse },
      },
    },
    async (request, reply) => {
      const granted = await access(request, request.params.inquiryId);
      authorize(granted, 'subtask.manage', { facilitatorId: granted.inquiry.facilitatorId });
      await requireParticipant(db, granted.inquiry, request.body.assigneeId, 'body.assigneeId');
      const id = await write(granted, 'subtasks.changed', (trx) =>
        insertSubtask(trx, { ...request.body, inquiryId: granted.inquiry.id }),
      );
      const subtask = await findSubtask(db, id);
      if (!subtask) throw notFound('Subtask');
      return reply.status(201).send({ subtask });
    },
  );

  const subtaskAccess = async (request: Parameters<typeof requireUser>[1], subtaskId: string) => {
    const user = await requireUser(db, request);
    const { found: subtask, ...granted } = await accessThrough(
      db,
      user,
      await findSubtask(db, subtaskId),
      'Subtask',
    );
    return { granted, subtask };
  };

  app.patch(
    '/api/subtasks/:subtaskId',
    {
      schema: {
        tags,
        summary: 'Report on a subtask (its assignee: status, result) or change it (facilitator)',
        security: SESSION,
        params: SubtaskParams,
        body: UpdateSubtaskBody,
        response: { 200: SubtaskResponse },
      },
    },
    async (request) => {
      const { granted, subtask } = await subtaskAccess(request, request.params.subtaskId);
      const { status, result, ...plan } = request.body;
      const subject = { authorId: subtask.assignee.id, facilitatorId: granted.inquiry.facilitatorId };
      if (Object.keys(plan).length > 0) authorize(granted, 'subtask.manage', subject);
      if (status !== undefined || result !== undefined) authorize(granted, 'subtask.report', subject);
      if (plan.assigneeId) await requireParticipant(db, granted.inquiry, plan.assigneeId, 'body.assigneeId');
      await write(granted, 'subtasks.changed', (trx) => updateSubtask(trx, subtask.id, request.body));
      const updated = await findSubtask(db, subtask.id);
      if (!updated) throw notFound('Subtask');
      return { subtask: updated };
    },
  );

  app.delete(
    '/api/subtasks/:subtaskId',
    { schema: { tags, summary: 'Remove a subtask (facilitator)', security: SESSION, params: SubtaskParams } },
    async (request, reply) => {
      const { granted, subtask } = await subtaskAccess(request, request.params.subtaskId);
      authorize(granted, 'subtask.manage', { facilitatorId: granted.inquiry.facilitatorId });
      await write(granted, 'subtasks.changed', (trx) => deleteSubtask(trx, subtask.id));
      return reply.status(204).send();
    },
  );

  // Help requests: "I'm stuck on…", which others claim and answer.
  app.get(
    '/api/inquiries/:inquiryId/help-requests',
    {
      schema: {
        tags,
        summary: 'Help requests, open and answered',
        security: SESSION,
        params: InquiryParams,
        response: { 200: HelpRequestList },
      },
    },
    async (request) => {
      const granted = await access(request, request.params.inquiryId);
      authorize(granted, 'inquiry.read');
      return {
        items: await presentHelpRequests(db, granted, await listHelpRequests(db, granted.inquiry.id)),
        nextCursor: null,
      };
    },
  );

  app.post(
    '/api/inquiries/:inquiryId/help-requests',
    {
      schema: {
        tags,
        summary: 'Ask for help: "I\'m stuck on…"',
        security: SESSION,
        params: InquiryParams,
        body: CreateHelpRequestBody,
        response: { 201: HelpRequestResponse },
      },
    },
    async (request, reply) => {
      const granted = await access(request, request.params.inquiryId);
      authorize(granted, 'contribution.create');
      const contributionId = request.body.contributionId ?? null;
      if (contributionId !== null) {
        const note = await findContribution(db, contributionId);
        const privacy = await loadPrivacy(db, granted.inquiry);
        if (note?.inquiryId !== granted.inquiry.id || !privacy.canSee(granted.user.id, note)) {
          throw invalidField('body.contributionId', 'Choose a note of this inquiry.');
        }
      }
      const id = await write(granted, 'help.changed', async (trx) => {
        const made = await insertHelpRequest(trx, {
          inquiryId: granted.inquiry.id,
          requesterId: granted.user.id,
          body: request.body.body,
          contributionId,
        });
        await notifyParticipants(trx, granted.inquiry, {
          kind: 'help_request',
          actorId: granted.user.id,
          subjectId: made,
          summary: request.body.body,
          except: granted.user.id,
        });
        return made;
      });
      return reply
        .status(201)
        .send({ helpRequest: await presentHelpRequest(granted, await mustFindHelp(id)) });
    },
  );

  const helpAccess = async (request: Parameters<typeof requireUser>[1], helpRequestId: string) => {
    const user = await requireUser(db, request);
    const { found: help, ...granted } = await accessThrough(
      db,
      user,
      await findHelpRequest(db, helpRequestId),
      'Help request',
    );
    authorize(granted, 'help.answer', { authorId: help.requester.id });
    return { granted, help };
  };
  const presentHelpRequest = async (granted: InquiryAccess, help: HelpRequestRecord) =>
    (await presentHelpRequests(db, granted, [help]))[0] as ReturnType<typeof presentHelp>;
  const mustFindHelp = async (id: string) => {
    const help = await findHelpRequest(db, id);
    if (!help) throw notFound('Help request');
    return help;
  };

  app.post(
    '/api/help-requests/:helpRequestId/claim',
    {
      schema: {
        tags,
        summary: 'Pick up a help request',
        security: SESSION,
        params: HelpRequestParams,
        response: { 200: HelpRequestResponse },
      },
    },
    async (request) => {
      const { granted, help } = await helpAccess(request, request.params.helpRequestId);
      const claimed = await write(granted, 'help.changed', (trx) =>
        claimHelpRequest(trx, help.id, granted.user.id),
      );
      if (!claimed) throw conflict('Someone has already picked this up.');
      return { helpRequest: await presentHelpRequest(granted, await mustFindHelp(help.id)) };
    },
  );

  app.post(
    '/api/help-requests/:helpRequestId/answer',
    {
      schema: {
        tags,
        summary: 'Answer a help request',
        security: SESSION,
        params: HelpRequestParams,
        body: AnswerHelpRequestBody,
        response: { 200: HelpRequestResponse },
      },
    },
    async (request) => {
      const { granted, help } = await helpAccess(request, request.params.helpRequestId);
      if (help.answer !== null) throw conflict('This help request has already been answered.');
      if (help.claimedBy && help.claimedBy.id !== granted.user.id)
        throw conflict(`${help.claimedBy.name} has picked this up.`);
      await write(granted, 'help.changed', async (trx) => {
        // Checked again in the write: someone may have answered or picked it up since it was read.
        if (!(await answerHelpRequest(trx, help.id, granted.user.id, request.body.answer)))
          throw conflict('Someone else has answered or picked this up.');
        await notifyHelpAnswered(trx, granted.inquiry, {
          helpRequestId: help.id,
          requesterId: help.requester.id,
          answererId: granted.user.id,
          answer: request.body.answer,
        });
      });
      return { helpRequest: await presentHelpRequest(granted, await mustFindHelp(help.id)) };
    },
  );
}

/** Help requests as the viewer may see them: a pointer to a note hidden from them (private mode) is dropped. */
async function presentHelpRequests(db: Db, granted: InquiryAccess, items: HelpRequestRecord[]) {
  const ids = [...new Set(items.flatMap((h) => (h.contributionId ? [h.contributionId] : [])))];
  const privacy = ids.length > 0 ? await loadPrivacy(db, granted.inquiry) : null;
  const notes = await findContributions(db, ids);
  const visible = new Set(notes.filter((n) => privacy?.canSee(granted.user.id, n)).map((n) => n.id));
  return items.map((h) =>
    presentHelp({
      ...h,
      contributionId: h.contributionId && visible.has(h.contributionId) ? h.contributionId : null,
    }),
  );
}

function presentHelp(h: HelpRequestRecord) {
  return {
    ...h,
    status:
      h.answer !== null ? ('answered' as const) : h.claimedBy ? ('claimed' as const) : ('open' as const),
  };
}
