import {
  CreateInquiryBody,
  InquiryDetail,
  InquiryList,
  InquiryListQuery,
  InquiryParams,
  InquiryResponse,
  UpdateInquiryBody,
} from '../../contract/inquiries.js';
import { WorkspaceParams } from '../../contract/workspaces.js';
import { authorize, inquiryAccess, workspaceAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { frameInquiry, reframeInquiry } from '../commands/frame-inquiry.js';
import { presentInquiry, presentInquirySummary, presentParticipant } from '../presenters/index.js';
import { listInquiries, listParticipants } from '../store/inquiries.js';
import { type App, type RouteContext, SESSION } from './context.js';

const tags = ['inquiries'];

export function inquiryRoutes(app: App, ctx: RouteContext): void {
  const { db, writer } = ctx;

  app.post(
    '/api/workspaces/:workspaceId/inquiries',
    {
      schema: {
        tags,
        summary: 'Frame an inquiry (owner, facilitator); you facilitate it',
        security: SESSION,
        params: WorkspaceParams,
        body: CreateInquiryBody,
        response: { 201: InquiryResponse },
      },
    },
    async (request, reply) => {
      const access = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(access, 'inquiry.create');
      const inquiry = await frameInquiry(writer, {
        ...request.body,
        workspaceId: access.workspace.id,
        facilitatorId: access.user.id,
      });
      return reply.status(201).send({ inquiry: presentInquiry(inquiry) });
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/inquiries',
    {
      schema: {
        tags,
        summary: "A workspace's inquiries, newest first",
        security: SESSION,
        params: WorkspaceParams,
        querystring: InquiryListQuery,
        response: { 200: InquiryList },
      },
    },
    async (request) => {
      const access = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(access, 'inquiry.read');
      const page = await listInquiries(db, {
        workspaceId: access.workspace.id,
        viewerId: access.user.id,
        ...request.query,
      });
      return { items: page.items.map(presentInquirySummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/inquiries/:inquiryId',
    {
      schema: {
        tags,
        summary: 'An inquiry and its participants',
        security: SESSION,
        params: InquiryParams,
        response: { 200: InquiryDetail },
      },
    },
    async (request) => {
      const access = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(access, 'inquiry.read');
      const participants = await listParticipants(db, access.inquiry);
      return { inquiry: presentInquiry(access.inquiry), participants: participants.map(presentParticipant) };
    },
  );

  app.patch(
    '/api/inquiries/:inquiryId',
    {
      schema: {
        tags,
        summary: "Change an inquiry's framing, settings or participants (its facilitator)",
        security: SESSION,
        params: InquiryParams,
        body: UpdateInquiryBody,
        response: { 200: InquiryDetail },
      },
    },
    async (request) => {
      const access = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(access, 'inquiry.update', { facilitatorId: access.inquiry.facilitatorId });
      const inquiry = await reframeInquiry(writer, access.inquiry, request.body);
      const participants = await listParticipants(db, inquiry);
      return { inquiry: presentInquiry(inquiry), participants: participants.map(presentParticipant) };
    },
  );
}
