import type { z } from 'zod';
import { InquiryParams } from '../../contract/inquiries.js';
import {
  OpenUnderstandingBody,
  UnderstandingCheckList,
  UnderstandingCheckResponse,
  UnderstandingParams,
  UnderstandingResponseBody,
} from '../../contract/insights.js';
import { accessThrough, authorize, type InquiryAccess, inquiryAccess } from '../auth/access.js';
import { loadPrivacy } from '../auth/privacy.js';
import { requireUser } from '../auth/session.js';
import { conflict, forbidden, HttpError, invalidField, notFound } from '../errors.js';
import { transact } from '../live/transact.js';
import { presentCheck } from '../presenters/understanding.js';
import type { Db } from '../store/db.js';
import { listParticipants } from '../store/inquiries.js';
import {
  type CheckRecord,
  closeCheck,
  findCheck,
  insertCheck,
  listChecks,
  saveResponse,
  type UnderstandingItemRecord,
} from '../store/understanding.js';
import { type App, type RouteContext, SESSION } from './context.js';

// The shared-understanding check: the facilitator opens one per stage (exploring, reflecting), each
// participant privately ranks the candidate explanations and writes their theory. Only the author ever
// gets their ranking back; the console sees agreement (server/insights/understanding.ts).

const tags = ['understanding'];
const LABEL_MAX = 200;

function labelOf(body: string): string {
  const line =
    body
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? body.trim();
  return line.length > LABEL_MAX ? `${line.slice(0, LABEL_MAX - 1)}…` : line;
}

async function checkFor(db: Db, check: CheckRecord, viewerId: string) {
  const found = (await listChecks(db, check.inquiryId, viewerId)).find((c) => c.id === check.id);
  if (!found) throw notFound('Understanding check');
  return presentCheck(found);
}

/** The inquiry's hypotheses every participant can see, as the default items. */
async function hypothesisItems(
  db: Db,
  granted: InquiryAccess,
): Promise<Omit<UnderstandingItemRecord, 'id'>[]> {
  const [rows, privacy, participants] = await Promise.all([
    db
      .selectFrom('contributions')
      .select(['id', 'body', 'author_id', 'created_at'])
      .where('inquiry_id', '=', granted.inquiry.id)
      .where('kind', '=', 'hypothesis')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    loadPrivacy(db, granted.inquiry),
    listParticipants(db, granted.inquiry),
  ]);
  // In private mode a hypothesis not yet revealed to everyone would be revealed by the check itself.
  const visibleToAll = rows.filter((r) =>
    participants.every((p) => privacy.canSee(p.user.id, { authorId: r.author_id, createdAt: r.created_at })),
  );
  return visibleToAll.slice(0, 20).map((r) => ({ label: labelOf(r.body), contributionId: r.id }));
}

