import { InquiryParams } from '../../contract/inquiries.js';
import {
  AskInsightBody,
  AskInsightResponse,
  InsightSettingsResponse,
  InsightsResponse,
  PromptList,
  PromptParams,
  PromptResponse,
  ResetPromptsBody,
  UpdateInsightSettingsBody,
  UpdatePromptBody,
} from '../../contract/insights.js';
import { WorkspaceParams } from '../../contract/workspaces.js';
import { unknownPlaceholders } from '../../domain/insights/prompts.js';
import { DEFAULT_INSIGHT_THRESHOLDS, INSIGHT_RULES } from '../../domain/insights/rules.js';
import { authorize, inquiryAccess, workspaceAccess } from '../auth/access.js';
import { loadPrivacy } from '../auth/privacy.js';
import { requireUser } from '../auth/session.js';
import { askFinding } from '../commands/ask.js';
import { conflict, invalidField, notFound } from '../errors.js';
import { consoleView } from '../insights/console.js';
import { InsightsCache } from '../insights/engine-cache.js';
import { loadInquiryResilience } from '../insights/resilience.js';
import { loadUnderstanding } from '../insights/understanding.js';
import { presentContribution } from '../presenters/index.js';
import {
  findPrompt,
  findThresholds,
  listPrompts,
  type PromptRecord,
  resetPrompts,
  saveThresholds,
  updatePrompt,
} from '../store/insights.js';
import { type App, type RouteContext, SESSION } from './context.js';

// The facilitator's console (#5): findings with their suggested questions and participation, from an
// engine per inquiry kept current by the live events; asking a suggested question; the workspace's prompt
// library and thresholds.

const tags = ['insights'];

const presentPrompt = (p: PromptRecord) => ({
  id: p.id,
  rule: p.rule,
  text: p.text,
  addressedTo: p.addressedTo,
  updatedAt: p.updatedAt,
});

