import { ErrorBody } from '../../contract/common.js';
import { InquiryParams, InquiryResponse } from '../../contract/inquiries.js';
import {
  FitCheckBody,
  FitCheckResult,
  GateStatus,
  MovePhaseBody,
  PhaseHistory,
} from '../../contract/mechanics.js';
import { fitCheck } from '../../domain/mechanics/fit-check.js';
import { authorize, inquiryAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { gateStatus, movePhase } from '../commands/move-phase.js';
import { revealNotes } from '../commands/reveal.js';
import { presentInquiry } from '../presenters/index.js';
import { listPhaseChanges } from '../store/inquiries.js';
import { type App, type RouteContext, SESSION } from './context.js';

const tags = ['mechanics'];

export function mechanicsRoutes(app: App, ctx: RouteContext): void {
  const { db, writer, live } = ctx;

  app.post(
    '/api/fit-check',
    {
      schema: {
        tags,
        summary:
          'Score the "when to deploy" questionnaire: individual, cooperative or collaborative, with reasons',
        security: SESSION,
        body: FitCheckBody,
        response: { 200: FitCheckResult },
      },
    },
    async (request) => {
      await requireUser(db, request);
      return fitCheck(request.body.answers);
    },
  );

  app.get(
    '/api/inquiries/:inquiryId/gate',
    {
      schema: {
        tags,
        summary: 'The gate into the next phase: met or not, and who the group is still waiting for',
        security: SESSION,
        params: InquiryParams,
        response: { 200: GateStatus },
      },
    },
    async (request) => {
      const access = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(access, 'inquiry.read');
      return gateStatus(db, access.inquiry);
    },
  );

  app.post(
    '/api/inquiries/:inquiryId/phase',
    {
      schema: {
        tags,
        summary: 'Move the inquiry one phase on (gate met, or with a recorded reason) or back (facilitator)',
        security: SESSION,
        params: InquiryParams,
        body: MovePhaseBody,
        response: { 200: InquiryResponse, 409: ErrorBody },
      },
    },
    async (request) => {
      const access = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(access, 'inquiry.movePhase', { facilitatorId: access.inquiry.facilitatorId });
      const inquiry = await movePhase(writer, access.inquiry, {
        to: request.body.phase,
        overrideReason: request.body.overrideReason,
        movedBy: access.user.id,
      });
      // Concluded (or reopened): the synthesis turns read-only (or editable) for those who have it open too.
      if (inquiry.phase === 'concluded' || access.inquiry.phase === 'concluded')
        await live.recheckDocuments(inquiry.id);
      return { inquiry: presentInquiry(inquiry) };
    },
  );

  app.get(
    '/api/inquiries/:inquiryId/phases',
    {
      schema: {
        tags,
        summary: 'Every phase move, with overrides and what was missing then',
        security: SESSION,
        params: InquiryParams,
        response: { 200: PhaseHistory },
      },
    },
    async (request) => {
      const access = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(access, 'inquiry.read');
      return { items: await listPhaseChanges(db, access.inquiry.id) };
    },
  );

  app.post(
    '/api/inquiries/:inquiryId/reveal',
    {
      schema: {
        tags,
        summary: 'End private mode for every note written so far (facilitator)',
        security: SESSION,
        params: InquiryParams,
        response: { 200: InquiryResponse },
      },
    },
    async (request) => {
      const access = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(access, 'inquiry.reveal', { facilitatorId: access.inquiry.facilitatorId });
      return { inquiry: presentInquiry(await revealNotes(writer, access.inquiry)) };
    },
  );
}