export function understandingRoutes(app: App, ctx: RouteContext): void {
  const { db, writer } = ctx;
  const access = async (request: Parameters<typeof requireUser>[1], inquiryId: string) => {
    const granted = await inquiryAccess(db, await requireUser(db, request), inquiryId);
    authorize(granted, 'inquiry.read');
    return granted;
  };
  const checkAccess = async (request: Parameters<typeof requireUser>[1], checkId: string) => {
    const { found, ...granted } = await accessThrough(
      db,
      await requireUser(db, request),
      await findCheck(db, checkId),
      'Understanding check',
    );
    return { granted: granted as InquiryAccess, check: found };
  };
  const announce = (inquiryId: string, work: (trx: Db) => Promise<void>) =>
    transact(writer, async (trx, record) => {
      await work(trx);
      await record(inquiryId, { type: 'understanding.changed', data: { inquiryId } });
    });

  app.post(
    '/api/inquiries/:inquiryId/understanding',
    {
      schema: {
        tags,
        summary:
          "Open a shared-understanding check for a stage (facilitator); items default to the inquiry's hypotheses",
        security: SESSION,
        params: InquiryParams,
        body: OpenUnderstandingBody,
        response: { 201: UnderstandingCheckResponse },
      },
    },
    async (request, reply) => {
      const granted = await access(request, request.params.inquiryId);
      authorize(granted, 'understanding.manage', { facilitatorId: granted.inquiry.facilitatorId });
      if (granted.inquiry.phase === 'concluded') throw conflict('The inquiry is concluded.');
      const { stage } = request.body;
      let items = request.body.items;
      if (items) {
        const ids = [
          ...new Set(items.map((i) => i.contributionId).filter((id): id is string => id !== null)),
        ];
        const found =
          ids.length === 0
            ? []
            : await db
                .selectFrom('contributions')
                .select('id')
                .where('id', 'in', ids)
                .where('inquiry_id', '=', granted.inquiry.id)
                .execute();
        const known = new Set(found.map((f) => f.id));
        const bad = items.findIndex((i) => i.contributionId !== null && !known.has(i.contributionId));
        if (bad >= 0) throw invalidField(`body.items.${bad}.contributionId`, 'Not a note of this inquiry.');
      } else {
        items = await hypothesisItems(db, granted);
      }
      if (items.length < 2) {
        throw invalidField(
          'body.items',
          request.body.items
            ? 'List at least two options to rank.'
            : 'The inquiry has fewer than two hypotheses everyone can see; list the options to rank.',
        );
      }
      const list = items;
      let opened: CheckRecord | null = null;
      await announce(granted.inquiry.id, async (trx) => {
        opened = await insertCheck(trx, {
          inquiryId: granted.inquiry.id,
          stage,
          items: list,
          openedBy: granted.user.id,
        });
        if (!opened) throw conflict(`A check for ${stage} is already open; close it first.`);
      });
      const check = await checkFor(db, opened as unknown as CheckRecord, granted.user.id);
      return reply.status(201).send({ check });
    },
  );

  app.get(
    '/api/inquiries/:inquiryId/understanding',
    {
      schema: {
        tags,
        summary: "The inquiry's understanding checks, each with your own answer only",
        security: SESSION,
        params: InquiryParams,
        response: { 200: UnderstandingCheckList },
      },
    },
    async (request) => {
      const granted = await access(request, request.params.inquiryId);
      return {
        items: (await listChecks(db, granted.inquiry.id, granted.user.id)).map(presentCheck),
        nextCursor: null,
      };
    },
  );

  app.put(
    '/api/understanding/:checkId/response',
    {
      schema: {
        tags,
        summary: 'Rank the explanations and write your theory, privately (participants, while open)',
        security: SESSION,
        params: UnderstandingParams,
        body: UnderstandingResponseBody,
        response: { 200: UnderstandingCheckResponse },
      },
    },
    async (request) => {
      const { granted, check } = await checkAccess(request, request.params.checkId);
      const participants = await listParticipants(db, granted.inquiry);
      if (!participants.some((p) => p.user.id === granted.user.id)) {
        throw forbidden("Only the inquiry's participants take part in the check.");
      }
      if (check.closedAt !== null) throw conflict('This check is closed.');
      const { ranking, theory } = request.body as z.infer<typeof UnderstandingResponseBody>;
      const ids = new Set(check.items.map((i) => i.id));
      if (
        ranking.length !== ids.size ||
        new Set(ranking).size !== ranking.length ||
        !ranking.every((id) => ids.has(id))
      ) {
        throw new HttpError(400, 'invalid_input', 'Rank every option once.', [
          { path: 'body.ranking', message: `Rank each of the ${ids.size} options exactly once.` },
        ]);
      }
      await announce(granted.inquiry.id, (trx) =>
        saveResponse(trx, check.id, granted.user.id, { ranking, theory }),
      );
      return { check: await checkFor(db, check, granted.user.id) };
    },
  );

  app.post(
    '/api/understanding/:checkId/close',
    {
      schema: {
        tags,
        summary: 'Close a check (facilitator); its agreement then appears in the console',
        security: SESSION,
        params: UnderstandingParams,
        response: { 200: UnderstandingCheckResponse },
      },
    },
    async (request) => {
      const { granted, check } = await checkAccess(request, request.params.checkId);
      authorize(granted, 'understanding.manage', { facilitatorId: granted.inquiry.facilitatorId });
      if (check.closedAt === null) await announce(granted.inquiry.id, (trx) => closeCheck(trx, check.id));
      return { check: await checkFor(db, check, granted.user.id) };
    },
  );
}