export function insightRoutes(app: App, ctx: RouteContext): void {
  const { db, writer } = ctx;
  const cache = new InsightsCache(db, ctx.bus, app.log);
  app.addHook('preClose', () => cache.close());

  const consoleAccess = async (request: Parameters<typeof requireUser>[1], inquiryId: string) => {
    const granted = await inquiryAccess(db, await requireUser(db, request), inquiryId);
    authorize(granted, 'inquiry.insights', { facilitatorId: granted.inquiry.facilitatorId });
    return granted;
  };

  app.get(
    '/api/inquiries/:inquiryId/insights',
    {
      schema: {
        tags,
        summary:
          "The facilitator's console: findings with suggested questions, participation, resilience, understanding",
        security: SESSION,
        params: InquiryParams,
        response: { 200: InsightsResponse },
      },
    },
    async (request, reply) => {
      const granted = await consoleAccess(request, request.params.inquiryId);
      const started = performance.now();
      const privacy = await loadPrivacy(db, granted.inquiry);
      const [view, resilience, understanding] = await Promise.all([
        consoleView(db, cache, granted.inquiry, granted.user.id, privacy),
        loadInquiryResilience(db, granted.inquiry.id),
        loadUnderstanding(db, granted.inquiry.id),
      ]);
      // Whether the engine had to be built from the store for this request, and how long the console took.
      reply.header(
        'server-timing',
        `insights;desc="${view.cold ? 'cold' : 'warm'}";dur=${(performance.now() - started).toFixed(1)}`,
      );
      return {
        findings: view.findings,
        participation: view.participation,
        resilience,
        understanding,
        computedAt: new Date().toISOString(),
        seq: view.seq,
        askedPrompts: view.askedPrompts,
      };
    },
  );

  app.post(
    '/api/inquiries/:inquiryId/insights/ask',
    {
      schema: {
        tags,
        summary: "Post a finding's suggested question into the inquiry (facilitator)",
        security: SESSION,
        params: InquiryParams,
        body: AskInsightBody,
        response: { 201: AskInsightResponse },
      },
    },
    async (request, reply) => {
      const granted = await consoleAccess(request, request.params.inquiryId);
      const privacy = await loadPrivacy(db, granted.inquiry);
      const view = await consoleView(db, cache, granted.inquiry, granted.user.id, privacy);
      const finding = view.findings.find((f) => f.id === request.body.findingId);
      if (!finding) throw notFound('Finding (it may no longer hold)');
      if (finding.asked && !finding.asked.answered)
        throw conflict('This question has been asked and is waiting for an answer.');
      const { contribution, askedAt } = await askFinding(
        writer,
        granted.inquiry,
        granted.user,
        finding,
        view.aboutNote.get(finding.id) ?? null,
      );
      return reply.status(201).send({
        contribution: presentContribution(contribution, granted.user.id),
        finding: { ...finding, asked: { contributionId: contribution.id, askedAt, answered: false } },
      });
    },
  );

  const libraryAccess = async (request: Parameters<typeof requireUser>[1], workspaceId: string) => {
    const granted = await workspaceAccess(db, await requireUser(db, request), workspaceId);
    authorize(granted, 'prompts.manage');
    return granted;
  };

  app.get(
    '/api/workspaces/:workspaceId/prompts',
    {
      schema: {
        tags,
        summary: "The workspace's facilitator prompts, one per rule (owner, facilitator)",
        security: SESSION,
        params: WorkspaceParams,
        response: { 200: PromptList },
      },
    },
    async (request) => {
      const granted = await libraryAccess(request, request.params.workspaceId);
      return { items: (await listPrompts(db, granted.workspace.id)).map(presentPrompt), nextCursor: null };
    },
  );

  app.put(
    '/api/workspaces/:workspaceId/prompts/:promptId',
    {
      schema: {
        tags,
        summary:
          'Rewrite a prompt: its text ({person}, {note}, {lens}) and whom it addresses (owner, facilitator)',
        security: SESSION,
        params: PromptParams,
        body: UpdatePromptBody,
        response: { 200: PromptResponse },
      },
    },
    async (request) => {
      const granted = await libraryAccess(request, request.params.workspaceId);
      const prompt = await findPrompt(db, request.params.promptId);
      if (!prompt || prompt.workspaceId !== granted.workspace.id) throw notFound('Prompt');
      const bad = unknownPlaceholders(prompt.rule, request.body.text);
      if (bad.length > 0)
        throw invalidField(
          'body.text',
          `This prompt cannot fill ${bad.join(', ')}; it may use only what its rule knows.`,
        );
      await db.transaction().execute((trx) => updatePrompt(trx, prompt.id, request.body));
      const updated = await findPrompt(db, prompt.id);
      if (!updated) throw notFound('Prompt');
      return { prompt: presentPrompt(updated) };
    },
  );

  app.post(
    '/api/workspaces/:workspaceId/prompts/reset',
    {
      schema: {
        tags,
        summary: 'Put the default prompts back, for one rule or all (owner, facilitator)',
        security: SESSION,
        params: WorkspaceParams,
        body: ResetPromptsBody.optional(),
        response: { 200: PromptList },
      },
    },
    async (request) => {
      const granted = await libraryAccess(request, request.params.workspaceId);
      const rule = request.body?.rule;
      await db
        .transaction()
        .execute((trx) => resetPrompts(trx, granted.workspace.id, rule ? [rule] : INSIGHT_RULES));
      return { items: (await listPrompts(db, granted.workspace.id)).map(presentPrompt), nextCursor: null };
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/insight-settings',
    {
      schema: {
        tags,
        summary: "The thresholds of the console's rules (owner, facilitator)",
        security: SESSION,
        params: WorkspaceParams,
        response: { 200: InsightSettingsResponse },
      },
    },
    async (request) => {
      const granted = await libraryAccess(request, request.params.workspaceId);
      return {
        thresholds: await findThresholds(db, granted.workspace.id),
        defaults: DEFAULT_INSIGHT_THRESHOLDS,
      };
    },
  );

  app.put(
    '/api/workspaces/:workspaceId/insight-settings',
    {
      schema: {
        tags,
        summary: "Tune the console's thresholds; send only those to change (owner)",
        security: SESSION,
        params: WorkspaceParams,
        body: UpdateInsightSettingsBody,
        response: { 200: InsightSettingsResponse },
      },
    },
    async (request) => {
      const granted = await workspaceAccess(db, await requireUser(db, request), request.params.workspaceId);
      authorize(granted, 'workspace.configure');
      const thresholds = await db.transaction().execute(async (trx) => {
        const merged = { ...(await findThresholds(trx, granted.workspace.id)), ...request.body };
        await saveThresholds(trx, granted.workspace.id, merged);
        return merged;
      });
      return { thresholds, defaults: DEFAULT_INSIGHT_THRESHOLDS };
    },
  );
}
