import { randomUUID } from 'node:crypto';
import {
  AnswerBody,
  ConclusionResponse,
  ObjectBody,
  ObjectionParams,
  ProposeBody,
  ReflectionBody,
  ReflectionList,
} from '../../contract/consent.js';
import { InquiryParams } from '../../contract/inquiries.js';
import type { Proposal } from '../../domain/mechanics/consent.js';
import { consentState } from '../../domain/mechanics/consent.js';
import { authorize, type InquiryAccess, inquiryAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { proposeConclusion, respondToConclusion, voicesOf } from '../commands/consent.js';
import { reflect, reflectionsOf } from '../commands/reflect.js';
import { findProposal } from '../store/conclusions.js';
import type { Db } from '../store/db.js';
import { type App, type RouteContext, SESSION } from './context.js';

const tags = ['consent'];

async function presentConclusion(db: Db, access: InquiryAccess, proposal: Proposal | null) {
  if (!proposal) return { conclusion: null };
  return { conclusion: { proposal, state: consentState(proposal, await voicesOf(db, access.inquiry)) } };
}

export function consentRoutes(app: App, ctx: RouteContext): void {
  const { db, writer } = ctx;
  const access = async (request: Parameters<typeof requireUser>[1], inquiryId: string) => {
    const granted = await inquiryAccess(db, await requireUser(db, request), inquiryId);
    authorize(granted, 'inquiry.read');
    return granted;
  };
  const schema = { tags, security: SESSION, params: InquiryParams, response: { 200: ConclusionResponse } };
  const withObjection = { ...schema, params: ObjectionParams };
  /** Runs one answer to the proposal and returns the conclusion as it now stands. */
  const respond = async (granted: InquiryAccess, response: Parameters<typeof respondToConclusion>[2]) => {
    const actor = { inquiry: granted.inquiry, actorId: granted.user.id };
    return presentConclusion(db, granted, await respondToConclusion(writer, actor, response));
  };

  app.get(
    '/api/inquiries/:inquiryId/conclusion',
    {
      schema: {
        ...schema,
        summary: 'The proposed conclusion, its history, and who the consent is waiting for',
      },
    },
    async (request) => {
      const granted = await access(request, request.params.inquiryId);
      return presentConclusion(db, granted, (await findProposal(db, granted.inquiry.id))?.proposal ?? null);
    },
  );

  app.post(
    '/api/inquiries/:inquiryId/conclusion',
    {
      schema: {
        ...schema,
        summary: 'Propose the conclusion, or a new version (synthesizing)',
        body: ProposeBody,
      },
    },
    async (request) => {
      const granted = await access(request, request.params.inquiryId);
      const actor = { inquiry: granted.inquiry, actorId: granted.user.id };
      return presentConclusion(db, granted, await proposeConclusion(writer, actor, request.body));
    },
  );

  app.post(
    '/api/inquiries/:inquiryId/conclusion/endorse',
    { schema: { ...schema, summary: 'Endorse the current version' } },
    async (request) => respond(await access(request, request.params.inquiryId), { kind: 'endorse' }),
  );

  app.post(
    '/api/inquiries/:inquiryId/conclusion/objections',
    { schema: { ...schema, summary: 'Object to the current version, with a reason', body: ObjectBody } },
    async (request) =>
      respond(await access(request, request.params.inquiryId), {
        kind: 'object',
        reason: request.body.reason,
        id: randomUUID(),
      }),
  );

  app.post(
    '/api/inquiries/:inquiryId/conclusion/objections/:objectionId/answer',
    {
      schema: {
        ...withObjection,
        summary: 'Answer an objection (the proposer or the facilitator)',
        body: AnswerBody,
      },
    },
    async (request) =>
      respond(await access(request, request.params.inquiryId), {
        kind: 'answer',
        objectionId: request.params.objectionId,
        response: request.body.response,
      }),
  );

  app.post(
    '/api/inquiries/:inquiryId/conclusion/objections/:objectionId/withdraw',
    { schema: { ...withObjection, summary: 'Withdraw your objection' } },
    async (request) =>
      respond(await access(request, request.params.inquiryId), {
        kind: 'withdraw',
        objectionId: request.params.objectionId,
      }),
  );

  app.post(
    '/api/inquiries/:inquiryId/conclusion/objections/:objectionId/stand',
    { schema: { ...withObjection, summary: 'Let your answered objection stand on record' } },
    async (request) =>
      respond(await access(request, request.params.inquiryId), {
        kind: 'stand',
        objectionId: request.params.objectionId,
      }),
  );

  app.post(
    '/api/inquiries/:inquiryId/conclusion/adopt',
    {
      schema: {
        ...schema,
        summary:
          'Adopt the conclusion: by consent in collaborative mode, by the facilitator in cooperative mode',
      },
    },
    async (request) => respond(await access(request, request.params.inquiryId), { kind: 'adopt' }),
  );

  app.get(
    '/api/inquiries/:inquiryId/reflections',
    {
      schema: {
        tags,
        summary: "Everyone's reflections, and who the inquiry is still waiting for",
        security: SESSION,
        params: InquiryParams,
        response: { 200: ReflectionList },
      },
    },
    async (request) => reflectionsOf(db, (await access(request, request.params.inquiryId)).inquiry),
  );

  app.put(
    '/api/inquiries/:inquiryId/reflections/mine',
    {
      schema: {
        tags,
        summary: 'Write or rewrite your reflection (reflecting)',
        security: SESSION,
        params: InquiryParams,
        body: ReflectionBody,
        response: { 200: ReflectionList },
      },
    },
    async (request) => {
      const granted = await access(request, request.params.inquiryId);
      await reflect(writer, granted.inquiry, { ...request.body, userId: granted.user.id });
      return reflectionsOf(db, granted.inquiry);
    },
  );
}
