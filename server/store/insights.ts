import { type AddressedTo, DEFAULT_PROMPTS } from '../../domain/insights/prompts.js';
import {
  DEFAULT_INSIGHT_THRESHOLDS,
  INSIGHT_RULES,
  type InsightRule,
  type InsightThresholds,
} from '../../domain/insights/rules.js';
import type { InsightSnapshot } from '../../domain/insights/types.js';
import type { Db } from './db.js';
import { newId, now } from './ids.js';
import type { InquiryRecord } from './inquiries.js';

// The console's records: the workspace's prompt library and thresholds, the questions asked from it, and
// an inquiry's notes, links, thanks and people as the insights engine reads them.

export interface PromptRecord {
  id: string;
  workspaceId: string;
  rule: InsightRule;
  text: string;
  addressedTo: AddressedTo;
  updatedAt: string;
}

const toPrompt = (r: {
  id: string;
  workspace_id: string;
  rule: InsightRule;
  text: string;
  addressed_to: AddressedTo;
  updated_at: string;
}): PromptRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  rule: r.rule,
  text: r.text,
  addressedTo: r.addressed_to,
  updatedAt: r.updated_at,
});

const RULE_ORDER = new Map<string, number>(INSIGHT_RULES.map((r, i) => [r, i]));

/** The workspace's prompts, one per rule in the rules' order; the defaults are stored on first use. */
export async function listPrompts(db: Db, workspaceId: string): Promise<PromptRecord[]> {
  let rows = await db
    .selectFrom('facilitator_prompts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .execute();
  if (rows.length < INSIGHT_RULES.length) {
    const have = new Set(rows.map((r) => r.rule));
    const at = now();
    const missing = INSIGHT_RULES.filter((rule) => !have.has(rule));
    // Two first reads racing each other both try; the unique index keeps one prompt per rule.
    await db
      .insertInto('facilitator_prompts')
      .values(
        missing.map((rule) => ({
          id: newId(),
          workspace_id: workspaceId,
          rule,
          text: DEFAULT_PROMPTS[rule].text,
          addressed_to: DEFAULT_PROMPTS[rule].addressedTo,
          updated_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'rule']).doNothing())
      .execute();
    rows = await db
      .selectFrom('facilitator_prompts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .execute();
  }
  return rows.map(toPrompt).sort((a, b) => (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0));
}

export async function findPrompt(db: Db, promptId: string): Promise<PromptRecord | null> {
  const row = await db
    .selectFrom('facilitator_prompts')
    .selectAll()
    .where('id', '=', promptId)
    .executeTakeFirst();
  return row ? toPrompt(row) : null;
}

export async function updatePrompt(
  db: Db,
  promptId: string,
  patch: { text: string; addressedTo: AddressedTo },
): Promise<void> {
  await db
    .updateTable('facilitator_prompts')
    .set({ text: patch.text, addressed_to: patch.addressedTo, updated_at: now() })
    .where('id', '=', promptId)
    .execute();
}

/** Puts the defaults back, for every rule or one; the prompts keep their ids. */
export async function resetPrompts(
  db: Db,
  workspaceId: string,
  rules: readonly InsightRule[],
): Promise<void> {
  await listPrompts(db, workspaceId);
  const at = now();
  for (const rule of rules) {
    await db
      .updateTable('facilitator_prompts')
      .set({
        text: DEFAULT_PROMPTS[rule].text,
        addressed_to: DEFAULT_PROMPTS[rule].addressedTo,
        updated_at: at,
      })
      .where('workspace_id', '=', workspaceId)
      .where('rule', '=', rule)
      .execute();
  }
}

/** The workspace's thresholds: what it changed, over the defaults. */
export async function findThresholds(db: Db, workspaceId: string): Promise<InsightThresholds> {
  const row = await db
    .selectFrom('insight_settings')
    .select('thresholds')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  const changed = row ? (JSON.parse(row.thresholds) as Partial<InsightThresholds>) : {};
  return { ...DEFAULT_INSIGHT_THRESHOLDS, ...changed };
}

export async function saveThresholds(
  db: Db,
  workspaceId: string,
  thresholds: InsightThresholds,
): Promise<void> {
  const changed = Object.fromEntries(
    Object.entries(thresholds).filter(
      ([key, value]) => DEFAULT_INSIGHT_THRESHOLDS[key as keyof InsightThresholds] !== value,
    ),
  );
  const values = { workspace_id: workspaceId, thresholds: JSON.stringify(changed), updated_at: now() };
  await db
    .insertInto('insight_settings')
    .values(values)
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet({ thresholds: values.thresholds, updated_at: values.updated_at }),
    )
    .execute();
}

export interface AskedRecord {
  id: string;
  inquiryId: string;
  rule: InsightRule;
  findingId: string;
  promptId: string | null;
  contributionId: string;
  askedBy: string;
  askedAt: string;
}

export async function insertAsked(db: Db, input: Omit<AskedRecord, 'id' | 'askedAt'>): Promise<AskedRecord> {
  const record: AskedRecord = { ...input, id: newId(), askedAt: now() };
  await db
    .insertInto('asked_prompts')
    .values({
      id: record.id,
      inquiry_id: record.inquiryId,
      rule: record.rule,
      finding_id: record.findingId,
      prompt_id: record.promptId,
      contribution_id: record.contributionId,
      asked_by: record.askedBy,
      asked_at: record.askedAt,
    })
    .execute();
  return record;
}

/** The questions asked in an inquiry, oldest first. */
export async function listAsked(db: Db, inquiryId: string): Promise<AskedRecord[]> {
  const rows = await db
    .selectFrom('asked_prompts')
    .selectAll()
    .where('inquiry_id', '=', inquiryId)
    .orderBy('asked_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    inquiryId: r.inquiry_id,
    rule: r.rule,
    findingId: r.finding_id,
    promptId: r.prompt_id,
    contributionId: r.contribution_id,
    askedBy: r.asked_by,
    askedAt: r.asked_at,
  }));
}

