import { InquiryParams } from '../../contract/inquiries.js';
import {
  CreatePulseBody,
  type Pulse,
  PulseList,
  PulseParams,
  PulseResponse,
  PulseResponseBody,
  PulseResults,
  WorkspaceSettingsBody,
  WorkspaceSettingsResponse,
} from '../../contract/pulses.js';
import { WorkspaceParams } from '../../contract/workspaces.js';
import { effectiveThreshold, pulseResults, resultsVisible, scorePulse } from '../../domain/insights/pulse.js';
import { authorize, inquiryAccess, type WorkspaceAccess, workspaceAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { notifyPulseOpened } from '../commands/notify.js';
import { conflict, forbidden, invalidField, notFound } from '../errors.js';
import { transact } from '../live/transact.js';
import type { Db } from '../store/db.js';
import { now } from '../store/ids.js';
import { type InquiryRecord, listParticipants } from '../store/inquiries.js';
import { markSubjectRead } from '../store/notifications.js';
import {
  answeredBy,
  answerSums,
  closedAtOf,
  closePulse,
  commentsOf,
  findOpenPulse,
  findPulse,
  insertAnswer,
  insertPulse,
  isClosed,
  listPulses,
  type PulseRecord,
  pulseThreshold,
  responseCounts,
  setPulseThreshold,
} from '../store/pulses.js';
import { listMembers, lockWorkspace } from '../store/workspaces.js';
import { type App, type RouteContext, SESSION } from './context.js';

// The psychological-safety pulse. Privacy rules (docs/insights.md): answers are stored apart from who
// answered; nobody's answer is ever returned, evented or exported; results are aggregates shown only once
// the pulse is closed and at least k people answered, so a visible figure never changes and no two views
// differ by fewer than k answers; comments only with at least k of them, shuffled.

const tags = ['pulses'];

type Requester = Parameters<typeof requireUser>[1];

async function presentPulses(db: Db, pulses: readonly PulseRecord[], viewerId: string): Promise<Pulse[]> {
  const ids = pulses.map((p) => p.id);
  const [counts, mine] = await Promise.all([responseCounts(db, ids), answeredBy(db, ids, viewerId)]);
  const at = now();
  return pulses.map((p) => ({
    id: p.id,
    workspaceId: p.workspaceId,
    inquiryId: p.inquiryId,
    openedBy: p.openedBy,
    openedAt: p.openedAt,
    closesAt: p.closesAt,
    closedAt: closedAtOf(p, at),
    responses: counts.get(p.id) ?? 0,
    threshold: effectiveThreshold(p.threshold),
    answeredByMe: mine.has(p.id),
  }));
}

/**
 * Who is asked to answer a pulse: an inquiry's participants but its facilitator; for a team pulse, every
 * member but whoever opened it. The team answers about itself; whoever runs it does not, and so cannot take
 * their own answer out of the aggregate either.
 */
async function respondentsOf(db: Db, pulse: PulseRecord, inquiry: InquiryRecord | null): Promise<string[]> {
  if (inquiry) {
    return (await listParticipants(db, inquiry))
      .map((p) => p.user.id)
      .filter((id) => id !== inquiry.facilitatorId);
  }
  return (await listMembers(db, pulse.workspaceId))
    .map((m) => m.user.id)
    .filter((id) => id !== pulse.openedBy);
}

async function presentPulse(db: Db, pulse: PulseRecord, viewerId: string): Promise<Pulse> {
  return (await presentPulses(db, [pulse], viewerId))[0] as Pulse;
}

export function pulseRoutes(app: App, ctx: RouteContext): void {
  const { db, writer } = ctx;

  /** The pulse and the caller's access to what it belongs to; outside it, the same 404 as no pulse. */
  const pulseAccess = async (request: Requester, pulseId: string) => {
    const user = await requireUser(db, request);
    const pulse = await findPulse(db, pulseId);
    if (!pulse) throw notFound('Pulse');
    const missing = () => {
      throw notFound('Pulse');
    };
    if (pulse.inquiryId) {
      const granted = await inquiryAccess(db, user, pulse.inquiryId).catch(missing);
      return { pulse, granted: granted as WorkspaceAccess, inquiry: granted.inquiry as InquiryRecord | null };
    }
    const granted = await workspaceAccess(db, user, pulse.workspaceId).catch(missing);
    return { pulse, granted: granted as WorkspaceAccess, inquiry: null as InquiryRecord | null };
  };

  /** Opens a pulse unless one of the same scope is still open; announced on the inquiry's stream. */
  const open = async (granted: WorkspaceAccess, inquiry: InquiryRecord | null, closesAt: string | null) => {
    if (closesAt !== null && !(Date.parse(closesAt) > Date.now())) {
      throw invalidField('body.closesAt', 'Choose a closing time in the future.');
    }
    const threshold = effectiveThreshold(await pulseThreshold(db, granted.workspace.id));
    return transact(writer, async (trx, record) => {
      // Two facilitators opening at once: the second waits here and then sees the first one's pulse.
      await lockWorkspace(trx, granted.workspace.id);
      if (await findOpenPulse(trx, granted.workspace.id, inquiry?.id ?? null)) {
        throw conflict('A pulse is already open here; close it first.');
      }
      const pulse = await insertPulse(trx, {
        workspaceId: granted.workspace.id,
        inquiryId: inquiry?.id ?? null,
        openedBy: granted.user.id,
        closesAt: closesAt === null ? null : new Date(closesAt).toISOString(),
        threshold,
      });
      if (inquiry) await record(inquiry.id, { type: 'pulses.changed', data: { inquiryId: inquiry.id } });
      await notifyPulseOpened(trx, pulse, inquiry, await respondentsOf(trx, pulse, inquiry));
      return pulse;
    });
  };

  app.post(
    '/api/inquiries/:inquiryId/pulses',
    {
      schema: {
        tags,
        summary: 'Open a psychological-safety pulse for an inquiry (facilitator)',
        security: SESSION,
        params: InquiryParams,
        body: CreatePulseBody,
        response: { 201: PulseResponse },
      },
    },
    async (request, reply) => {
      const granted = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(granted, 'pulse.openInquiry', { facilitatorId: granted.inquiry.facilitatorId });
      const pulse = await open(granted, granted.inquiry, request.body.closesAt);
      return reply.status(201).send({ pulse: await presentPulse(db, pulse, granted.user.id) });
    },
  );

  app.post(
    '/api/workspaces/:workspaceId/pulses',
    {
      schema: {
        tags,
        summary: 'Open a team pulse across the workspace (owner, facilitator)',
        security: SESSION,
        params: WorkspaceParams,
        body: CreatePulseBody,
        response: { 201: PulseResponse },
      },
    },
    async (request, reply) => {
      const granted = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(granted, 'pulse.openTeam');
      const pulse = await open(granted, null, request.body.closesAt);
      return reply.status(201).send({ pulse: await presentPulse(db, pulse, granted.user.id) });
    },
  );

  app.get(
    '/api/inquiries/:inquiryId/pulses',
    {
      schema: {
        tags,
        summary: "The inquiry's pulses, newest first (counts only)",
        security: SESSION,
        params: InquiryParams,
        response: { 200: PulseList },
      },
    },
    async (request) => {
      const granted = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(granted, 'inquiry.read');
      const pulses = await listPulses(db, {
        workspaceId: granted.workspace.id,
        inquiryIds: [granted.inquiry.id],
        team: false,
      });
      return { items: await presentPulses(db, pulses, granted.user.id), nextCursor: null };
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/pulses',
    {
      schema: {
        tags,
        summary: "The team's pulses and those of the inquiries you take part in, newest first (counts only)",
        security: SESSION,
        params: WorkspaceParams,
        response: { 200: PulseList },
      },
    },
    async (request) => {
      const granted = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(granted, 'workspace.read');
      const mine = await db
        .selectFrom('inquiry_participants')
        .innerJoin('inquiries', 'inquiries.id', 'inquiry_participants.inquiry_id')
        .select('inquiries.id')
        .where('inquiries.workspace_id', '=', granted.workspace.id)
        .where('inquiry_participants.user_id', '=', granted.user.id)
        .execute();
      const pulses = await listPulses(db, {
        workspaceId: granted.workspace.id,
        inquiryIds: mine.map((m) => m.id),
        team: true,
      });
      return { items: await presentPulses(db, pulses, granted.user.id), nextCursor: null };
    },
  );

  app.post(
    '/api/pulses/:pulseId/responses',
    {
      schema: {
        tags,
        summary:
          'Answer a pulse once: seven statements 1–7 and an optional comment, stored without your name',
        security: SESSION,
        params: PulseParams,
        body: PulseResponseBody,
        response: { 201: PulseResponse },
      },
    },
    async (request, reply) => {
      const { pulse, granted, inquiry } = await pulseAccess(request, request.params.pulseId);
      const userId = granted.user.id;
      if (!(await respondentsOf(db, pulse, inquiry)).includes(userId)) {
        throw forbidden(
          inquiry
            ? "Only the inquiry's participants answer its pulse; the facilitator does not."
            : 'Whoever opened the pulse does not answer it.',
        );
      }
      if (isClosed(pulse)) throw conflict('This pulse is closed.');
      const { answers, comment } = request.body;
      const written = await db.transaction().execute(async (trx) => {
        const stored = await insertAnswer(trx, pulse.id, userId, answers, comment);
        if (stored) await markSubjectRead(trx, { userId, kind: 'pulse_open', subjectId: pulse.id });
        return stored;
      });
      if (!written) throw conflict('You have already answered this pulse.');
      return reply.status(201).send({ pulse: await presentPulse(db, pulse, userId) });
    },
  );

  app.post(
    '/api/pulses/:pulseId/close',
    {
      schema: {
        tags,
        summary:
          'Close a pulse (whoever opened it, the facilitator, an owner); results appear from k answers',
        security: SESSION,
        params: PulseParams,
        response: { 200: PulseResponse },
      },
    },
    async (request) => {
      const { pulse, granted, inquiry } = await pulseAccess(request, request.params.pulseId);
      authorize(granted, 'pulse.close', { createdBy: pulse.openedBy, facilitatorId: inquiry?.facilitatorId });
      if (pulse.closedAt === null) {
        await transact(writer, async (trx, record) => {
          await closePulse(trx, pulse.id);
          if (inquiry) await record(inquiry.id, { type: 'pulses.changed', data: { inquiryId: inquiry.id } });
        });
      }
      const closed = (await findPulse(db, pulse.id)) ?? pulse;
      return { pulse: await presentPulse(db, closed, granted.user.id) };
    },
  );

  app.get(
    '/api/pulses/:pulseId/results',
    {
      schema: {
        tags,
        summary: 'Aggregate results: nulls until the pulse is closed with at least k answers',
        security: SESSION,
        params: PulseParams,
        response: { 200: PulseResults },
      },
    },
    async (request) => {
      const { pulse } = await pulseAccess(request, request.params.pulseId);
      const at = now();
      // The trend: this pulse and the earlier ones of the same inquiry or team, each shown only by the
      // same rule as the pulse itself.
      const scope = (
        await listPulses(db, {
          workspaceId: pulse.workspaceId,
          inquiryIds: pulse.inquiryId ? [pulse.inquiryId] : null,
          team: pulse.inquiryId === null,
        })
      ).filter((p) => p.openedAt <= pulse.openedAt && isClosed(p, at));
      const [counts, sums] = await Promise.all([
        responseCounts(db, [pulse.id]),
        answerSums(
          db,
          scope.map((p) => p.id),
        ),
      ]);
      const closed = isClosed(pulse, at);
      const total = sums.get(pulse.id) ?? { responses: 0, sums: [] };
      const view = { responses: counts.get(pulse.id) ?? 0, threshold: pulse.threshold, closed };
      const comments = resultsVisible(view) ? await commentsOf(db, pulse.id) : [];
      const trend = scope
        .map((p) => {
          const s = sums.get(p.id);
          const visible =
            s && resultsVisible({ responses: s.responses, threshold: p.threshold, closed: true });
          const score = visible ? scorePulse(s)?.score : undefined;
          return score === undefined ? null : { pulseId: p.id, openedAt: p.openedAt, score };
        })
        .filter((t): t is { pulseId: string; openedAt: string; score: number } => t !== null)
        .reverse();
      return { ...pulseResults(view, total, comments), trend };
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/settings',
    {
      schema: {
        tags,
        summary: "The workspace's settings (the pulse threshold k)",
        security: SESSION,
        params: WorkspaceParams,
        response: { 200: WorkspaceSettingsResponse },
      },
    },
    async (request) => {
      const granted = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(granted, 'workspace.read');
      return {
        settings: { pulseThreshold: effectiveThreshold(await pulseThreshold(db, granted.workspace.id)) },
      };
    },
  );

  app.patch(
    '/api/workspaces/:workspaceId/settings',
    {
      schema: {
        tags,
        summary: 'Change the workspace settings (owner): the pulse threshold k, never below 3',
        security: SESSION,
        params: WorkspaceParams,
        body: WorkspaceSettingsBody,
        response: { 200: WorkspaceSettingsResponse },
      },
    },
    async (request) => {
      const granted = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(granted, 'workspace.configure');
      await setPulseThreshold(db, granted.workspace.id, request.body.pulseThreshold);
      return {
        settings: { pulseThreshold: effectiveThreshold(await pulseThreshold(db, granted.workspace.id)) },
      };
    },
  );
}