/**
 * Everything the insights engine reads about an inquiry. An anonymous note's author id stays in (private
 * mode needs it) but its author's name is never read.
 */
export async function loadInsightSnapshot(db: Db, inquiry: InquiryRecord): Promise<InsightSnapshot> {
  const [participants, notes, links, acknowledgements, leftFraming, conclusion] = await Promise.all([
    db
      .selectFrom('inquiry_participants')
      .innerJoin('users', 'users.id', 'inquiry_participants.user_id')
      .select([
        'users.id',
        'users.name',
        'inquiry_participants.perspective',
        'inquiry_participants.joined_at',
      ])
      .where('inquiry_participants.inquiry_id', '=', inquiry.id)
      .execute(),
    db
      .selectFrom('contributions')
      .innerJoin('users', 'users.id', 'contributions.author_id')
      .select([
        'contributions.id',
        'contributions.author_id',
        'users.name as author_name',
        'contributions.anonymous',
        'contributions.kind',
        'contributions.state',
        'contributions.body',
        'contributions.created_at',
        'contributions.perspective',
      ])
      .where('contributions.inquiry_id', '=', inquiry.id)
      .execute(),
    db
      .selectFrom('links')
      .select(['id', 'from_id', 'to_id', 'kind', 'created_at'])
      .where('inquiry_id', '=', inquiry.id)
      .execute(),
    db
      .selectFrom('acknowledgements')
      .innerJoin('contributions', 'contributions.id', 'acknowledgements.contribution_id')
      .select(['acknowledgements.contribution_id', 'acknowledgements.user_id', 'acknowledgements.created_at'])
      .where('contributions.inquiry_id', '=', inquiry.id)
      .execute(),
    db
      .selectFrom('phase_changes')
      .select((eb) => eb.fn.min('created_at').as('at'))
      .where('inquiry_id', '=', inquiry.id)
      .where('from_phase', '=', 'framing')
      .executeTakeFirst(),
    db.selectFrom('conclusions').select('inquiry_id').where('inquiry_id', '=', inquiry.id).executeTakeFirst(),
  ]);
  return {
    inquiryId: inquiry.id,
    createdAt: inquiry.createdAt,
    phase: inquiry.phase,
    facilitatorId: inquiry.facilitatorId,
    // An inquiry moved on without a recorded move (created past framing by a script) counts from its start.
    activeSince: inquiry.phase === 'framing' ? null : (leftFraming?.at ?? inquiry.createdAt),
    conclusionProposed: conclusion !== undefined,
    participants: participants.map((p) => ({
      id: p.id,
      name: p.name,
      perspective: p.perspective,
      joinedAt: p.joined_at,
    })),
    notes: notes.map((n) => ({
      id: n.id,
      authorId: n.author_id,
      authorName: n.anonymous === 1 ? '' : n.author_name,
      anonymous: n.anonymous === 1,
      kind: n.kind,
      state: n.state,
      body: n.body,
      createdAt: n.created_at,
      perspective: n.perspective,
    })),
    links: links.map((l) => ({
      id: l.id,
      fromId: l.from_id,
      toId: l.to_id,
      kind: l.kind,
      createdAt: l.created_at,
    })),
    acknowledgements: acknowledgements.map((a) => ({
      contributionId: a.contribution_id,
      userId: a.user_id,
      at: a.created_at,
    })),
  };
}

/** The participants as the engine knows them, after a lens changed. */
export async function loadInsightPeople(db: Db, inquiryId: string): Promise<InsightSnapshot['participants']> {
  const rows = await db
    .selectFrom('inquiry_participants')
    .innerJoin('users', 'users.id', 'inquiry_participants.user_id')
    .select(['users.id', 'users.name', 'inquiry_participants.perspective', 'inquiry_participants.joined_at'])
    .where('inquiry_participants.inquiry_id', '=', inquiryId)
    .execute();
  return rows.map((p) => ({ id: p.id, name: p.name, perspective: p.perspective, joinedAt: p.joined_at }));
}
